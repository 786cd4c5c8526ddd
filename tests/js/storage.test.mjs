// Local data (shuniu/web/quiz/storage.js) over a stand-in for localStorage.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ROOT_KEY, Store, V0, backup, clearAll, emptyRoot, parseBackup, restore, shuniuKeys } from "../../shuniu/web/quiz/storage.js";

class FakeStorage {
  constructor(entries = {}) { this.map = new Map(Object.entries(entries)); }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(key) { return this.map.has(key) ? this.map.get(key) : null; }
  setItem(key, value) { this.map.set(key, String(value)); }
  removeItem(key) { this.map.delete(key); }
}

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
    wrong: { "gw-002": { box: 0, due: "2026-10-01", given: "A", wrongs: 1, added: "2026-10-01" } },
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
  const text = JSON.stringify({ version: 1, learner: { name: "王五", group: "" } });
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

test("damaged data is kept aside under another Shuniu key", () => {
  const storage = new FakeStorage({ [ROOT_KEY]: "{not json" });
  const store = new Store(storage);
  assert.equal(store.readOnly, false);
  assert.equal(storage.getItem(`${ROOT_KEY}.damaged`), "{not json");
});

test("backup, clear, restore gives the same bytes back; other sites' keys are untouched", () => {
  const entries = { [ROOT_KEY]: JSON.stringify({ version: 1, learner: { name: "赵六 😀", group: "" } }), "shuniu.checklist.a": '{"x": [1, 2]}', other: "keep" };
  const storage = new FakeStorage(entries);
  const file = JSON.stringify(backup(storage, new Date("2026-11-29T08:00:00Z")));
  assert.deepEqual(JSON.parse(file), { format: "shuniu-backup", version: 1, created: "2026-11-29T08:00:00.000Z",
    data: { [ROOT_KEY]: entries[ROOT_KEY], "shuniu.checklist.a": entries["shuniu.checklist.a"] } });
  clearAll(storage);
  assert.deepEqual(shuniuKeys(storage), []);
  assert.equal(storage.getItem("other"), "keep");
  restore(storage, parseBackup(file));
  for (const [key, value] of Object.entries(entries)) assert.equal(storage.getItem(key), value);
});

test("restore refuses files that are not Shuniu backups", () => {
  assert.throws(() => parseBackup("not json"), { message: "notBackup" });
  assert.throws(() => parseBackup('{"format": "other", "data": {}}'), { message: "notBackup" });
  assert.throws(() => parseBackup('{"format": "shuniu-backup", "version": 2, "data": {}}'), { message: "newerBackup" });
  assert.throws(() => parseBackup('{"format": "shuniu-backup", "version": 1, "data": {"evil": "x"}}'), { message: "badBackup" });
  assert.throws(() => parseBackup('{"format": "shuniu-backup", "version": 1, "data": {"shuniu.quiz": 5}}'), { message: "badBackup" });
  assert.throws(() => parseBackup('{"format": "shuniu-backup", "version": 1, "data": {"shuniu.quiz": "{}"}}'), { message: "badBackup" });
});

test("update() starts from what is stored now, so two open tabs do not undo each other", () => {
  const storage = new FakeStorage();
  const tabA = new Store(storage);
  const tabB = new Store(storage);
  tabA.update((root) => { root.practice.q1 = { n: 1, r: 1 }; });
  tabB.update((root) => { root.practice.q2 = { n: 1, r: 0 }; });
  assert.deepEqual(Object.keys(JSON.parse(storage.getItem(ROOT_KEY)).practice), ["q1", "q2"]);
});
