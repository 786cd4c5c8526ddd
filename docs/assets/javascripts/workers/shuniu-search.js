/* Shuniu's search worker. It replaces Material's search worker and speaks its protocol (the
 * SETUP, READY, QUERY and RESULT messages and the result shape Material's search box renders;
 * tests/test_search_material.py checks both against the installed Material), so the search box,
 * keyboard handling and highlighting stay Material's while the searching is Shuniu's:
 *
 * - a question is understood before anything is searched: cut into words known to the site
 *   (the build ships its vocabulary), question and filler words dropped, each word widened by the
 *   synonym list (docs/search/synonyms.yml: how staff talk -> how rules are written);
 * - words are found anywhere inside the text, so a part of a compound (督办 in 督查督办) finds it;
 * - a page scores by the query's concepts it holds, each weighted by how rare it is (BM25-like),
 *   with a bonus for titles; generated and meta pages (glossary, checklists, indexes) come last;
 * - each language searches its own pages; the English site lists Chinese-only pages marked 中文页面;
 * - the snippet is the sentence that matched, without the page's generated chrome (the build
 *   leaves it out of the index) or the zero-width spaces jieba's segmentation left in it.
 *
 * Opened from disk, Material runs workers through the iframe-worker shim: this script then runs in
 * a hidden iframe whose postMessage and addEventListener stand in for a worker's. No eval, no
 * network: everything comes in the SETUP message (the index, with config.shuniu from the build).
 * docs/assets/shuniu/search.js makes pages start this worker instead of Material's.
 */
