// FSRS scheduling of the 错题本, the learner's choice (the classic rule of review.js is the default).
// A question's FSRS state is its review log replayed through ts-fsrs: vendored as
// assets/vendor/ts-fsrs/ts-fsrs.js (the global FSRS) and loaded only by the pages that show the
// queue (错题本, practice, progress), so quiz.js carries this adapter alone. Parameters: ts-fsrs's
// defaults (FSRS-6 weights, desired retention 0.9, maximum interval 36500 days, no fuzz) in whole
// days (enable_short_term off: the 错题本 counts days, not minutes). Right answers given before the
// question is due again are not reviews, as in the classic rule.
import { GOOD, classicDue } from "./review.js";

export const FSRS_OPTIONS = { enable_short_term: false, enable_fuzz: false };

const dayOf = (date) => date.toISOString().slice(0, 10);

/** Noon of a local day, computed as a UTC day (no daylight-saving steps); throws for a day no calendar has. */
function noon(day) {
  const date = new Date(`${day}T12:00:00Z`);
  if (dayOf(date) !== day) throw new RangeError(`not a calendar day: ${day}`);
  return date;
}

/** The ts-fsrs card after `log` ([[day, rating]...], oldest first). */
export function fsrsCard(log, lib = globalThis.FSRS) {
  const scheduler = lib.fsrs(lib.generatorParameters(FSRS_OPTIONS));
  let card = lib.createEmptyCard(noon(log[0][0]));
  for (const [day, rating] of log) {
    if (rating !== GOOD || day >= dayOf(card.due)) card = scheduler.next(card, noon(day), rating).card;
  }
  return card;
}

/** The FSRS next review day of an entry (with no log, or one ts-fsrs refuses: its classic day). */
export function fsrsDue(entry) {
  try {
    return entry.log?.length ? dayOf(fsrsCard(entry.log).due) : entry.due;
  } catch {
    return entry.due;
  }
}

/** Whether ts-fsrs is on this page. */
export function fsrsLoaded() {
  return typeof globalThis.FSRS?.fsrs === "function";
}

/** The next-review-day function of the learner's scheduler (classic where ts-fsrs is missing). */
export function scheduleOf(root) {
  return root.settings.scheduler === "fsrs" && fsrsLoaded() ? fsrsDue : classicDue;
}
