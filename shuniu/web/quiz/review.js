// 错题本 schedule (Leitner boxes). Pure functions over the book {questionId: entry}; dates are local
// calendar days "YYYY-MM-DD" (a review is due for the whole day, whatever the hour).
//   - a wrong answer (partial credit counts as wrong) puts the question in box 0: due at once;
//   - a right answer to a DUE question moves it up one box: due again after 1 day, then after 3 days...;
//   - after `toLeave` (default 2) right reviews - necessarily on different days, since a question is
//     never due again on the day it was answered right - it leaves the book (kept, marked `left`);
//   - answering a question right before it is due changes nothing.
// A wrong answer also keeps the question as answered (asked.js), so a later bank edit cannot
// pin the old answer on a different option.
import { askedOf } from "./asked.js";

/** Days until the next review after the 1st, 2nd, 3rd... right review. */
export const INTERVALS = [1, 3, 7, 14, 30];
export const DEFAULT_TO_LEAVE = 2;

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
  if (!correct) {
    const stays = entry && !entry.left;
    const added = stays ? entry.added : today;
    book[id] = { box: 0, due: today, given, wrongs: (entry?.wrongs || 0) + 1, added, asked: askedOf(question, given) };
    return book[id];
  }
  if (!isDue(entry, today)) return entry;
  entry.box += 1;
  entry.lastRight = today;
  if (entry.box >= toLeave) entry.left = today;
  else entry.due = addDays(today, INTERVALS[Math.min(entry.box, INTERVALS.length) - 1]);
  return entry;
}

/** Ids of due questions among `known` ids (questions gone from the banks are not counted). */
export function dueIds(book, today, known) {
  return Object.keys(book)
    .filter((id) => known.has(id) && isDue(book[id], today))
    .sort((a, b) => (book[a].due < book[b].due ? -1 : book[a].due > book[b].due ? 1 : a < b ? -1 : 1));
}
