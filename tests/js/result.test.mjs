// The exam record and result file (shuniu/web/quiz/result.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalJSON, sha256Hex } from "../../shuniu/web/quiz/checksum.js";
import { examRecord, resultFile, resultFileName } from "../../shuniu/web/quiz/result.js";

const paper = [
  { id: "q1", type: "single", answer: "A" },
  { id: "q2", type: "multiple", answer: ["A", "B", "C"], points: 2 },
  { id: "q3", type: "fill", blanks: 1, answer: [["公文"]] },
];
const exam = { banks: [{ id: "b", hash: "0123456789abcdef" }], tags: [], seed: "123456", count: 3, minutes: 10, pass_mark: 60 };

test("the record scores every answer; unanswered (or only blanks) is null", () => {
  const record = examRecord(exam, paper, { q1: "A", q2: ["A", "B"], q3: [" "] }, new Date("2026-11-29T08:00:00.123Z"), new Date("2026-11-29T08:09:59Z"), false);
  assert.deepEqual(record, {
    format: "shuniu-result", version: 2, exam, started: "2026-11-29T08:00:00Z", finished: "2026-11-29T08:09:59Z", auto_submitted: false,
    answers: [
      { id: "q1", type: "single", given: "A", points: 100, max: 100, correct: true }, // no points in the data: 1
      { id: "q2", type: "multiple", given: ["A", "B"], points: 132, max: 200, correct: false }, // 66% of 2 points
      { id: "q3", type: "fill", given: null, points: 0, max: 100, correct: false },
    ],
    score: { points: 232, max: 400, percent: 58, passed: false },
  });
});

test("points of 0.5 and 1.25 are held as whole hundredths, floored", () => {
  const halves = [{ id: "a", type: "single", answer: "A", points: 0.5 }, { id: "b", type: "multiple", answer: ["A", "B", "C"], points: 1.25 }];
  const record = examRecord({ ...exam, count: 2 }, halves, { a: "A", b: ["A"] }, new Date(0), new Date(0), false);
  assert.deepEqual(record.answers.map((a) => [a.points, a.max]), [[50, 50], [41, 125]]); // 33% of 125 = 41.25
  assert.deepEqual(record.score, { points: 91, max: 175, percent: 52, passed: false });
});

test("the result file carries the learner and a checksum over the rest", () => {
  const record = examRecord(exam, paper, {}, new Date(0), new Date(0), true);
  const file = resultFile(record, { name: "张三", group: "秘书科" });
  const { checksum, ...rest } = file;
  assert.deepEqual(file.learner, { name: "张三", group: "秘书科" });
  assert.equal(checksum, sha256Hex(canonicalJSON(rest)));
  assert.equal(resultFileName(record, { name: " 张 三/ " }), "shuniu-result-123456-张_三_.json");
});
