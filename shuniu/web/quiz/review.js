// 错题本 schedule (Leitner boxes). Pure functions over the book {questionId: entry}; dates are local
// calendar days "YYYY-MM-DD" (a review is due for the whole day, whatever the hour).
//   - a wrong answer (partial credit counts as wrong) puts the question in box 0: due at once;
//   - a right answer to a DUE question moves it up one box: due again after 1 day, then after 3 days...;
//   - after `toLeave` (default 2) right reviews - necessarily on different days, since a question is
//     never due again on the day it was answered right - it leaves the book (kept, marked `left`);
//   - answering a question right before it is due changes nothing.
// Every answer to a question in the book (left or not) is also kept in its review log, [[day, rating]]
// with FSRS's ratings (1 again: wrong, 3 good: right): fsrs.js schedules from the log when the
// learner chooses FSRS, so both rules stay up to date and switching either way loses nothing.
// A wrong answer also keeps the question as answered (asked.js), so a later bank edit cannot
// pin the old answer on a different option.
import { askedOf } from "./asked.js";

/** Days until the next review after the 1st, 2nd, 3rd... right review. */
export const INTERVALS = [1, 3, 7, 14, 30];
export const DEFAULT_TO_LEAVE = 2;
/** FSRS ratings (ts-fsrs Rating.Again, Rating.Good). */
export const AGAIN = 1;
export const GOOD = 3;

/** The local calendar day of `date` as YYYY-MM-DD. */
export function localDay(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `day` plus `days` calendar days. */
export function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whether the entry is in the book and due on `today`. */
export function isDue(entry, today) {
  return Boolean(entry) && !entry.left && entry.due <= today;
}

/** Update the book after an answer to `question` (as published); returns the entry (or undefined if none). */
export function recordAnswer(book, question, correct, given, today, toLeave = DEFAULT_TO_LEAVE) {
  const id = question.id;
  const entry = book[id];
  const log = logged(entry?.log, today, correct ? GOOD : AGAIN);
  if (!correct) {
    const stays = entry && !entry.left;
    const added = stays ? entry.added : today;
    book[id] = { box: 0, due: today, given, wrongs: (entry?.wrongs || 0) + 1, added, asked: askedOf(question, given), log };
    return book[id];
  }
  if (entry) entry.log = log;
  if (!isDue(entry, today)) return entry;
  entry.box += 1;
  entry.lastRight = today;
  if (entry.box >= toLeave) entry.left = today;
  else entry.due = addDays(today, INTERVALS[Math.min(entry.box, INTERVALS.length) - 1]);
  return entry;
}

/** The log with one more answer; the same answer again on the same day adds nothing. */
function logged(log = [], today, rating) {
  const last = log[log.length - 1];
  return last && last[0] === today && last[1] === rating ? log : [...log, [today, rating]];
}

/** The classic rule's next review day of an entry; null once it left the book. */
export function classicDue(entry) {
  return entry.left ? null : entry.due;
}

/** Ids of due questions among `known` ids (questions gone from the banks are not counted), by `dueOf` (a scheduler's next day). */
export function dueIds(book, today, known, dueOf = classicDue) {
  const days = Object.keys(book).filter((id) => known.has(id)).map((id) => [id, dueOf(book[id])]);
  return days.filter(([, day]) => day !== null && day <= today)
    .sort(([a, x], [b, y]) => (x < y ? -1 : x > y ? 1 : a < b ? -1 : 1)).map(([id]) => id);
}

/** A log for an entry kept before logs were (version 2), from what it says: wrong the day it was added
 * (and on its due day, when it is back in box 0 after more wrong answers); then its right reviews, the
 * last on `lastRight`, the ones before it the classic intervals earlier (never before the wrong answer). */
export function derivedLog(entry) {
  const log = [[entry.added ?? entry.due, AGAIN]];
  if (entry.box === 0 && entry.wrongs > 1 && entry.due > log[0][0]) log.push([entry.due, AGAIN]);
  const wrongDay = log[log.length - 1][0];
  const rights = [];
  for (let box = entry.lastRight ? entry.box : 0, day = entry.lastRight; box > 0; box--) {
    rights.unshift([day < wrongDay ? wrongDay : day, GOOD]);
    if (box > 1) day = addDays(day, -INTERVALS[Math.min(box - 1, INTERVALS.length) - 1]);
  }
  const derived = [...log, ...rights];
  if (!derived.every(([day]) => addDays(day, 0) === day)) throw new RangeError("not a calendar day");
  return derived;
}
