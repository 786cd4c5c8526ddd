// Reading a learner's result file in the browser by the rules `shuniu results report` uses
// (rules.js holds them for both; shuniu/quiz/results.py is the Python side): the same limits,
// the same checks in the same order and the same reasons, so the page and the CLI agree on
// which files count. Pure: no DOM (tests/js run it with node against the CLI's own files).
import { RESULT_RULES } from "./rules.js";
import { canonicalJSON, sha256Hex } from "./checksum.js";

export class ResultError extends Error {}

const TIME = new RegExp(RESULT_RULES.time);
const isInt = (v) => typeof v === "number" && Number.isInteger(v);
const inRange = (v, lo, hi) => isInt(v) && (lo === undefined || v >= lo) && (hi === undefined || v <= hi);
const isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** A real calendar time: the pattern, and a date that exists (Python's fromisoformat refuses 02-30). */
function isTime(v) {
  if (typeof v !== "string" || !TIME.test(v)) return false;
  const [y, mo, d, hh, mi, ss] = v.match(/\d+/g).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, hh, mi, ss));
  const offset = v.match(/([+-])(\d{2}):(\d{2})$/);
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && hh < 24 && mi < 60 && ss < 60
    && (!offset || (Number(offset[2]) < 24 && Number(offset[3]) < 60));
}

// What each kind of field in the rules must be (results.py has the same table).
const RESULT_KINDS = {
  object: isRecord,
  list: Array.isArray,
  texts: (v) => Array.isArray(v) && v.every((t) => typeof t === "string"),
  name: (v) => typeof v === "string" && v.trim() !== "",
  id: (v) => typeof v === "string" && v !== "",
  text: (v) => typeof v === "string",
  int: inRange,
  int_or_null: (v, lo, hi) => v === null || inRange(v, lo, hi),
  time: isTime,
  bool: (v) => typeof v === "boolean",
  sha256: (v) => typeof v === "string" && v.length === 64,
};

const MISSING = Symbol("missing");
function lookup(data, path) {
  let value = data;
  for (const part of path.split(".")) {
    if (!isRecord(value) || !Object.hasOwn(value, part)) return MISSING;
    value = value[part];
  }
  return value;
}

function fieldProblems(data, fields, prefix) {
  const problems = [];
  for (const [path, words, kind, lo, hi] of fields) {
    const parent = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
    if (parent && !isRecord(lookup(data, parent))) continue; // the parent's problem is already reported
    const value = lookup(data, path);
    if (value === MISSING) problems.push(`field '${prefix}${path}' is missing`);
    else if (!RESULT_KINDS[kind](value, lo, hi)) problems.push(`field '${prefix}${path}' must be ${words}`);
  }
  return problems;
}

function itemProblems(items, fields, name) {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, i) => (isRecord(item) ? fieldProblems(item, fields, `${name}[${i}].`)
    : [`field '${name}[${i}]' must be an object`]));
}

/** A value in a message as Python's json.dumps writes it, cut short (a file may put megabytes there). */
function shown(value, limit = 40) {
  const text = value === undefined ? "null" : pythonJSON(value);
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
function pythonJSON(value) {
  if (Array.isArray(value)) return `[${value.map(pythonJSON).join(", ")}]`;
  if (isRecord(value)) return "{" + Object.entries(value).map(([k, v]) => JSON.stringify(k) + ": " + pythonJSON(v)).join(", ") + "}";
  return JSON.stringify(value);
}

/** Throw ResultError with the first reason `data` is not a usable result (results.verify). */
export function verify(data) {
  if (!isRecord(data)) throw new ResultError("not a Shuniu result file: expected a JSON object");
  if (!Object.hasOwn(data, "format")) throw new ResultError("not a Shuniu result file: no 'format' field");
  if (data.format !== RESULT_RULES.format) {
    throw new ResultError(`not a Shuniu result file: format is ${shown(data.format)}, expected "${RESULT_RULES.format}"`);
  }
  const { version, oldest_version: oldest } = RESULT_RULES;
  if (!isInt(data.version) || data.version < oldest || data.version > version) {
    throw new ResultError(`unsupported result version ${shown(data.version)}: this shuniu reads versions ${oldest} to ${version}`);
  }
  const present = RESULT_RULES.optional_fields.filter(([path]) => lookup(data, path) !== MISSING);
  const problems = [...fieldProblems(data, [...RESULT_RULES.fields, ...present], ""), ...itemProblems(lookup(data, "exam.banks"), RESULT_RULES.bank_fields, "exam.banks"),
    ...itemProblems(data.answers, data.version === 1 ? RESULT_RULES.answer_fields
      : [...RESULT_RULES.answer_fields, ...RESULT_RULES.answer_fields_v2], "answers")];
  if (problems.length) throw new ResultError(problems.join("; "));
  const { checksum, ...rest } = data;
  if (!wellFormed(rest)) throw new ResultError("text that is not valid Unicode (a lone surrogate)");
  if (sha256Hex(canonicalJSON(rest)) !== checksum) throw new ResultError("checksum does not match: the file was changed after the exam");
  checkSums(data);
}

/** Every string (keys too) is valid Unicode: Python cannot encode a lone surrogate (\\ud800) to UTF-8. */
function wellFormed(value) {
  if (typeof value === "string") return value.isWellFormed();
  if (Array.isArray(value)) return value.every(wellFormed);
  if (isRecord(value)) return Object.entries(value).every(([key, item]) => key.isWellFormed() && wellFormed(item));
  return true;
}

/** The hundredths an answer is worth: its `max` (version 2), else 100 (version 1: 1 point a question). */
export const worthOf = (data, answer) => (data.version >= 2 ? answer.max : 100);

function checkSums(data) {
  const { answers, score } = data;
  const points = answers.reduce((sum, answer) => sum + answer.points, 0);
  const worth = answers.map((answer) => worthOf(data, answer)), most = worth.reduce((a, b) => a + b, 0);
  answers.forEach((answer, i) => {
    if (answer.points > worth[i]) throw new ResultError(`score does not add up: answers[${i}].points is ${answer.points}, more than its ${worth[i]}`);
  });
  const percent = score.max ? Math.floor((100 * score.points) / score.max) : 0;
  if (score.points !== points) throw new ResultError(`score does not add up: score.points is ${score.points}, the answers give ${points}`);
  if (data.exam.count !== answers.length) throw new ResultError(`field 'exam.count' is ${data.exam.count} for ${answers.length} answers`);
  if (score.max !== most) throw new ResultError(`score does not add up: score.max is ${score.max} for answers worth ${most}`);
  if (score.percent !== percent || score.passed !== (percent >= data.exam.pass_mark)) {
    throw new ResultError(`score does not add up: ${score.points} of ${score.max} is ${percent}%`);
  }
}

const WHITE_BYTES = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);

/** The text of a file's bytes within the limits (results.read_limited and the decoding of parse_json). */
export function textOf(bytes) {
  if (bytes.length > RESULT_RULES.max_bytes) {
    throw new ResultError(`too large: over ${Math.floor(RESULT_RULES.max_bytes / 1000000)} MB (a result file is a few kilobytes)`);
  }
  if (bytes.every((b) => WHITE_BYTES.has(b))) throw new ResultError("the file is empty");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops one BOM, as utf-8-sig does
  } catch {
    throw new ResultError("not UTF-8 text");
  }
}
