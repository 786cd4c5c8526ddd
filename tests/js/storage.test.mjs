// Local data (shuniu/web/quiz/storage.js) over a stand-in for localStorage.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ROOT_KEY, Store, V0, emptyRoot } from "../../shuniu/web/quiz/storage.js";
import { shuniuKeys } from "../../shuniu/web/quiz/backup.js";
import { FakeStorage } from "./fake-storage.mjs";

test("a fresh browser starts empty and writes nothing until something is saved", () => {
  const storage = new FakeStorage();
  const store = new Store(storage);
  assert.deepEqual(store.root, emptyRoot());
  assert.equal(storage.length, 0);
  store.root.learner.name = "张三";
  store.save();
  assert.equal(JSON.parse(storage.getItem(ROOT_KEY)).learner.name, "张三");
});

test("version 0 (flat keys) is migrated into the root key and the old keys are removed", () => {
  const storage = new FakeStorage({
    [V0.name]: "李四", [V0.group]: "第一组",
    [V0.stats]: JSON.stringify({ "gw-001": [3, 2], "gw-002": [1, 0] }),
    [V0.wrong]: JSON.stringify({ "gw-002": { given: "A", date: "2026-10-01" } }),
    "shuniu.checklist.x": "{}",
  });
  const store = new Store(storage);
  assert.deepEqual(store.root, {
    ...emptyRoot(),
    learner: { name: "李四", group: "第一组" },
    practice: { "gw-001": { n: 3, r: 2 }, "gw-002": { n: 1, r: 0 } },
    wrong: { "gw-002": { box: 0, due: "2026-10-01", given: "A", wrongs: 1, added: "2026-10-01", asked: null, log: [["2026-10-01", 1]] } },
  });
  assert.deepEqual(shuniuKeys(storage), ["shuniu.checklist.x", ROOT_KEY]);
  assert.deepEqual(new Store(storage).root, store.root);
});

test("data about questions that left the banks is kept", () => {
  const root = { ...emptyRoot(), wrong: { gone: { box: 0, due: "2026-01-01" } } };
  const storage = new FakeStorage({ [ROOT_KEY]: JSON.stringify(root) });
  const store = new Store(storage);
  store.save();
  assert.deepEqual(JSON.parse(storage.getItem(ROOT_KEY)).wrong, root.wrong);
});

test("a root missing newer fields gets them; loading does not rewrite the stored text", () => {
  const text = JSON.stringify({ version: 2, learner: { name: "王五", group: "" } });
  const storage = new FakeStorage({ [ROOT_KEY]: text });
  const store = new Store(storage);
  assert.deepEqual(store.root.exams, []);
  assert.equal(storage.getItem(ROOT_KEY), text);
});

test("data from a newer version is never overwritten", () => {
  const text = JSON.stringify({ version: 99, everything: "new" });
  const storage = new FakeStorage({ [ROOT_KEY]: text });
  const store = new Store(storage);
  assert.equal(store.readOnly, true);
  store.save();
  assert.equal(storage.getItem(ROOT_KEY), text);
});

test("damaged data is kept aside under another Shuniu key, and a second damage does not overwrite the first", () => {
  const storage = new FakeStorage({ [ROOT_KEY]: "{not json" });
  const store = new Store(storage);
  assert.equal(store.readOnly, false);
  assert.equal(storage.getItem(`${ROOT_KEY}.damaged`), "{not json");
  new Store(storage); // loading again keeps one copy, not two
  assert.deepEqual(shuniuKeys(storage), [ROOT_KEY, `${ROOT_KEY}.damaged`]);
  storage.setItem(ROOT_KEY, "[]");
  new Store(storage);
  assert.equal(storage.getItem(`${ROOT_KEY}.damaged`), "{not json");
  assert.equal(storage.getItem(`${ROOT_KEY}.damaged.2`), "[]");
});

test("wrong-typed stored data: the misfits are reported and left out, the rest is used, the original kept", () => {
  const text = JSON.stringify({
    version: 2, learner: { name: "张三", group: 7 }, practice: "x",
    wrong: { good: { box: 0, due: "2026-11-01", given: "A", wrongs: 1, added: "2026-11-01", asked: null }, bad: { box: "0" } },
    exams: [{ nonsense: true }], current: { settings: 5 }, settings: { toLeave: 3 },
  });
  const storage = new FakeStorage({ [ROOT_KEY]: text });
  const store = new Store(storage);
  assert.deepEqual(store.damaged.map((p) => p.path),
    ["learner.group", "practice", "wrong.bad.box", "exams[0].exam", "current.settings"]);
  assert.deepEqual(store.root.learner, { name: "", group: "" });
  assert.deepEqual(store.root.practice, {});
  assert.deepEqual(Object.keys(store.root.wrong), ["good"]);
  assert.deepEqual([store.root.exams, store.root.current, store.root.settings.toLeave], [[], null, 3]);
  assert.equal(storage.getItem(`${ROOT_KEY}.damaged`), text);
  store.update((root) => { root.practice.q = { n: 1, r: 1 }; });
  assert.equal(storage.getItem(`${ROOT_KEY}.damaged`), text); // the original stays aside after the repaired data is saved
});

