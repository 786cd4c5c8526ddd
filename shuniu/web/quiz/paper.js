// 组卷: the paper a leader composes (format "shuniu-paper", version 1), as a link and as a file, and its
// draw. Pure, no DOM: the compose page uses it, node tests run it, and shuniu/quiz/paper.py is the same
// rules in Python (the Word paper). Points are integer hundredths (200 = 2 分), as in result files.
//   draw: for each type in PAPER_TYPES with a count, the questions of the paper's banks (having any of
//   its tags) of that type are drawn with rng.js's drawPaper and the seed "<seed>:<type>"; the paper is
//   the types' draws one after another.
//   id: the first 12 hex digits of sha256 over the canonical JSON of everything but format/version/id.
import { canonicalJSON, sha256Hex } from "./checksum.js";
import { drawPaper } from "./rng.js";

export const PAPER_FORMAT = "shuniu-paper";
export const PAPER_VERSION = 1;
export const PAPER_TYPES = ["single", "multiple", "truefalse", "fill"]; // what the exam scores
export const MAX_PAPER_BYTES = 100000;
const HEX = (n) => new RegExp(`^[0-9a-f]{${n}}$`);
const BANK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FIELDS = ["format", "version", "id", "title", "banks", "tags", "types", "minutes", "pass_mark", "seed"];

/** The paper's id from its parameters. */
export function paperId(paper) {
  const { format: _f, version: _v, id: _i, ...rest } = paper;
  return sha256Hex(canonicalJSON(rest)).slice(0, 12);
}

/** The complete paper (format, version and id set) from its parameters. */
export function makePaper(params) {
  const rest = { title: params.title, banks: params.banks, tags: params.tags, types: params.types,
    minutes: params.minutes, pass_mark: params.pass_mark, seed: params.seed };
  return { format: PAPER_FORMAT, version: PAPER_VERSION, id: paperId(rest), ...rest };
}

const whole = (v, lo, hi) => Number.isInteger(v) && v >= lo && v <= hi;
const text = (v, most) => typeof v === "string" && v.length <= most;
const isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function bankProblems(banks) {
  if (!Array.isArray(banks) || !banks.length || banks.length > 50) return ["'banks' must be a list of 1 to 50 banks"];
  const problems = banks.flatMap((bank, i) => (isRecord(bank) && typeof bank.id === "string" && BANK_ID.test(bank.id)
    && typeof bank.hash === "string" && (bank.hash === "" || HEX(16).test(bank.hash)) && Object.keys(bank).length === 2 ? []
    : [`'banks[${i}]' must be {"id": a bank id, "hash": 16 hex digits}`]));
  const ids = banks.map((bank) => bank?.id);
  return problems.length || new Set(ids).size === ids.length ? problems : ["'banks' names a bank twice"];
}

function typeProblems(types) {
  if (!isRecord(types)) return ["'types' must be an object"];
  const problems = Object.entries(types).flatMap(([type, entry]) => {
    if (!PAPER_TYPES.includes(type)) return [`'types' has an unknown type '${type.slice(0, 20)}' (types: ${PAPER_TYPES.join(", ")})`];
    return isRecord(entry) && whole(entry.count, 1, 500) && whole(entry.points, 1, 10000) && Object.keys(entry).length === 2 ? []
      : [`'types.${type}' must be {"count": 1 to 500, "points": hundredths from 1 to 10000}`];
  });
  return problems.length || Object.keys(types).length ? problems : ["'types' must ask for at least one question"];
}

