// Backups of all Shuniu data (quiz, checklist ticks, copies set aside), and restoring them so that
// nothing can be lost: the whole file is checked against the schema before anything is touched, the
// data as it was is kept as a snapshot that one click brings back, and a failed write is rolled back.
import { CHECKLIST_SHAPE, conform, isObject } from "./schema.js";
import { PREFIX, ROOT_KEY, VERSION, parseOr, salvageRoot, upgrade } from "./storage.js";

export const BACKUP_FORMAT = "shuniu-backup";
export const CHECKLIST_KEY = "shuniu.checklist.v1";
/** The data as it was before the last restore or merge: {created, data}. Never part of a backup. */
export const UNDO_KEY = "shuniu.undo";

/** Why a backup is refused: `message` is an i18n key; `problems` lists {key, path, want, got}. */
export class BackupError extends Error {
  constructor(message, problems = []) {
    super(message);
    this.problems = problems;
  }
}

/** Every Shuniu key in `storage` but the undo snapshot, sorted. */
export function shuniuKeys(storage) {
  const keys = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key.startsWith(PREFIX) && key !== UNDO_KEY) keys.push(key);
  }
  return keys.sort();
}

/** All Shuniu data in `storage`: key -> the stored string exactly as it is. */
export function dataOf(storage) {
  return Object.fromEntries(shuniuKeys(storage).map((key) => [key, storage.getItem(key)]));
}

/** A backup of all Shuniu data, byte-exact. */
export function backup(storage, now = new Date()) {
  return { format: BACKUP_FORMAT, version: 1, created: now.toISOString(), data: dataOf(storage) };
}

function keyProblems(key, value) {
  if (!key.startsWith(PREFIX)) return [{ key, path: "", want: "shuniuKey" }];
  if (typeof value !== "string") return [{ key, path: "", want: "text" }];
  if (key !== ROOT_KEY && key !== CHECKLIST_KEY) return []; // copies set aside, other tools' data: kept as they are
  const parsed = parseOr(value, null);
  if (!isObject(parsed) || !Number.isInteger(parsed.version)) return [{ key, path: "", want: "versioned" }];
  if (key === ROOT_KEY && parsed.version > VERSION) throw new BackupError("newerBackup");
  const problems = [];
  if (key === ROOT_KEY) salvageRoot(upgrade(parsed), problems);
  else if (parsed.version === 1) conform(parsed, CHECKLIST_SHAPE, "", problems);
  return problems.map((problem) => ({ key, ...problem }));
}

/** The data of a backup file's text, checked whole; throws a BackupError naming every problem. */
export function parseBackup(text) {
  const file = parseOr(text, null);
  if (!isObject(file) || file.format !== BACKUP_FORMAT || !isObject(file.data)) throw new BackupError("notBackup");
  if (file.version > 1) throw new BackupError("newerBackup");
  const { [UNDO_KEY]: _snapshot, ...data } = file.data; // a snapshot is this browser's own, never restored
  const problems = Object.entries(data).flatMap(([key, value]) => keyProblems(key, value));
  if (problems.length) throw new BackupError("badBackup", problems);
  return data;
}

/** The quiz root of `data` (repaired where it does not fit: this also reads damaged local data). */
export function rootOf(data) {
  const stored = parseOr(data[ROOT_KEY] ?? null, null);
  const readable = isObject(stored) && Number.isInteger(stored.version) && stored.version <= VERSION;
  return salvageRoot(upgrade(readable ? stored : { version: VERSION }));
}

/** The checklist data of `data` (empty when there is none or it cannot be read). */
export function checklistOf(data) {
  const stored = parseOr(data[CHECKLIST_KEY] ?? null, null);
  return (stored?.version === 1 && conform(stored, CHECKLIST_SHAPE, "", [])) || { version: 1, procedures: {} };
}

/** How many records `data` holds: [practice, 错题, exams, checklist ticks]. */
export function tally(data) {
  const root = rootOf(data);
  const runs = Object.values(checklistOf(data).procedures).flatMap((entry) => entry.runs);
  return [root.practice, root.wrong, root.exams, ...runs.map((run) => run.ticks)].map((part) => Object.keys(part).length)
    .reduce((counts, n, i) => { counts[Math.min(i, 3)] += n; return counts; }, [0, 0, 0, 0]);
}

/** Whether replacing data counted `now` with data counted `next` would lose records of some kind. */
export function loses(now, next) {
  return next.some((n, i) => n < now[i]);
}

function write(storage, data) {
  shuniuKeys(storage).filter((key) => !(key in data)).forEach((key) => storage.removeItem(key));
  Object.entries(data).forEach(([key, value]) => storage.setItem(key, value));
}

/** Replace all Shuniu data with `data`, keeping what was there as the undo snapshot; all or nothing. */
export function replaceAll(storage, data, now = new Date()) {
  const before = dataOf(storage);
  storage.setItem(UNDO_KEY, JSON.stringify({ created: now.toISOString(), data: before })); // throws when full: nothing changed
  try {
    write(storage, data);
  } catch (error) {
    // Everything out first: the old data fitted beside the snapshot, so it fits again.
    shuniuKeys(storage).forEach((key) => storage.removeItem(key));
    write(storage, before);
    throw error;
  }
}

/** The undo snapshot ({created, data}), or null. */
export function snapshot(storage) {
  const kept = parseOr(storage.getItem(UNDO_KEY), null);
  return isObject(kept) && isObject(kept.data) ? kept : null;
}

/** Put back the data as it was before the last restore or merge. */
export function undo(storage) {
  write(storage, snapshot(storage)?.data ?? dataOf(storage));
  storage.removeItem(UNDO_KEY);
}

/** Remove every Shuniu key, the undo snapshot too (clearing is for leaving a shared computer clean). */
export function clearAll(storage) {
  [...shuniuKeys(storage), UNDO_KEY].forEach((key) => storage.removeItem(key));
}