(function (root) {
  "use strict";

  // Material's SearchMessageType (integrations/search/worker/message): SETUP, READY, QUERY, RESULT.
  var MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };
  var HAN_RUN = /\p{sc=Han}+/gu;
  var LATIN_WORD = /[a-z0-9][a-z0-9.+#/-]*/g; // GB/T stays one word
  var INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/g;
  var LONGEST_WORD = 12;
  var SECONDARY_LAST = 0.001; // meta pages keep their order among themselves, after every other page
  var ZH_MARK = '<span class="shuniu-search-zh">中文页面</span>';
  var EN_STOP = new Set(("a an and are as at be by can do does for from how i in is it my of on or " +
    "should the to what when where which who why with").split(" "));

  /* Plain text of index HTML: tags become breaks (block ends) or nothing, entities decoded. */
  function plainText(html) {
    return String(html || "")
      .replace(/<\/(p|li|tr|h\d|div|pre)>|<br\s*\/?>/gi, "\n")
      .replace(/<[^>]*>/g, "")
      .replace(INVISIBLE, "")
      .replace(/&(lt|gt|amp|quot|#39|nbsp);/g, function (_, name) {
        return { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'", nbsp: " " }[name];
      });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* The fewest pieces that cover ``run``: known words of two or more characters, or single
   * characters; among cuts with as many pieces, the one with the fewest single characters. */
  function segmentRun(run, isWord) {
    var best = [{ pieces: 0, singles: 0, from: -1 }];
    for (var end = 1; end <= run.length; end++) {
      var choice = null;
      for (var start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
        var single = end - start === 1;
        if (!single && !isWord(run.slice(start, end))) continue;
        var before = best[start];
        var candidate = { pieces: before.pieces + 1, singles: before.singles + (single ? 1 : 0), from: start };
        if (!choice || candidate.pieces < choice.pieces ||
            (candidate.pieces === choice.pieces && candidate.singles < choice.singles)) choice = candidate;
      }
      best.push(choice);
    }
    var pieces = [];
    for (var at = run.length; at > 0; at = best[at].from) pieces.unshift(run.slice(best[at].from, at));
    return pieces;
  }

  /* What the build tells the worker about words (config.shuniu): a vocabulary for cutting
   * queries, synonyms (spoken word -> written words), words to ignore, secondary pages, and the
   * Chinese pages that have no en/ copy (a bank with no English version). */
  function lexicon(data) {
    data = data || {};
    var synonyms = new Map(Object.entries(data.synonyms || {}));
    var words = new Set(data.vocabulary || []);
    var ignore = new Set(data.ignore || []);
    synonyms.forEach(function (written, spoken) { words.add(spoken); written.forEach(function (w) { words.add(w); }); });
    ignore.forEach(function (word) { words.add(word); });
    return { words: words, synonyms: synonyms, ignore: ignore, secondary: new Set(data.secondary || []),
      chineseOnly: new Set(data.chinese_only || []) };
  }

  /* The query's concepts: each a word as typed, with the words a page may use for it.
   * Chinese runs are cut into known words; ignored words go; a single character stays only
   * if the synonym list knows it (丢, 陪, 借) or the run is nothing else. */
  function understand(query, lex) {
    var text = String(query).normalize("NFKC").toLowerCase().replace(INVISIBLE, "");
    var typed = [];
    text.replace(HAN_RUN, function (run) {
      if (!lex.words.size) { typed.push(run); return " "; } // an index without Shuniu's data
      var pieces = segmentRun(run, function (w) { return lex.words.has(w); });
      var kept = pieces.filter(function (p) {
        return !lex.ignore.has(p) && (p.length > 1 || lex.synonyms.has(p) || pieces.length === 1);
      });
      // A run of words the site does not know (a name, a rare compound) is searched as it is.
      typed.push.apply(typed, kept.length || run.length < 2 ? kept : [run]);
      return " ";
    }).replace(LATIN_WORD, function (word) {
      if ((!EN_STOP.has(word) && word.length > 1) || text.trim() === word) typed.push(word);
      return " ";
    });
    var seen = new Set();
    return typed.filter(function (w) { return !seen.has(w) && seen.add(w); }).map(function (word) {
      // A single character is searched by its written words only (印 -> 印章, 印制), not as itself.
      var written = lex.synonyms.get(word) || [];
      var forms = (word.length === 1 && written.length ? [] : [word]).concat(written);
      return { word: word, forms: forms.filter(function (f, i) { return forms.indexOf(f) === i; }) };
    });
  }

  /* Occurrences of ``form`` in ``text``; a Latin form must start a word (seal finds seals). */
  function count(text, form) {
    var n = 0, latin = /^[a-z0-9]/.test(form);
    for (var at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
      if (!latin || at === 0 || !/[a-z0-9]/.test(text[at - 1])) n++;
    }
    return n;
  }

  /* The pages of one language, each with its sections as plain, lower-cased text. The English
   * site also lists Chinese pages that have no English version, under their en/ address (the
   * marked English copy), or as they are where there is no such copy. */
  function buildIndex(docs, lang, lex) {
    var english = lang === "en";
    var isEnglish = function (location) { return location.indexOf("en/") === 0; };
    var translated = new Set();
    docs.forEach(function (doc) { if (isEnglish(String(doc.location))) translated.add(String(doc.location).split("#")[0]); });
    var pages = new Map();
    docs.forEach(function (doc) {
      var location = String(doc.location || ""), pageLoc = location.split("#")[0];
      var fallback = english && !isEnglish(location);
      if (english ? fallback && translated.has("en/" + pageLoc) : isEnglish(location)) return;
      var prefix = fallback && !lex.chineseOnly.has(pageLoc) ? "en/" : "";
      if (!pages.has(prefix + pageLoc)) {
        pages.set(prefix + pageLoc, { location: prefix + pageLoc, fallback: fallback, sections: [], secondary: lex.secondary.has(pageLoc) });
      }
      var title = plainText(doc.title), text = plainText(doc.text);
      pages.get(prefix + pageLoc).sections.push({
        location: prefix + location, isPage: location.indexOf("#") === -1,
        title: title, text: text, titleLow: title.toLowerCase(), textLow: text.toLowerCase(),
      });
    });
    var list = Array.from(pages.values());
    list.forEach(function (page) {
      var head = page.sections.find(function (s) { return s.isPage; }) || page.sections[0];
      page.title = head.title;
      page.titleLow = head.titleLow;
      page.length = page.sections.reduce(function (sum, s) { return sum + s.text.length; }, 0);
      page.headings = page.sections.filter(function (s) { return !s.isPage; }).map(function (s) { return s.titleLow; });
      page.textLow = page.sections.map(function (s) { return s.textLow; }).join("\n");
      page.allLow = page.textLow + "\n" + page.headings.join("\n") + "\n" + page.titleLow;
    });
    var total = list.reduce(function (sum, p) { return sum + p.length; }, 0);
    return { pages: list, averageLength: total / (list.length || 1) || 1 };
  }

  var K1 = 1.2, B = 0.5; // BM25's term saturation and length normalisation
  var TITLE = 2, HEADING = 0.6; // added per concept found in the page title / a section title
  var SNIPPET = 150; // characters of the matched sentence shown
  var MAX_PAGES = 50; // results listed (Material shows ten, then more as the reader scrolls)

  /* How much one text's occurrences of a concept add: BM25's saturating term frequency, plus
   * the title and heading bonuses. */
  function part(tf, inTitle, inHeading, length, index) {
    var norm = K1 * (1 - B + B * length / index.averageLength);
    return tf * (K1 + 1) / (tf + norm) + (inTitle ? TITLE : 0) + (inHeading ? HEADING : 0);
  }

  /* A section's score for ``concepts`` (with their weights), and which concepts it holds. */
  function scoreSection(section, concepts, index) {
    var score = 0, found = [];
    concepts.forEach(function (c) {
      var tf = 0, inTitle = false;
      c.forms.forEach(function (f) { tf += count(section.textLow, f); inTitle = inTitle || count(section.titleLow, f) > 0; });
      var add = part(tf, inTitle, false, section.text.length, index);
      found.push(add > 0);
      score += c.weight * add;
    });
    return { score: score, found: found };
  }

  /* Per page, how often ``forms`` occur in its text and whether its title or a heading holds
   * one (null: nowhere). One pass over each page's whole text rejects most pages at once. */
  function occurrences(index, forms) {
    return index.pages.map(function (page) {
      var tf = 0, inTitle = false, inHeading = false;
      forms.forEach(function (f) {
        if (page.allLow.indexOf(f) === -1) return;
        tf += count(page.textLow, f);
        inTitle = inTitle || count(page.titleLow, f) > 0;
        inHeading = inHeading || page.headings.some(function (h) { return count(h, f) > 0; });
      });
      return tf || inTitle || inHeading ? { tf: tf, title: inTitle, heading: inHeading } : null;
    });
  }

  /* The query's concepts with where they occur and their weight, BM25's inverse document
   * frequency over this language's pages; concepts no page holds are cut into smaller known
   * words (财政局 -> 财政) or dropped. */
  function weigh(concepts, index, lex) {
    var n = index.pages.length;
    var located = function (c) {
      var occ = occurrences(index, c.forms), df = occ.filter(Boolean).length;
      return { word: c.word, forms: c.forms, occ: occ, weight: df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0 };
    };
    var weighed = [];
    concepts.forEach(function (c) {
      var whole = located(c);
      var onSite = occurrences(index, [c.word]).some(Boolean);
      // The word as typed is on the site, or is too short to cut: search it (and its synonyms).
      if (onSite || c.word.length < 3) { weighed.push(whole); return; }
      // Otherwise its synonyms stay one concept and its known parts become concepts of their own
      // (领导签字 -> 签发; 领导, 签字).
      if (whole.weight && whole.forms.length > 1) weighed.push(located({ word: c.word, forms: whole.forms.slice(1) }));
      segmentRun(c.word, function (w) { return w !== c.word && lex.words.has(w); }).forEach(function (piece) {
        if (piece.length > 1 && !lex.ignore.has(piece)) weighed.push(located(understand(piece, lex)[0]));
      });
    });
    return weighed.filter(function (c) { return c.weight > 0; });
  }

  /* ``result``'s score scaled by the share of the query's weight it holds: a text with more of
   * the question beats one with a common word many times or in its title. */
  function covered(result, concepts) {
    var total = 0, held = 0;
    concepts.forEach(function (c, i) { total += c.weight; if (result.found[i]) held += c.weight; });
    return result.score * (0.25 + 0.75 * held / total);
  }

  /* Pages in the order to show them, by covered score; meta pages last. */
  function rank(index, concepts) {
    var ranked = [];
    index.pages.forEach(function (page, i) {
      var result = { score: 0, found: [] };
      concepts.forEach(function (c) {
        var o = c.occ[i], add = o ? part(o.tf, o.title, o.heading, page.length, index) : 0;
        result.found.push(add > 0);
        result.score += c.weight * add;
      });
      if (!result.score) return;
      var score = covered(result, concepts) * (page.secondary ? SECONDARY_LAST : 1);
      ranked.push({ page: page, score: score, found: result.found });
    });
    ranked.sort(function (a, b) { return b.score - a.score; });
    var best = ranked.length ? ranked[0].score : 0;
    return ranked.filter(function (r) { return r.score >= best * 0.05 || r.page.secondary; }).slice(0, MAX_PAGES);
  }

  /* The sentence of ``text`` holding most of the query's weight, cut to SNIPPET characters
   * around its first match, escaped, with every match marked. */
  function snippet(text, concepts) {
    var sentences = text.split(/(?<=[。！？；\n])/).map(function (s) { return s.trim(); }).filter(Boolean);
    var weightOf = function (sentence) {
      var low = sentence.toLowerCase();
      return concepts.reduce(function (sum, c) { return sum + (c.forms.some(function (f) { return low.indexOf(f) !== -1; }) ? c.weight : 0); }, 0);
    };
    var chosen = sentences.reduce(function (a, b) { return weightOf(b) > weightOf(a) ? b : a; }, sentences[0] || "");
    var forms = concepts.flatMap(function (c) { return c.forms; });
    var low = chosen.toLowerCase();
    var first = Math.min.apply(null, forms.map(function (f) { var at = low.indexOf(f); return at === -1 ? Infinity : at; }));
    var from = first === Infinity || first < SNIPPET / 3 ? 0 : first - Math.floor(SNIPPET / 3);
    var cut = chosen.slice(from, from + SNIPPET);
    return (from ? "…" : "") + mark(cut, forms) + (from + SNIPPET < chosen.length ? "…" : "");
  }

  function mark(text, forms) {
    var sorted = forms.filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    if (!sorted.length) return escapeHtml(text);
    var pattern = new RegExp("(" + sorted.map(function (f) { return f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")", "gi");
    return text.split(pattern).map(function (piece, i) {
      return i % 2 ? "<mark>" + escapeHtml(piece) + "</mark>" : escapeHtml(piece);
    }).join("");
  }

  /* Material's ``terms`` of a result: each concept (as the page writes it, if it does) -> found. */
  function termsOf(concepts, found, textLow) {
    var terms = {};
    concepts.forEach(function (c, i) {
      var written = c.forms.find(function (f) { return textLow.indexOf(f) !== -1; });
      terms[written || c.word] = Boolean(found[i]);
    });
    return terms;
  }

  /* One page as Material renders a result: the page, its best section (title and matched
   * sentence) first, other matching sections folded under "more". */
  function resultGroup(hit, concepts, index) {
    var page = hit.page;
    var sections = page.sections.map(function (s) {
      var r = scoreSection(s, concepts, index);
      return { section: s, score: covered(r, concepts) * hit.score / (hit.score + 1), found: r.found };
    }).filter(function (r) { return r.score > 0; }).sort(function (a, b) { return b.score - a.score; });
    var title = escapeHtml(page.title) + (page.fallback ? " " + ZH_MARK : "");
    var top = sections.length ? sections[0].score : hit.score;
    var article = { location: page.location, title: title, text: "", score: top, terms: termsOf(concepts, hit.found, page.allLow) };
    var docs = sections.map(function (r) {
      var s = r.section;
      return {
        location: s.location, title: s.isPage ? title : mark(s.title, concepts.flatMap(function (c) { return c.forms; })),
        text: snippet(s.text || s.title, concepts), score: r.score, terms: termsOf(concepts, r.found, s.textLow + " " + s.titleLow),
      };
    });
    if (docs.length && docs[0].location === page.location) return [docs[0]].concat(docs.slice(1));
    return docs.length ? [docs[0], article].concat(docs.slice(1)) : [article];
  }

  /* Material's SearchResult for ``query``: one group of documents per page, best page first. */
  function search(index, lex, query) {
    var concepts = weigh(understand(query, lex), index, lex);
    if (!concepts.length) return { items: [] };
    return { items: rank(index, concepts).map(function (hit) { return resultGroup(hit, concepts, index); }) };
  }

  root.shuniuSearch = {
    MESSAGE: MESSAGE, plainText: plainText, escapeHtml: escapeHtml, segmentRun: segmentRun,
    lexicon: lexicon, understand: understand, count: count, buildIndex: buildIndex, weigh: weigh,
    rank: rank, snippet: snippet, search: search,
  };
  if (typeof root.importScripts !== "function") return; // loaded for its functions (unit tests)

  /* The page passes its language after "#" (lang=en); from disk the shim appends "?<time>". */
  function pageLanguage() {
    var script = typeof document !== "undefined" && document.currentScript;
    var here = script ? script.src : root.location.href;
    var hash = here.indexOf("#") === -1 ? "" : here.slice(here.indexOf("#") + 1).split("?")[0];
    return new URLSearchParams(hash).get("lang") || "zh";
  }

  var lang = pageLanguage();
  var state = null;
  root.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === MESSAGE.SETUP) {
      var lex = lexicon(message.data.config && message.data.config.shuniu);
      state = { lex: lex, index: buildIndex(message.data.docs || [], lang, lex) };
      root.postMessage({ type: MESSAGE.READY });
    } else if (message.type === MESSAGE.QUERY) {
      root.postMessage({ type: MESSAGE.RESULT, data: state ? search(state.index, state.lex, message.data) : { items: [] } });
    }
  });
})(typeof self !== "undefined" ? self : globalThis);