/** Every problem of a paper object (empty: a valid paper). Messages are English, like result files'. */
export function paperProblems(paper) {
  if (!isRecord(paper)) return ["not a Shuniu paper: expected a JSON object"];
  if (paper.format !== PAPER_FORMAT) return [`not a Shuniu paper: 'format' must be "${PAPER_FORMAT}"`];
  if (paper.version !== PAPER_VERSION) return [`unsupported paper version: this site reads version ${PAPER_VERSION}`];
  const problems = Object.keys(paper).filter((key) => !FIELDS.includes(key)).map((key) => `unknown field '${key.slice(0, 30)}'`);
  if (!text(paper.title, 100)) problems.push("'title' must be text of at most 100 characters");
  problems.push(...bankProblems(paper.banks));
  if (!Array.isArray(paper.tags) || paper.tags.length > 100 || !paper.tags.every((tag) => text(tag, 50) && tag)) {
    problems.push("'tags' must be a list of at most 100 tags");
  }
  problems.push(...typeProblems(paper.types));
  if (!whole(paper.minutes, 1, 600)) problems.push("'minutes' must be a whole number from 1 to 600");
  if (!whole(paper.pass_mark, 0, 100)) problems.push("'pass_mark' must be a whole number from 0 to 100");
  if (!text(paper.seed, 64) || !paper.seed.trim()) problems.push("'seed' must be text of 1 to 64 characters");
  if (!problems.length && paper.id !== paperId(paper)) {
    problems.push("'id' does not match the paper's contents: it was changed after it was composed");
  }
  return problems;
}

/** A paper file's bytes as {paper} or {problems}: size, UTF-8, JSON, then every field. */
export function readPaperFile(bytes) {
  if (bytes.length > MAX_PAPER_BYTES) return { problems: [`too large: over ${MAX_PAPER_BYTES / 1000} KB (a paper is under 1 KB)`] };
  let data;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    return { problems: [error instanceof SyntaxError ? "not valid JSON" : "not UTF-8 text"] };
  }
  const problems = paperProblems(data);
  return problems.length ? { problems } : { paper: data };
}

/** The link's query: every parameter readable, so a leader can see what the link asks for. */
export function paperQuery(paper) {
  const params = new URLSearchParams({ paper: paper.id, title: paper.title,
    bank: paper.banks.map((b) => `${b.id}:${b.hash}`).join(","), tag: paper.tags.join(","),
    types: Object.entries(paper.types).map(([type, e]) => `${type}:${e.count}:${e.points}`).join(","),
    minutes: paper.minutes, pass: paper.pass_mark, seed: paper.seed });
  return params.toString();
}

const split = (value, sep) => (value ? value.split(sep) : []);
const number = (value) => (/^\d{1,6}$/.test(value ?? "") ? Number(value) : NaN);

/** The paper a link's query names, checked as a file is: {paper} or {problems}; null when it names none. */
export function paperFromQuery(params) {
  if (!params.has("paper")) return null;
  const paper = {
    format: PAPER_FORMAT, version: PAPER_VERSION, id: params.get("paper"), title: params.get("title") ?? "",
    banks: split(params.get("bank"), ",").map((pair) => { const [id, hash = ""] = pair.split(":"); return { id, hash }; }),
    tags: split(params.get("tag"), ","),
    types: Object.fromEntries(split(params.get("types"), ",").map((entry) => {
      const [type, count, points] = entry.split(":");
      return [type, { count: number(count), points: number(points) }];
    })),
    minutes: number(params.get("minutes")), pass_mark: number(params.get("pass")), seed: params.get("seed") ?? "",
  };
  const problems = paperProblems(paper);
  return problems.length ? { problems } : { paper };
}

/** The paper's questions in order, each with the paper's points for its type, or {short} naming types
 *  the banks have too few questions of. `catalog` is data.js's Catalog (or anything with select()). */
export function drawComposed(catalog, paper) {
  const ids = paper.banks.map((bank) => bank.id);
  const questions = [], short = [];
  for (const type of PAPER_TYPES.filter((t) => paper.types[t])) {
    const { count, points } = paper.types[type];
    const pool = catalog.select(ids, paper.tags, [type]);
    if (pool.length < count) short.push({ type, have: pool.length, want: count });
    questions.push(...drawPaper(pool, count, `${paper.seed}:${type}`).map((q) => ({ ...q, points: points / 100 })));
  }
  return { questions, short };
}

/** Banks of the paper that are not on the site now, and those whose content changed since it was composed. */
export function bankChanges(catalog, paper) {
  const missing = [], changed = [];
  for (const { id, hash } of paper.banks) {
    const bank = catalog.bank(id);
    if (!bank) missing.push(id);
    else if (hash && bank.hash !== hash) changed.push(id);
  }
  return { missing, changed };
}
