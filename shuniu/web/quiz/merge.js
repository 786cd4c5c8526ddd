// Merging a backup into the data already here, instead of replacing it. The rules (also on the
// progress page and in CONTRACT.md):
//   - a key only one side has is kept; the quiz data and the checklist ticks are merged record by record;
//   - practice counts and 错题本 entries: the newer of the two is kept (the later last activity day;
//     on the same day the one with more answers), so the 错题本 is the union of both books; an entry
//     both have keeps every answer of both review logs (FSRS schedules from the log);
//   - exams: the union (the same sitting, by finish time and seed, counts once);
//   - name, group, settings, an exam in progress: this browser's, when it has them;
//   - checklists: procedures, runs (by id) and ticks are each the union; where both have one, this browser's wins;
//   - any other key both sides have (a copy set aside, another tool's data): this browser's stays.
import { CHECKLIST_KEY, checklistOf, rootOf } from "./backup.js";
import { isObject } from "./schema.js";
import { ROOT_KEY, VERSION, parseOr } from "./storage.js";

/** The last day anything happened to a 错题本 entry. */
function lastDay(entry) {
  return [entry.added, entry.lastRight, entry.left, entry.box === 0 ? entry.due : "", entry.log?.at(-1)?.[0]].filter(Boolean).sort().pop() || "";
}

/** The newer of two 错题本 entries, with the answers of both logs (by day, each once). */
function newerEntry(mine, theirs) {
  const kept = newer(mine, theirs, lastDay, (e) => e.wrongs);
  if (!mine?.log || !theirs?.log) return kept;
  const log = [...new Set([...mine.log, ...theirs.log].map((line) => JSON.stringify(line)))].sort().map((line) => JSON.parse(line));
  return { ...kept, log };
}

function newer(mine, theirs, day, size) {
  if (!mine || !theirs) return mine || theirs;
  const [a, b] = [day(mine), day(theirs)];
  if (a !== b) return a > b ? mine : theirs;
  return size(theirs) > size(mine) ? theirs : mine;
}

function mergeMaps(mine, theirs, pick) {
  const ids = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  return Object.fromEntries([...ids].sort().map((id) => [id, pick(mine[id], theirs[id])]));
}

/** Two quiz roots (this browser's first) as one. */
export function mergeRoots(mine, theirs) {
  const sitting = (record) => `${record.finished}|${record.exam.seed}`;
  const seen = new Set(mine.exams.map(sitting));
  const exams = [...mine.exams, ...theirs.exams.filter((record) => !seen.has(sitting(record)))]
    .sort((a, b) => (a.finished < b.finished ? -1 : a.finished > b.finished ? 1 : 0));
  return {
    ...theirs, ...mine, version: VERSION, exams,
    learner: mine.learner.name ? mine.learner : theirs.learner,
    practice: mergeMaps(mine.practice, theirs.practice, (a, b) => newer(a, b, (s) => s.last || "", (s) => s.n)),
    wrong: mergeMaps(mine.wrong, theirs.wrong, newerEntry),
    current: mine.current ?? theirs.current,
  };
}

/** Two values (this browser's first) as one: objects key by key, lists of {id} records by id, else this browser's. */
export function union(mine, theirs) {
  if (isObject(mine) && isObject(theirs)) return mergeMaps(mine, theirs, (a, b) => (a === undefined ? b : b === undefined ? a : union(a, b)));
  if (!Array.isArray(mine) || !Array.isArray(theirs)) return mine;
  const ids = new Set(mine.map((item) => item?.id));
  return [...mine.map((item) => union(item, theirs.find((other) => other?.id !== undefined && other?.id === item?.id))),
    ...theirs.filter((item) => !ids.has(item?.id))];
}

/** The data of this browser (`mine`) and of a checked backup (`theirs`), merged by the rules above. */
export function mergeData(mine, theirs) {
  const out = { ...theirs, ...mine };
  const both = (key, version) => key in mine && key in theirs && [mine, theirs].every((data) => !(parseOr(data[key], null)?.version > version));
  if (both(ROOT_KEY, VERSION)) out[ROOT_KEY] = JSON.stringify(mergeRoots(rootOf(mine), rootOf(theirs)));
  if (both(CHECKLIST_KEY, 1)) out[CHECKLIST_KEY] = JSON.stringify(union(checklistOf(mine), checklistOf(theirs)));
  return out;
}
