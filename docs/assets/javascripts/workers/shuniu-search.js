/* Shuniu's search worker: Material's own search worker, with each Chinese query cut into the
 * words of the site's search index before Material sees it.
 *
 * Why: Material re-segments a Chinese query greedily by index terms, but it never tests a word
 * that ends at the query's last character (印章外借需要谁批准 loses 批准) and it gives up at the
 * first character that starts no index term (谁是定密责任人 finds nothing). Here each run of
 * Chinese is cut into the fewest index words; single characters are dropped when the run has
 * words (they are mostly particles: 的, 吗, 谁); each word is handed to Material followed by a
 * character no index term contains, so Material's segmenter keeps it whole.
 *
 * This file must stay in assets/javascripts/workers/: Material's worker finds its language
 * files at ../lunr relative to the worker's address (and, opened from disk, relative to the
 * first script's address up to "/worker"). It depends on Material 9.8's worker protocol
 * (message type 2 is a query) and segmenter; `make search-quality` and its test catch a change.
 * docs/assets/shuniu/search.js makes pages start this worker instead of Material's.
 */
(function (root) {
  "use strict";

  var QUERY = 2; // Material's SearchMessageType.QUERY
  var HAN = /\p{sc=Han}+/gu;
  var KEEP_WHOLE = "\u3400"; // a rare Han character: no index term contains it
  var LONGEST_WORD = 12;

  /* The fewest pieces that cover ``run``: index words of two or more characters, or single
   * characters; among cuts with as many pieces, the one with the fewest single characters. */
  function segmentRun(run, isTerm) {
    var best = [{ pieces: 0, singles: 0, from: -1 }];
    for (var end = 1; end <= run.length; end++) {
      var choice = null;
      for (var start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
        var single = end - start === 1;
        if (!single && !isTerm(run.slice(start, end))) continue;
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

  /* The words of ``run`` worth searching for: its index words, or, if it has none, the
   * characters the index knows (a one-character query such as 函). */
  function wordsOf(run, isTerm) {
    var pieces = segmentRun(run, isTerm);
    var words = pieces.filter(function (piece) { return piece.length > 1; });
    return words.length ? words : pieces.filter(isTerm);
  }

  /* ``query`` with each run of Chinese replaced by its words, each kept whole for Material. */
  function rewriteQuery(query, isTerm) {
    return query.replace(HAN, function (run) {
      var words = wordsOf(run, isTerm);
      return words.length ? " " + words.join(KEEP_WHOLE + " ") + KEEP_WHOLE + " " : run;
    }).replace(/\s+/g, " ").trim();
  }

  root.shuniuSearch = { segmentRun: segmentRun, wordsOf: wordsOf, rewriteQuery: rewriteQuery };
  if (typeof root.importScripts !== "function") return; // loaded for its functions (unit tests)

  var terms = null; // the index's terms, once Material has built it

  function materialWorker() {
    // The page passes Material's worker address after "#"; from disk, the shim appends "?<time>".
    var script = typeof document !== "undefined" && document.currentScript;
    var here = script ? script.src : root.location.href;
    return decodeURIComponent(here.slice(here.indexOf("#") + 1).split("?")[0]);
  }

  function rewritten(message) {
    if (!terms || !message || message.type !== QUERY || typeof message.data !== "string") return message;
    return { type: message.type, data: rewriteQuery(message.data, function (term) { return term in terms; }) };
  }

  function captureIndex() {
    var build = root.lunr.Builder.prototype.build;
    root.lunr.Builder.prototype.build = function () {
      var index = build.apply(this, arguments);
      terms = index.invertedIndex;
      return index;
    };
  }

  // Material listens with addEventListener("message", ...): its listener gets the rewritten query.
  var listen = root.addEventListener.bind(root);
  root.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    return listen(type, function (event) { return listener({ data: rewritten(event.data) }); }, options);
  };
  var loading = root.importScripts(materialWorker()); // a promise under the file:// shim
  if (loading && typeof loading.then === "function") loading.then(captureIndex);
  else captureIndex();
})(typeof self !== "undefined" ? self : globalThis);
