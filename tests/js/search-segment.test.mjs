// Chinese query cutting in the search worker (docs/assets/javascripts/workers/shuniu-search.js).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

createRequire(import.meta.url)("../../docs/assets/javascripts/workers/shuniu-search.js");
const { segmentRun, wordsOf, rewriteQuery } = globalThis.shuniuSearch;

const index = new Set(["印章", "外借", "需要", "批准", "定密", "责任人", "定密责任人", "请示", "报告", "什么", "区别", "函", "谁"]);
const isTerm = (term) => index.has(term);

test("a run is cut into the fewest index words, the last word included", () => {
  assert.deepEqual(segmentRun("印章外借需要谁批准", isTerm), ["印章", "外借", "需要", "谁", "批准"]);
  assert.deepEqual(segmentRun("谁是定密责任人", isTerm), ["谁", "是", "定密责任人"]);
});

test("single characters are dropped when the run has words, kept when it is one", () => {
  assert.deepEqual(wordsOf("请示和报告有什么区别", isTerm), ["请示", "报告", "什么", "区别"]);
  assert.deepEqual(wordsOf("函", isTerm), ["函"]);
  assert.deepEqual(wordsOf("吗", isTerm), []);
});

test("each word reaches Material followed by a character that keeps it whole", () => {
  assert.equal(rewriteQuery("谁是定密责任人", isTerm), "定密责任人\u3400");
  assert.equal(rewriteQuery("GB/T 9704 印章外借", isTerm), "GB/T 9704 印章\u3400 外借\u3400");
  assert.equal(rewriteQuery("seal register", isTerm), "seal register");
  assert.equal(rewriteQuery("吗", isTerm), "吗");
});
