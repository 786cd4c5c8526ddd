// Local data: one versioned root key, keyed by stable question ids (never positions). Older shapes are
// migrated, unknown newer ones are left untouched, and nothing is dropped when banks change: questions
// that disappeared are only hidden by the views, so their history returns with them.

export const ROOT_KEY = "shuniu.quiz";
export const VERSION = 1;
/** Every key of Shuniu's local data (quiz, checklists...) begins with this: backups take them all. */
export const PREFIX = "shuniu";
export const BACKUP_FORMAT = "shuniu-backup";

/** Version 0, the first prototype's flat layout: one key per kind of data. */
export const V0 = {
  name: "shuniu-quiz-name", // plain string
  group: "shuniu-quiz-group", // plain string
  stats: "shuniu-quiz-stats", // {questionId: [answered, right]}
  wrong: "shuniu-quiz-wrong", // {questionId: {"given": <answer>, "date": "YYYY-MM-DD"}}
};

/** A root with nothing recorded yet. */
export function emptyRoot() {
  return { version: VERSION, learner: { name: "", group: "" }, settings: { toLeave: 2 }, practice: {}, wrong: {}, exams: [], current: null };
}

function parseOr(text, fallback) {
  try {
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** Build a version-1 root from the version-0 keys (`read(key)` returns the stored string or null). */
export function migrateV0(read) {
  const root = emptyRoot();
  root.learner = { name: read(V0.name) || "", group: read(V0.group) || "" };
  for (const [id, pair] of Object.entries(parseOr(read(V0.stats), {}) || {})) {
    if (Array.isArray(pair)) root.practice[id] = { n: Number(pair[0]) || 0, r: Number(pair[1]) || 0 };
  }
  for (const [id, old] of Object.entries(parseOr(read(V0.wrong), {}) || {})) {
    const day = old?.date || "1970-01-01";
    root.wrong[id] = { box: 0, due: day, given: old?.given ?? null, wrongs: 1, added: day };
  }
  return root;
}

/** Steps from version N to N+1 for roots already under ROOT_KEY (none yet: version 1 is the first). */
const STEPS = {};

/** Bring a stored root up to VERSION; missing fields get their empty values. */
export function upgrade(root) {
  let current = root;
  while (current.version < VERSION) current = STEPS[current.version](current);
  return { ...emptyRoot(), ...current };
}

/** The local data store over a Web Storage object (localStorage in the browser, a stand-in in tests). */
export class Store {
  constructor(storage) {
    this.storage = storage;
    this.readOnly = false;
    this.root = this.load();
  }

  load() {
    const raw = this.storage.getItem(ROOT_KEY);
    if (raw === null) {
      if (!Object.values(V0).some((key) => this.storage.getItem(key) !== null)) return emptyRoot();
      const root = migrateV0((key) => this.storage.getItem(key));
      this.storage.setItem(ROOT_KEY, JSON.stringify(root));
      Object.values(V0).forEach((key) => this.storage.removeItem(key));
      return root;
    }
    const stored = parseOr(raw, null);
    if (!stored || typeof stored !== "object" || !Number.isInteger(stored.version)) {
      // Damaged (edited by hand?): keep the text aside, where backups still find it, and start afresh.
      this.storage.setItem(`${ROOT_KEY}.damaged`, raw);
      return emptyRoot();
    }
    if (stored.version > VERSION) {
      // Written by a newer Shuniu (the site was rolled back): never overwrite what we cannot read.
      this.readOnly = true;
      return emptyRoot();
    }
    return upgrade(stored);
  }

  save() {
    if (!this.readOnly) this.storage.setItem(ROOT_KEY, JSON.stringify(this.root));
  }

  /** Change the data: read what is stored now (another tab may have written since), change it, save. */
  update(change) {
    if (!this.readOnly) this.root = this.load();
    change(this.root);
    this.save();
  }
}

/** Every Shuniu key in `storage`, sorted. */
export function shuniuKeys(storage) {
  const keys = [];
  for (let i = 0; i < storage.length; i++) if (storage.key(i).startsWith(PREFIX)) keys.push(storage.key(i));
  return keys.sort();
}

/** A backup of all Shuniu data: the stored strings exactly as they are, so restoring is byte-exact. */
export function backup(storage, now = new Date()) {
  const data = {};
  for (const key of shuniuKeys(storage)) data[key] = storage.getItem(key);
  return { format: BACKUP_FORMAT, version: 1, created: now.toISOString(), data };
}

/** The data of a backup file's text; throws an Error whose message is an i18n key when it is not one. */
export function parseBackup(text) {
  const file = parseOr(text, null);
  if (!file || file.format !== BACKUP_FORMAT || !file.data || typeof file.data !== "object") throw new Error("notBackup");
  if (file.version > 1) throw new Error("newerBackup");
  for (const [key, value] of Object.entries(file.data)) {
    if (!key.startsWith(PREFIX) || typeof value !== "string") throw new Error("badBackup");
  }
  if (ROOT_KEY in file.data) {
    const root = parseOr(file.data[ROOT_KEY], null);
    if (!root || !Number.isInteger(root.version)) throw new Error("badBackup");
  }
  return file.data;
}

/** Remove every Shuniu key. */
export function clearAll(storage) {
  shuniuKeys(storage).forEach((key) => storage.removeItem(key));
}

/** Replace all Shuniu data with a backup's data. */
export function restore(storage, data) {
  clearAll(storage);
  Object.entries(data).forEach(([key, value]) => storage.setItem(key, value));
}
