// Backup, restore, undo and merge (shuniu/web/quiz/backup.js, merge.js) and how the 错题本 shows an
// answer after a bank edit (asked.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { ROOT_KEY, emptyRoot } from "../../shuniu/web/quiz/storage.js";
import {
  BackupError, CHECKLIST_KEY, UNDO_KEY, backup, clearAll, dataOf, loses, parseBackup, replaceAll, snapshot, tally, undo,
} from "../../shuniu/web/quiz/backup.js";
import { mergeData } from "../../shuniu/web/quiz/merge.js";
import { answeredAs, askedOf } from "../../shuniu/web/quiz/asked.js";
import { FakeStorage } from "./fake-storage.mjs";

const entry = (day, extra = {}) => ({ box: 0, due: day, given: "A", wrongs: 1, added: day, asked: null, ...extra });
const root = (parts) => JSON.stringify({ ...emptyRoot(), ...parts });
const checklist = (ticks) => JSON.stringify({ version: 1, procedures: { p: { current: "r1", runs: [{ id: "r1", name: "第 1 次", created: "2026-11-01T00:00:00Z", ticks }] } } });
const file = (data) => JSON.stringify({ format: "shuniu-backup", version: 1, created: "2026-11-29T08:00:00Z", data });
const LOCAL = {
  [ROOT_KEY]: root({ learner: { name: "王五", group: "一组" }, practice: { a: { n: 3, r: 1, last: "2026-11-20" }, b: { n: 1, r: 1 } },
    wrong: { a: entry("2026-11-20") } }),
  [CHECKLIST_KEY]: checklist({ i1: "2026-11-02T00:00:00Z" }),
};

function refused(text) {
  try {
    parseBackup(text);
  } catch (error) {
    assert.ok(error instanceof BackupError);
    return [error.message, error.problems.map((p) => `${p.key} ${p.path}: ${p.want}`)];
  }
  assert.fail("the backup was accepted");
}

test("a backup holds every Shuniu key byte for byte (checklist ticks included), not other sites' keys or the undo snapshot", () => {
  const storage = new FakeStorage({ ...LOCAL, [`${ROOT_KEY}.damaged`]: "{old", [UNDO_KEY]: "{}", other: "keep" });
  const made = backup(storage, new Date("2026-11-29T08:00:00Z"));
  assert.deepEqual(made, { format: "shuniu-backup", version: 1, created: "2026-11-29T08:00:00.000Z",
    data: { ...LOCAL, [`${ROOT_KEY}.damaged`]: "{old" } });
  clearAll(storage);
  assert.deepEqual([...storage.map.keys()], ["other"]);
  replaceAll(storage, parseBackup(JSON.stringify(made)));
  assert.deepEqual(dataOf(storage), made.data);
});

test("files that are not backups, newer ones and wrongly typed ones are refused, naming what is wrong", () => {
  assert.deepEqual(refused("not json"), ["notBackup", []]);
  assert.deepEqual(refused('{"format": "other", "data": {}}'), ["notBackup", []]);
  assert.deepEqual(refused('{"format": "shuniu-backup", "version": 2, "data": {}}'), ["newerBackup", []]);
  assert.deepEqual(refused(file({ [ROOT_KEY]: JSON.stringify({ version: 9 }) })), ["newerBackup", []]);
  assert.deepEqual(refused(file({ evil: "x", [ROOT_KEY]: 5 })), ["badBackup", ["evil : shuniuKey", "shuniu.quiz : text"]]);
  assert.deepEqual(refused(file({ [ROOT_KEY]: "{}" })), ["badBackup", ["shuniu.quiz : versioned"]]);
  assert.deepEqual(refused(file({ [ROOT_KEY]: "{no" })), ["badBackup", ["shuniu.quiz : versioned"]]);
  assert.deepEqual(parseBackup(file({ [UNDO_KEY]: "{}", ...LOCAL })), LOCAL); // a snapshot in the file is left out
  assert.deepEqual(refused(file({ [ROOT_KEY]: JSON.stringify({ version: 1, practice: "x" }) })), ["badBackup", ["shuniu.quiz practice: object"]]);
  assert.deepEqual(refused(file({ [ROOT_KEY]: root({ wrong: { q: { box: "0", due: "2026-11-01" } }, exams: [5] }) })),
    ["badBackup", ["shuniu.quiz wrong.q.box: count", "shuniu.quiz exams[0]: object"]]);
  assert.deepEqual(refused(file({ [CHECKLIST_KEY]: JSON.stringify({ version: 1, procedures: { p: { runs: [{ id: "r", ticks: [] }] } } }) })),
    ["badBackup", ["shuniu.checklist.v1 procedures.p.runs[0].ticks: object"]]);
});

