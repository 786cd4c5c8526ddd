// The 错题本 schedule (shuniu/web/quiz/review.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { AGAIN, GOOD, addDays, derivedLog, dueIds, isDue, localDay, recordAnswer } from "../../shuniu/web/quiz/review.js";
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
  assert.deepEqual(book.q1, { box: 0, due: "2026-11-29", given: "A", wrongs: 1, added: "2026-11-29", asked: asked("q1", "一"), log: [["2026-11-29", AGAIN]] });
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
  // The log keeps every answer (the same one twice on a day once), for FSRS.
  assert.deepEqual(book.q1.log, [["2026-11-29", AGAIN], ["2026-11-29", GOOD], ["2026-11-30", GOOD]]);
  recordAnswer(book, Q.q1, true, "B", "2026-12-05"); // left the classic book: still logged
  assert.deepEqual(book.q1.log.at(-1), ["2026-12-05", GOOD]);
});

test("the second interval is 3 days when N is larger; a wrong answer starts again", () => {
  const book = {};
  recordAnswer(book, Q.q, false, ["A"], "2026-11-01", 3);
  recordAnswer(book, Q.q, true, null, "2026-11-01", 3);
  recordAnswer(book, Q.q, true, null, "2026-11-02", 3);
  assert.deepEqual([book.q.box, book.q.due], [2, "2026-11-05"]);
  recordAnswer(book, Q.q, false, ["B"], "2026-11-05", 3);
  assert.deepEqual(book.q, { box: 0, due: "2026-11-05", given: ["B"], wrongs: 2, added: "2026-11-01", asked: asked("q", "二"),
    log: [["2026-11-01", AGAIN], ["2026-11-01", GOOD], ["2026-11-02", GOOD], ["2026-11-05", AGAIN]] });
});

test("a question that left the book comes back on a new wrong answer", () => {
  const book = { q: { box: 2, due: "2026-11-02", given: "A", wrongs: 1, added: "2026-11-01", left: "2026-11-03" } };
  recordAnswer(book, Q.q, false, "C", "2026-12-01");
  assert.deepEqual(book.q, { box: 0, due: "2026-12-01", given: "C", wrongs: 2, added: "2026-12-01", asked: asked("q", "三"), log: [["2026-12-01", AGAIN]] });
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

test("due ids by another scheduler's days: null is never due", () => {
  const book = { a: { box: 0, due: "2026-11-01" }, b: { box: 0, due: "2026-11-01" }, c: { box: 0, due: "2026-11-01" } };
  const days = { a: "2026-11-28", b: null, c: "2026-11-30" };
  assert.deepEqual(dueIds(book, "2026-11-29", new Set(["a", "b", "c"]), (entry) => days[Object.keys(book).find((id) => book[id] === entry)]), ["a"]);
});

test("a version-2 entry's log is derived from its history", () => {
  // Wrong once, never right: wrong the day it was added.
  assert.deepEqual(derivedLog({ box: 0, due: "2026-11-03", wrongs: 1, added: "2026-11-03" }), [["2026-11-03", AGAIN]]);
  // Wrong again later (box 0, due that day).
  assert.deepEqual(derivedLog({ box: 0, due: "2026-11-09", wrongs: 3, added: "2026-11-03" }), [["2026-11-03", AGAIN], ["2026-11-09", AGAIN]]);
  // Left after two right reviews: the last on lastRight, the first one interval (1 day) before.
  assert.deepEqual(derivedLog({ box: 2, due: "2026-11-05", wrongs: 1, added: "2026-11-03", lastRight: "2026-11-05", left: "2026-11-05" }),
    [["2026-11-03", AGAIN], ["2026-11-04", GOOD], ["2026-11-05", GOOD]]);
  // Three right reviews (toLeave 4): 3 days, then 1 day before; never before the wrong answer.
  assert.deepEqual(derivedLog({ box: 3, due: "2026-11-17", wrongs: 1, added: "2026-11-09", lastRight: "2026-11-10" }),
    [["2026-11-09", AGAIN], ["2026-11-09", GOOD], ["2026-11-09", GOOD], ["2026-11-10", GOOD]]);
  // Version 0 entries had no `added`: the due day stands for it.
  assert.deepEqual(derivedLog({ box: 0, due: "2026-10-01" }), [["2026-10-01", AGAIN]]);
});
