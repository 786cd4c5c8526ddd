// Shuniu's search worker (docs/assets/javascripts/workers/shuniu-search.js): query understanding,
// ranking and the results Material renders, on small made-up indexes.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

createRequire(import.meta.url)("../../docs/assets/javascripts/workers/shuniu-search.js");
const S = globalThis.shuniuSearch;

const lex = S.lexicon({
  vocabulary: ["印章", "外借", "批准", "处理", "定密", "责任人", "定密责任人", "会议", "宴请", "管理", "规格", "登记"],
  synonyms: { 公章: ["印章"], 丢了: ["遗失"], 丢: ["遗失"], 开会: ["会议"], 吃饭: ["宴请", "工作餐"], 陪: ["陪餐"] },
  ignore: ["怎么", "能不能", "吗", "谁", "是", "的"],
  secondary: ["glossary.html"],
});
const words = (query) => S.understand(query, lex).map((c) => c.word);
const doc = (location, title, text) => ({ location, title, text });

test("a run is cut into the fewest known words, the last word included", () => {
  const known = (w) => lex.words.has(w);
  assert.deepEqual(S.segmentRun("印章外借需要谁批准", known), ["印章", "外借", "需", "要", "谁", "批准"]);
  assert.deepEqual(S.segmentRun("谁是定密责任人", known), ["谁", "是", "定密责任人"]);
});

test("question and filler words go; single characters stay only when the word list knows them", () => {
  assert.deepEqual(words("公章丢了怎么处理"), ["公章", "丢了", "处理"]);
  assert.deepEqual(words("开会能不能请吃饭"), ["开会", "吃饭"]);
  assert.deepEqual(words("来客吃饭几个人陪"), ["吃饭", "陪"]);
  assert.deepEqual(words("谁是定密责任人"), ["定密责任人"]);
  assert.deepEqual(words("吗"), []);
  assert.deepEqual(words("How do I register incoming documents"), ["register", "incoming", "documents"]);
  assert.deepEqual(words("GB/T 9704"), ["gb/t", "9704"]);
});

test("each word brings the words the pages write for it", () => {
  const concepts = S.understand("公章丢了", lex);
  assert.deepEqual(concepts.map((c) => c.forms), [["公章", "印章"], ["丢了", "遗失"]]);
});

test("a page holding more of the question beats a page with a common word in its title", () => {
  const docs = [
    doc("a.html", "印章规格", ""), doc("a.html#x", "规格", "印章为圆形。印章直径 5cm。印章用红色。"),
    doc("b.html", "用印", ""), doc("b.html#y", "带出", "印章外借须经批准并登记。"),
    doc("c.html", "印章管理", "印章的保管。"),
  ];
  const index = S.buildIndex(docs, "zh", lex);
  const result = S.search(index, lex, "公章外借要谁批准");
  assert.equal(result.items[0][0].location, "b.html#y");
  assert.equal(result.items.length, 3);
});

test("a part of a compound finds it, known word or not: words are found inside the text", () => {
  const index = S.buildIndex([doc("d.html", "督查督办", "对领导批示督查督办。")], "zh", lex);
  assert.equal(S.search(index, lex, "督办").items.length, 1);
  const known = S.lexicon({ vocabulary: ["督办", "督查督办"] });
  assert.equal(S.search(S.buildIndex([doc("d.html", "督查督办", "")], "zh", known), known, "督办").items.length, 1);
});

test("meta pages come after every page that answers, however well they match", () => {
  const docs = [
    doc("glossary.html", "术语表", "定密责任人：定密责任人是……定密责任人"),
    doc("p.html", "保密管理", "主要负责人为法定定密责任人。"),
  ];
  const result = S.search(S.buildIndex(docs, "zh", lex), lex, "定密责任人");
  assert.deepEqual(result.items.map((group) => group.find((d) => !d.location.includes("#")).location), ["p.html", "glossary.html"]);
});

test("the snippet is the sentence that matched, marked and escaped, without zero-width spaces", () => {
  const docs = [doc("y.html", "印\u200b章\u200b管理", ""),
    doc("y.html#s", "停用", "印章停用的，应当及时收回。印章遗失的，保管人员应立即报告<b>办公室</b>主任。&lt;script&gt;")];
  const [group] = S.search(S.buildIndex(docs, "zh", lex), lex, "公章丢了怎么处理").items;
  const [section, article] = group;
  assert.equal(section.text, "<mark>印章</mark><mark>遗失</mark>的，保管人员应立即报告办公室主任。");
  assert.equal(article.title, "印章管理");
  assert.ok(!/[\u200b-\u200f\ufeff]/.test(JSON.stringify(group)));
  const escaped = S.search(S.buildIndex([doc("z.html#q", "q", "印章 &lt;script&gt;")], "zh", lex), lex, "印章");
  assert.match(escaped.items[0][0].text, /&lt;script&gt;/);
});

test("each language searches its own pages; the English site marks Chinese-only pages", () => {
  const docs = [
    doc("policies/y.html", "印章管理", "印章 seal"), doc("en/policies/y.html", "Seal Management", "seal rules"),
    doc("procedures/z.html", "值班", "值班 seal"),
  ];
  const zh = S.search(S.buildIndex(docs, "zh", lex), lex, "seal").items.map((g) => g[0].location);
  assert.deepEqual(zh.sort(), ["policies/y.html", "procedures/z.html"]);
  const en = S.search(S.buildIndex(docs, "en", lex), lex, "seal").items;
  assert.deepEqual(en.map((g) => g[0].location), ["en/policies/y.html", "en/procedures/z.html"]);
  assert.ok(en[1][0].title.includes("中文页面") && !en[0][0].title.includes("中文页面"));
});

test("the messages are Material's: a query before the index is set up gets an empty result", () => {
  assert.deepEqual(S.MESSAGE, { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 });
});