test("version 1 is migrated to 2: 错题本 entries say they know only the letters (asked: null)", () => {
  const v1 = { version: 1, learner: { name: "", group: "" }, settings: { toLeave: 2 }, practice: { a: { n: 1, r: 0 } },
    wrong: { a: { box: 0, due: "2026-11-01", given: "B", wrongs: 1, added: "2026-11-01" } }, exams: [], current: null };
  const store = new Store(new FakeStorage({ [ROOT_KEY]: JSON.stringify(v1) }));
  assert.equal(store.root.version, 3);
  assert.deepEqual(store.damaged, []);
  assert.deepEqual(store.root.wrong.a, { ...v1.wrong.a, asked: null, log: [["2026-11-01", 1]] });
  assert.deepEqual(store.root.practice, v1.practice);
});

test("a version-1 root without a 错题本 gets an empty one", () => {
  const store = new Store(new FakeStorage({ [ROOT_KEY]: JSON.stringify({ version: 1 }) }));
  assert.deepEqual([store.root.wrong, store.damaged], [{}, []]);
});

test("update() starts from what is stored now, so two open tabs do not undo each other", () => {
  const storage = new FakeStorage();
  const tabA = new Store(storage);
  const tabB = new Store(storage);
  tabA.update((root) => { root.practice.q1 = { n: 1, r: 1 }; });
  tabB.update((root) => { root.practice.q2 = { n: 1, r: 0 }; });
  assert.deepEqual(Object.keys(JSON.parse(storage.getItem(ROOT_KEY)).practice), ["q1", "q2"]);
});

test("version 2 is migrated to 3: every 错题本 entry gets a review log from its history, nothing else changes", () => {
  const v2 = { version: 2, learner: { name: "赵六", group: "" }, settings: { toLeave: 2 }, practice: { a: { n: 2, r: 1, last: "2026-11-04" } },
    wrong: {
      a: { box: 1, due: "2026-11-05", given: "B", wrongs: 1, added: "2026-11-03", lastRight: "2026-11-04", asked: null },
      b: { box: 2, due: "2026-11-02", given: "C", wrongs: 2, added: "2026-11-01", lastRight: "2026-11-03", left: "2026-11-03", asked: null },
      odd: { box: 1, due: "2026-11-05", lastRight: "2026-13-45" }, // a day no calendar has: kept, no log derived
    }, exams: [], current: null };
  const text = JSON.stringify(v2);
  const storage = new FakeStorage({ [ROOT_KEY]: text });
  const store = new Store(storage);
  assert.deepEqual([store.root.version, store.damaged], [3, []]);
  assert.deepEqual(store.root.wrong.a, { ...v2.wrong.a, log: [["2026-11-03", 1], ["2026-11-04", 3]] });
  assert.deepEqual(store.root.wrong.b, { ...v2.wrong.b, log: [["2026-11-01", 1], ["2026-11-02", 3], ["2026-11-03", 3]] });
  assert.deepEqual(store.root.wrong.odd, v2.wrong.odd);
  assert.deepEqual([store.root.learner, store.root.practice, store.root.settings.toLeave], [v2.learner, v2.practice, 2]);
  assert.equal(storage.getItem(ROOT_KEY), text); // loading alone rewrites nothing: an older site still reads it
  store.save();
  assert.equal(JSON.parse(storage.getItem(ROOT_KEY)).version, 3);
});

test("a review log line or a scheduler that does not fit is reported and left out", () => {
  const root = { ...emptyRoot(), settings: { toLeave: 2, scheduler: "sm2" },
    wrong: { a: { box: 0, due: "2026-11-01", log: [["2026-11-01", 1], ["2026-11-02", 7], "x"] } } };
  const store = new Store(new FakeStorage({ [ROOT_KEY]: JSON.stringify(root) }));
  assert.deepEqual(store.damaged.map((p) => [p.path, p.want]), [["settings.scheduler", "scheduler"], ["wrong.a.log[1]", "review"], ["wrong.a.log[2]", "review"]]);
  assert.deepEqual(store.root.wrong.a.log, [["2026-11-01", 1]]);
});