test("an empty or partial backup is valid but counts fewer records: replacing would lose them", () => {
  const here = tally(LOCAL);
  assert.deepEqual(here, [2, 1, 0, 1]); // practice, 错题, exams, ticks
  const empty = parseBackup(file({}));
  assert.deepEqual(tally(empty), [0, 0, 0, 0]);
  assert.ok(loses(here, tally(empty)));
  assert.ok(loses(here, tally(parseBackup(file({ [ROOT_KEY]: LOCAL[ROOT_KEY] }))))); // the ticks would go
  assert.ok(!loses(here, tally(LOCAL)));
});

test("replacing keeps a snapshot that undo brings back; a write that fails midway is rolled back", () => {
  const storage = new FakeStorage({ ...LOCAL });
  replaceAll(storage, {}, new Date("2026-11-29T09:00:00Z"));
  assert.deepEqual(dataOf(storage), {});
  assert.equal(snapshot(storage).created, "2026-11-29T09:00:00.000Z");
  undo(storage);
  assert.deepEqual(dataOf(storage), LOCAL);
  assert.equal(storage.getItem(UNDO_KEY), null);
  const size = new FakeStorage({ ...LOCAL }).used;
  const full = new FakeStorage({ ...LOCAL }, 2 * size + 200); // the snapshot fits, the new data does not
  assert.throws(() => replaceAll(full, { ...LOCAL, "shuniu.big": "x".repeat(300) }));
  assert.deepEqual(dataOf(full), LOCAL);
  const none = new FakeStorage({ ...LOCAL }, size + 10); // not even the snapshot fits: nothing is touched
  assert.throws(() => replaceAll(none, {}));
  assert.deepEqual(dataOf(none), LOCAL);
});

test("merge keeps the newer record of each question, the union of the 错题本, exams and ticks", () => {
  const exam = (finished) => ({ exam: { banks: [], seed: "1", pass_mark: 60 }, started: finished, finished, answers: [], score: { points: 0, max: 0, percent: 0, passed: false } });
  const theirs = {
    [ROOT_KEY]: root({ learner: { name: "别人", group: "" }, practice: { a: { n: 9, r: 9, last: "2026-11-10" }, b: { n: 5, r: 5 }, c: { n: 1, r: 0 } },
      wrong: { a: entry("2026-11-25", { wrongs: 4 }), z: entry("2026-10-01") }, exams: [exam("2026-11-01T00:00:00Z")] }),
    [CHECKLIST_KEY]: checklist({ i1: "2026-11-09T00:00:00Z", i2: "2026-11-03T00:00:00Z" }),
    "shuniu.quiz.damaged": "{theirs",
  };
  const mine = { ...LOCAL, "shuniu.quiz.damaged": "{mine" };
  const merged = mergeData(mine, parseBackup(file(theirs)));
  const quiz = JSON.parse(merged[ROOT_KEY]);
  assert.deepEqual(quiz.learner, { name: "王五", group: "一组" });
  assert.deepEqual(quiz.practice, { a: { n: 3, r: 1, last: "2026-11-20" }, b: { n: 5, r: 5 }, c: { n: 1, r: 0 } });
  assert.deepEqual(Object.keys(quiz.wrong), ["a", "z"]);
  assert.equal(quiz.wrong.a.wrongs, 4); // answered wrong later in the backup's browser
  assert.equal(quiz.exams.length, 1);
  assert.deepEqual(JSON.parse(merged[CHECKLIST_KEY]).procedures.p.runs[0].ticks, { i1: "2026-11-02T00:00:00Z", i2: "2026-11-03T00:00:00Z" });
  assert.equal(merged["shuniu.quiz.damaged"], "{mine"); // other keys both have: this browser's stays
  assert.deepEqual(mergeData(mine, {}), mine); // merging an empty backup changes nothing
});

