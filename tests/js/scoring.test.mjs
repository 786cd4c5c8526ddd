// Scoring rules of the quiz contract (shuniu/web/quiz/scoring.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { isAnswered, normalise, score, total } from "../../shuniu/web/quiz/scoring.js";

const single = { type: "single", answer: "B" };
const truefalse = { type: "truefalse", answer: false };
const multiple = { type: "multiple", answer: ["A", "C", "D"] };
const fill2 = { type: "fill", blanks: 2, answer: [["公文", "公文处理"], ["二十四", "24"]] };

test("normalise: NFKC, no whitespace, no Chinese or ASCII punctuation, lower case", () => {
  assert.equal(normalise("  Ａｂｃ　１２３ "), "abc123");
  assert.equal(normalise("《条例》，第二十四条。"), "条例第二十四条");
  assert.equal(normalise(`a!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~b`), "ab");
  assert.equal(normalise("“引号”、【括号】…—·"), "引号括号");
  assert.equal(normalise(null), "");
  // Marks inside numbers stay: "1/3" is not "13", "1.5" is not "15".
  assert.equal(normalise("１／３"), "1/3");
  assert.equal(normalise("1.5年"), "1.5年");
  assert.notEqual(normalise("13"), normalise("1/3"));
  assert.equal(normalise("第3.条"), "第3条");
});

test("single and true/false: all or nothing", () => {
  assert.deepEqual(score(single, "B"), { points: 100, correct: true });
  assert.deepEqual(score(single, "A"), { points: 0, correct: false });
  assert.deepEqual(score(single, null), { points: 0, correct: false });
  assert.deepEqual(score(truefalse, false), { points: 100, correct: true });
  assert.deepEqual(score(truefalse, true), { points: 0, correct: false });
  assert.deepEqual(score(truefalse, null), { points: 0, correct: false });
});

test("multiple: partial credit, floored, zero as soon as a wrong option is chosen", () => {
  assert.deepEqual(score(multiple, ["A", "C", "D"]), { points: 100, correct: true });
  assert.deepEqual(score(multiple, ["D", "A", "C"]), { points: 100, correct: true });
  assert.deepEqual(score(multiple, ["A", "C"]), { points: 66, correct: false });
  assert.deepEqual(score(multiple, ["A"]), { points: 33, correct: false });
  assert.deepEqual(score(multiple, ["A", "B"]), { points: 0, correct: false });
  assert.deepEqual(score(multiple, ["A", "B", "C", "D"]), { points: 0, correct: false });
  assert.deepEqual(score(multiple, []), { points: 0, correct: false });
  assert.deepEqual(score({ type: "multiple", answer: ["A", "B"] }, ["B"]), { points: 50, correct: false });
});

test("fill: each blank against its accepted answers after normalisation", () => {
  assert.deepEqual(score(fill2, ["公文", "24"]), { points: 100, correct: true });
  assert.deepEqual(score(fill2, [" 公文处理。", "２４"]), { points: 100, correct: true });
  assert.deepEqual(score(fill2, ["公文", "二十五"]), { points: 50, correct: false });
  assert.deepEqual(score(fill2, ["", ""]), { points: 0, correct: false });
  assert.deepEqual(score({ type: "fill", blanks: 3, answer: [["a"], ["b"], ["c"]] }, ["A", "x", "x"]), { points: 33, correct: false });
  assert.deepEqual(score({ type: "fill", answer: [["Word"]] }, ["word"]), { points: 100, correct: true });
});

test("short answers take the learner's own verdict", () => {
  assert.deepEqual(score({ type: "short", answer: "参考" }, true), { points: 100, correct: true });
  assert.deepEqual(score({ type: "short", answer: "参考" }, false), { points: 0, correct: false });
});

test("isAnswered", () => {
  assert.equal(isAnswered(single, null), false);
  assert.equal(isAnswered(truefalse, false), true);
  assert.equal(isAnswered(multiple, []), false);
  assert.equal(isAnswered(fill2, ["", " 。"]), false);
  assert.equal(isAnswered(fill2, ["", "x"]), true);
});

test("total: integer hundredths, percent floored, pass mark inclusive", () => {
  const answers = [{ points: 100 }, { points: 66 }, { points: 0 }];
  assert.deepEqual(total(answers, 55), { points: 166, max: 300, percent: 55, passed: true });
  assert.deepEqual(total(answers, 56), { points: 166, max: 300, percent: 55, passed: false });
  assert.deepEqual(total([], 60), { points: 0, max: 0, percent: 0, passed: false });
});
