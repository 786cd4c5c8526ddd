// The exam record kept in local data and the result file the learner hands to the group leader
// (format "shuniu-result", read by `shuniu results report`). Pure: no DOM.
import { withChecksum } from "./checksum.js";
import { isAnswered, score, total } from "./scoring.js";

/** ISO 8601 UTC to the second, e.g. 2026-11-29T08:30:00Z. */
export function isoSecond(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The scored record of one sitting: everything in the result file except learner and checksum.
 * `exam` = {banks: [{id, hash}], tags, seed, count, minutes, pass_mark}; `given` maps question id -> answer.
 */
export function examRecord(exam, paper, given, started, finished, autoSubmitted) {
  const answers = paper.map((question) => {
    const answer = isAnswered(question, given[question.id]) ? given[question.id] : null; // blank fields: no answer
    return { id: question.id, type: question.type, given: answer, ...worth(score(question, answer), question.points) };
  });
  return {
    format: "shuniu-result", version: 2, exam, started: isoSecond(started), finished: isoSecond(finished),
    auto_submitted: autoSubmitted, answers, score: total(answers, exam.pass_mark),
  };
}

/** A scored answer (0..100 of the question) in the question's points: hundredths earned of `max`
 *  (the question's points, from the bank; 1 when the data has none), floored. */
export function worth({ points, correct }, questionPoints) {
  const max = Math.round(100 * (questionPoints ?? 1));
  return { points: Math.floor((points * max) / 100), max, correct };
}

/** The result file object for `learner` ({name, group}), checksum included. */
export function resultFile(record, learner) {
  return withChecksum({ ...record, learner: { name: learner.name, group: learner.group } });
}

/** shuniu-result-<seed>-<name>.json, with characters no file system accepts replaced. */
export function resultFileName(record, learner) {
  const safe = (text) => String(text).trim().replace(/[\s\\/:*?"<>|]+/gu, "_");
  return `shuniu-result-${safe(record.exam.seed)}-${safe(learner.name)}.json`;
}
