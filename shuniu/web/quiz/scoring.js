// Scoring rules of the quiz contract, in ONE place. Pure functions, no DOM: node imports them in tests.
// Points are integer hundredths of a point (0..100 per question) so files never hold floats.

/** Types an exam may draw: every answer is scored by the machine. `short` is self-graded in practice. */
export const AUTO_TYPES = ["single", "multiple", "truefalse", "fill"];

// Removed before comparing: Python's string.punctuation (ASCII) plus every Unicode punctuation
// character (Chinese ，。、“”《》…) — see normalise().
// A mark between two digits is part of a number (1/3, 1.5, 3:2): removing it would make 1/3 read as 13.
const NUMBER_MARK = /(?<=\d)[./:](?=\d)/gu;
const KEPT = "\u0000";

/**
 * Fill answers compare after NFKC (full-width -> half-width), no whitespace, no punctuation, lower case;
 * a `.`, `/` or `:` between two digits is kept.
 */
export function normalise(text) {
  const plain = String(text ?? "").normalize("NFKC").replace(/\s+/gu, "");
  const marked = plain.replace(NUMBER_MARK, (mark) => KEPT + mark);
  return marked.replace(/\u0000(.)|[\p{P}!-/:-@[-`{-~]/gu, (match, kept) => kept ?? "").toLowerCase();
}

/** The number of blanks of a fill question (the published `blanks`, else one per accepted list). */
export function blankCount(question) {
  return question.blanks || question.answer.length;
}

/** Whether the learner gave anything at all (used for the "unanswered questions remain" warning). */
export function isAnswered(question, given) {
  if (given === null || given === undefined) return false;
  if (question.type === "multiple") return given.length > 0;
  if (question.type === "fill") return given.some((blank) => normalise(blank) !== "");
  if (question.type === "short") return String(given).trim() !== "";
  return true;
}

function multiplePoints(answer, given) {
  const chosen = new Set(given);
  if ([...chosen].some((letter) => !answer.includes(letter))) return 0;
  return Math.floor((100 * chosen.size) / answer.length);
}

function fillPoints(question, given) {
  const blanks = blankCount(question);
  let right = 0;
  for (let i = 0; i < blanks; i++) {
    const said = normalise((given || [])[i]);
    if (said !== "" && (question.answer[i] || []).some((accepted) => normalise(accepted) === said)) right++;
  }
  return Math.floor((100 * right) / blanks);
}

/**
 * Score one answer: {points: 0..100, correct: points === 100}.
 * single/truefalse: all or nothing; multiple: 0 if any wrong option is chosen, else the share of the
 * right options chosen, floored (2 of 3 = 66); fill: the share of right blanks, floored.
 * `short` cannot be scored here: the learner's own verdict (true/false) is passed as `given`.
 */
export function score(question, given) {
  let points = 0;
  if (given !== null && given !== undefined) {
    if (question.type === "multiple") points = multiplePoints(question.answer, given);
    else if (question.type === "fill") points = fillPoints(question, given);
    else if (question.type === "short") points = given === true ? 100 : 0;
    else points = given === question.answer ? 100 : 0;
  }
  return { points, correct: points === 100 };
}

/** Total of scored answers: points (hundredths), max, percent (floored integer) and passed. */
export function total(answers, passMark) {
  const points = answers.reduce((sum, answer) => sum + answer.points, 0);
  const max = answers.reduce((sum, answer) => sum + (answer.max ?? 100), 0); // version 1 records: 1 point each
  const percent = max ? Math.floor((100 * points) / max) : 0;
  return { points, max, percent, passed: percent >= passMark };
}
