// The 错题本 schedule (shuniu/web/quiz/review.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays, dueIds, isDue, localDay, recordAnswer } from "../../shuniu/web/quiz/review.js";
import { questionHash } from "../../shuniu/web/quiz/asked.js";

const choice = (id) => ({ id, type: "single", stem: `${id}?`, options: [["A", "一"], ["B", "二"], ["C", "三"]], answer: "B" });
const Q = { q1: choice("q1"), q: choice("q") };
const asked = (id, ...chosen) => ({ hash: questionHash(Q[id]), chosen });

test("dates", () => {
  assert.equal(addDays("2026-11-29", 3), "2026-12-02");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(localDay(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
});

test("wrong enters box 0, due at once; right reviews on different days move it on, then out", () => {
  const book = {};
  recordAnswer(book, Q.q1, false, "A", "2026-11-29");
  assert.deepEqual(book.q1, { box: 0, due: "2026-11-29", given: "A", wrongs: 1, added: "2026-11-29", asked: asked("q1", "一") });
  assert.ok(isDue(book.q1, "2026-11-29"));
  recordAnswer(book, Q.q1, true, "B", "2026-11-29");
  assert.equal(book.q1.due, "2026-11-30");
  assert.equal(book.q1.box, 1);
  assert.ok(!isDue(book.q1, "2026-11-29"));
  recordAnswer(book, Q.q1, true, "B", "2026-11-29"); // right again the same day: not due, no change
  assert.equal(book.q1.box, 1);
  recordAnswer(book, Q.q1, true, "B", "2026-11-30");
  assert.equal(book.q1.left, "2026-11-30");
  assert.ok(!isDue(book.q1, "2027-01-01"));
});

test("the second interval is 3 days when N is larger; a wrong answer starts again", () => {
  const book = {};
  recordAnswer(book, Q.q, false, ["A"], "2026-11-01", 3);
  recordAnswer(book, Q.q, true, null, "2026-11-01", 3);
  recordAnswer(book, Q.q, true, null, "2026-11-02", 3);
  assert.deepEqual([book.q.box, book.q.due], [2, "2026-11-05"]);
  recordAnswer(book, Q.q, false, ["B"], "2026-11-05", 3);
  assert.deepEqual(book.q, { box: 0, due: "2026-11-05", given: ["B"], wrongs: 2, added: "2026-11-01", asked: asked("q", "二") });
});

test("a question that left the book comes back on a new wrong answer", () => {
  const book = { q: { box: 2, due: "2026-11-02", given: "A", wrongs: 1, added: "2026-11-01", left: "2026-11-03" } };
  recordAnswer(book, Q.q, false, "C", "2026-12-01");
  assert.deepEqual(book.q, { box: 0, due: "2026-12-01", given: "C", wrongs: 2, added: "2026-12-01", asked: asked("q", "三") });
});

test("due ids skip questions that no longer exist, oldest first", () => {
  const book = {
    b: { box: 0, due: "2026-11-20" }, a: { box: 0, due: "2026-11-25" }, gone: { box: 0, due: "2026-11-01" },
    later: { box: 1, due: "2026-12-01" }, out: { box: 2, due: "2026-11-01", left: "2026-11-02" },
  };
  assert.deepEqual(dueIds(book, "2026-11-29", new Set(["a", "b", "later", "out"])), ["b", "a"]);
});

test("a right answer to a question never in the book changes nothing", () => {
  const book = {};
  assert.equal(recordAnswer(book, Q.q, true, "A", "2026-11-29"), undefined);
  assert.deepEqual(book, {});
});