test("after a bank edit the 错题本 shows the learner's real answer or says the question changed", () => {
  const before = { id: "q", type: "single", stem: "几级？", options: [["A", "两级"], ["B", "三级"]], answer: "B" };
  const stored = { given: "A", asked: askedOf(before, "A") };
  assert.deepEqual(answeredAs(before, stored), { given: "A", changed: false });
  const reordered = { ...before, options: [["A", "三级"], ["B", "两级"]], answer: "A" };
  assert.deepEqual(answeredAs(reordered, stored), { given: "A", changed: true, texts: [["B", "两级"]] });
  const rewritten = { ...before, options: [["A", "四级"], ["B", "三级"]] };
  assert.deepEqual(answeredAs(rewritten, stored).texts, [[null, "两级"]]);
  // An old record (letters only): "A" is right now, so it was surely another question then.
  const keyChanged = { ...before, answer: "A" };
  assert.deepEqual(answeredAs(keyChanged, { given: "A", asked: null }), { given: "A", changed: true, lettersOnly: true });
  assert.deepEqual(answeredAs(before, { given: "A", asked: null }), { given: "A", changed: false, lettersOnly: true });
});


test("the review logs and the scheduler round-trip through a backup and are validated on restore", () => {
  const logged = root({ settings: { toLeave: 2, scheduler: "fsrs" },
    wrong: { a: entry("2026-11-20", { log: [["2026-11-20", 1], ["2026-11-21", 3]] }) } });
  const storage = new FakeStorage({ [ROOT_KEY]: logged });
  const text = JSON.stringify(backup(storage));
  clearAll(storage);
  replaceAll(storage, parseBackup(text));
  assert.equal(storage.getItem(ROOT_KEY), logged);
  const bad = root({ settings: { toLeave: 2, scheduler: "anki" }, wrong: { a: entry("2026-11-20", { log: [["2026-11-20", 5], ["11/21", 3]] }) } });
  assert.deepEqual(refused(file({ [ROOT_KEY]: bad })), ["badBackup",
    [`${ROOT_KEY} settings.scheduler: scheduler`, `${ROOT_KEY} wrong.a.log[0]: review`, `${ROOT_KEY} wrong.a.log[1]: review`]]);
});

test("a version-2 backup restores and gets its logs; merging keeps the answers of both logs", () => {
  const v2 = JSON.stringify({ ...emptyRoot(), version: 2, settings: { toLeave: 2 }, wrong: { a: entry("2026-11-18") } });
  const theirs = parseBackup(file({ [ROOT_KEY]: v2 }));
  const mine = { [ROOT_KEY]: root({ settings: { toLeave: 2, scheduler: "fsrs" },
    wrong: { a: entry("2026-11-18", { wrongs: 2, due: "2026-11-25", log: [["2026-11-18", 1], ["2026-11-25", 1]] }) } }) };
  const merged = JSON.parse(mergeData(mine, theirs)[ROOT_KEY]);
  assert.deepEqual(merged.wrong.a.log, [["2026-11-18", 1], ["2026-11-25", 1]]);
  assert.equal(merged.settings.scheduler, "fsrs");
  const other = { [ROOT_KEY]: root({ wrong: { a: entry("2026-11-18", { log: [["2026-11-18", 1], ["2026-11-20", 3]] }) } }) };
  assert.deepEqual(JSON.parse(mergeData(mine, other)[ROOT_KEY]).wrong.a.log, [["2026-11-18", 1], ["2026-11-20", 3], ["2026-11-25", 1]]);
});
