// FSRS scheduling of the 错题本 (shuniu/web/quiz/fsrs.js) over the vendored ts-fsrs, loaded as the
// browser loads it: a classic script defining the global FSRS.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";
import { FSRS_OPTIONS, fsrsCard, fsrsDue, scheduleOf } from "../../shuniu/web/quiz/fsrs.js";
import { AGAIN, GOOD, addDays, classicDue, recordAnswer } from "../../shuniu/web/quiz/review.js";

const VENDORED = new URL("../../docs/assets/vendor/ts-fsrs/ts-fsrs.js", import.meta.url);
vm.runInThisContext(readFileSync(VENDORED, "utf8"), { filename: "ts-fsrs.js" });
const lib = globalThis.FSRS;
const scheduler = lib.fsrs(lib.generatorParameters(FSRS_OPTIONS));
const at = (day) => new Date(`${day}T12:00:00Z`);
const day = (date) => date.toISOString().slice(0, 10);
const question = { id: "q", type: "single", stem: "?", options: [["A", "一"], ["B", "二"]], answer: "B" };

test("the parameters are ts-fsrs's defaults, in whole days", () => {
  const params = lib.generatorParameters(FSRS_OPTIONS);
  assert.deepEqual([params.request_retention, params.maximum_interval, params.enable_fuzz, params.enable_short_term], [0.9, 36500, false, false]);
  assert.deepEqual([...params.w], [...lib.default_w]);
});

test("the maintainers' guide lists the parameters the library uses", () => {
  const guide = readFileSync(new URL("../../docs/maintainers.md", import.meta.url), "utf8");
  assert.ok(guide.includes(lib.default_w.join(", ")), "the default weights");
  assert.ok(guide.includes(`ts-fsrs ${lib.FSRSVersion.match(/v([\d.]+)/)[1]}`), "the version");
  assert.match(guide, /0\.9[^\d]/);
  assert.match(guide, /36500/);
});

test("a wrong answer, then right ones: the days ts-fsrs computes, early right answers skipped", () => {
  const book = {};
  recordAnswer(book, question, false, "A", "2026-12-01");
  const afterAgain = scheduler.next(lib.createEmptyCard(at("2026-12-01")), at("2026-12-01"), lib.Rating.Again).card;
  assert.equal(fsrsDue(book.q), day(afterAgain.due));
  assert.ok(fsrsDue(book.q) > "2026-12-01"); // whole days: not due again the same day
  recordAnswer(book, question, true, "B", "2026-12-01"); // right before it is due: not a review
  assert.equal(fsrsDue(book.q), day(afterAgain.due));
  const reviewDay = day(afterAgain.due);
  recordAnswer(book, question, true, "B", reviewDay);
  const afterGood = scheduler.next(afterAgain, at(reviewDay), lib.Rating.Good).card;
  assert.equal(fsrsDue(book.q), day(afterGood.due));
  assert.ok(afterGood.scheduled_days > afterAgain.scheduled_days); // a right review spaces it out
  recordAnswer(book, question, false, "A", day(afterGood.due));
  const again = scheduler.next(afterGood, afterGood.due, lib.Rating.Again).card;
  assert.equal(fsrsDue(book.q), day(again.due));
  assert.equal(fsrsCard(book.q.log).lapses, 1);
});

test("classic unless FSRS is chosen and loaded; entries the classic rule let go stay in FSRS's book", () => {
  const root = (scheduler) => ({ settings: { toLeave: 2, scheduler } });
  assert.equal(scheduleOf(root("classic")), classicDue);
  assert.equal(scheduleOf(root(undefined)), classicDue);
  assert.equal(scheduleOf(root("fsrs")), fsrsDue);
  const left = { box: 2, due: "2026-11-04", left: "2026-11-04", log: [["2026-11-02", AGAIN], ["2026-11-03", GOOD], ["2026-11-04", GOOD]] };
  assert.equal(classicDue(left), null);
  assert.ok(fsrsDue(left) > "2026-11-04");
  const saved = globalThis.FSRS;
  delete globalThis.FSRS;
  try {
    assert.equal(scheduleOf(root("fsrs")), classicDue);
  } finally {
    globalThis.FSRS = saved;
  }
});

test("an entry with no log, or a log ts-fsrs refuses, keeps its classic day", () => {
  assert.equal(fsrsDue({ box: 0, due: "2026-11-01" }), "2026-11-01");
  assert.equal(fsrsDue({ box: 0, due: "2026-11-01", log: [["2026-02-31", AGAIN]] }), addDays("2026-11-01", 0));
});
