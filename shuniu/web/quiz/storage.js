// Local data: one versioned root key, keyed by stable question ids (never positions). Older shapes are
// migrated, unknown newer ones are left untouched, and nothing is dropped when banks change: questions
// that disappeared are only hidden by the views, so their history returns with them. Stored text that
// is unreadable or of the wrong shape is copied aside (a Shuniu key, so backups keep it) before the
// parts that still fit are used.
import { ROOT_SHAPE, conform, isObject } from "./schema.js";
import { derivedLog } from "./review.js";

export const ROOT_KEY = "shuniu.quiz";
export const VERSION = 3;
/** Every key of Shuniu's local data (quiz, checklists...) begins with this: backups take them all. */
export const PREFIX = "shuniu";

/** Version 0, the first prototype's flat layout: one key per kind of data. */
export const V0 = {
  name: "shuniu-quiz-name", // plain string
  group: "shuniu-quiz-group", // plain string
  stats: "shuniu-quiz-stats", // {questionId: [answered, right]}
  wrong: "shuniu-quiz-wrong", // {questionId: {"given": <answer>, "date": "YYYY-MM-DD"}}
};

/** A root with nothing recorded yet. */
export function emptyRoot() {
  return { version: VERSION, learner: { name: "", group: "" }, settings: { toLeave: 2, scheduler: "classic" }, practice: {}, wrong: {}, exams: [], current: null };
}

/** JSON.parse, or `fallback` for null or text that is not JSON. */
export function parseOr(text, fallback) {
  try {
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** Build a version-1 root from the version-0 keys (`read(key)` returns the stored string or null). */
export function migrateV0(read) {
  const root = { ...emptyRoot(), version: 1 };
  root.learner = { name: read(V0.name) || "", group: read(V0.group) || "" };
  for (const [id, pair] of Object.entries(parseOr(read(V0.stats), {}) || {})) {
    if (Array.isArray(pair)) root.practice[id] = { n: Number(pair[0]) || 0, r: Number(pair[1]) || 0 };
  }
  for (const [id, old] of Object.entries(parseOr(read(V0.wrong), {}) || {})) {
    const day = old?.date || "1970-01-01";
    root.wrong[id] = { box: 0, due: day, given: old?.given ?? null, wrongs: 1, added: day };
  }
  return upgrade(root);
}

/** `root` at `version` with each object entry of its 错题本 changed by `change` (other values as they are). */
function eachEntry(root, version, change) {
  const changed = (entry) => (isObject(entry) ? change(entry) : entry);
  const wrong = isObject(root.wrong) ? Object.fromEntries(Object.entries(root.wrong).map(([id, e]) => [id, changed(e)])) : root.wrong;
  return { ...root, version, ...(wrong === undefined ? {} : { wrong }) };
}

/** The review log version 2 did not keep, derived (review.js); none when the entry's days cannot be read. */
function withLog(entry) {
  try {
    return { ...entry, log: entry.log ?? derivedLog(entry) };
  } catch {
    return entry;
  }
}

/** Steps from version N to N+1 for roots already under ROOT_KEY. */
const STEPS = {
  // 2: a 错题本 entry keeps the question as answered (`asked`); older entries knew only the letters: null.
  1: (root) => eachEntry(root, 2, (entry) => ({ ...entry, asked: entry.asked ?? null })),
  // 3: a 错题本 entry keeps its review log (for FSRS), derived from its history; the classic rule stays chosen.
  2: (root) => eachEntry(root, 3, withLog),
};

/** Bring a stored root up to VERSION; missing fields get their empty values. */
export function upgrade(root) {
  let current = root;
  while (current.version < VERSION) current = STEPS[current.version]?.(current) ?? { ...current, version: VERSION };
  return { ...emptyRoot(), ...current };
}

/** The root with every part that does not fit the schema replaced by its empty value; misfits go to `problems`. */
export function salvageRoot(root, problems = []) {
  const empty = emptyRoot();
  const kept = { ...root };
  for (const [name, shape] of Object.entries(ROOT_SHAPE)) kept[name] = conform(root[name], shape, name, problems) ?? empty[name];
  return kept;
}

/** Keep `raw` under a `<key>.damaged` key (a new one unless the same text is already kept); false if it cannot be. */
export function setAside(storage, key, raw) {
  const taken = (name) => storage.getItem(name);
  let name = `${key}.damaged`;
  for (let n = 2; taken(name) !== null; n++) {
    if (taken(name) === raw) return true;
    name = `${key}.damaged.${n}`;
  }
  try {
    storage.setItem(name, raw);
    return true;
  } catch {
    return false;
  }
}

/** The local data store over a Web Storage object (localStorage in the browser, a stand-in in tests). */
export class Store {
  constructor(storage) {
    this.storage = storage;
    this.readOnly = false;
    this.damaged = [];
    this.root = this.load();
  }

  load() {
    const raw = this.storage.getItem(ROOT_KEY);
    if (raw === null) return this.fromV0();
    const stored = parseOr(raw, null);
    const readable = isObject(stored) && Number.isInteger(stored.version);
    if (readable && stored.version > VERSION) {
      // Written by a newer Shuniu (the site was rolled back): never overwrite what we cannot read.
      this.readOnly = true;
      return emptyRoot();
    }
    const problems = readable ? [] : [{ path: ROOT_KEY, want: "versioned" }];
    const root = readable ? salvageRoot(upgrade(stored), problems) : emptyRoot();
    this.damaged = problems;
    // Damaged (edited by hand?): keep the text aside first; if even that fails, never write over it.
    if (problems.length && !setAside(this.storage, ROOT_KEY, raw)) this.readOnly = true;
    return root;
  }

  fromV0() {
    if (!Object.values(V0).some((key) => this.storage.getItem(key) !== null)) return emptyRoot();
    const root = migrateV0((key) => this.storage.getItem(key));
    this.storage.setItem(ROOT_KEY, JSON.stringify(root));
    Object.values(V0).forEach((key) => this.storage.removeItem(key));
    return root;
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
