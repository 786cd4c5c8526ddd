// The group report's figures from result files, as `shuniu results report` makes them
// (shuniu/quiz/report.py): which files count, the members, per question, per type, per tag,
// the summary and report.csv byte for byte. Pure: no DOM (tests/js compare it with the CLI).
import { byCodePoint } from "./checksum.js";
import { parseJSON } from "./jsonread.js";
import { ResultError, textOf, verify, worthOf } from "./resultread.js";

const TYPE_ORDER = ["single", "multiple", "truefalse", "fill", "short"];
const floorPercent = (part, whole) => (whole ? Math.floor((100 * part) / whole) : 0);

/** One file as a result (the figures the report uses), or throw ResultError (results.read_result). */
export function readResult(bytes, file) {
  const data = parseJSON(textOf(bytes));
  verify(data);
  const { exam, score } = data;
  return {
    file, name: data.learner.name.trim(), group: data.learner.group.trim(), seed: exam.seed, paper: exam.paper ?? null,
    banks: exam.banks.map((bank) => bank.id), hashes: exam.banks.map((bank) => bank.hash), pass_mark: exam.pass_mark,
    started: data.started, finished: data.finished, auto_submitted: data.auto_submitted,
    answers: data.answers.map((a) => ({ id: a.id, type: a.type, points: a.points, correct: a.correct, max: worthOf(data, a) })),
    points: score.points, max: score.max, percent: score.percent, passed: score.passed, checksum: data.checksum,
  };
}

/** Usable results and the files left out with their reasons, from [{name, bytes}] (report.read_results). */
export function readResults(files) {
  const results = [], skipped = [], seen = new Map();
  for (const { name, bytes } of files) {
    let result;
    try {
      result = readResult(bytes, name);
    } catch (error) {
      if (!(error instanceof ResultError)) throw error;
      skipped.push({ file: name, reason: error.message });
      continue;
    }
    if (seen.has(result.checksum)) {
      skipped.push({ file: name, reason: `the same result as ${seen.get(result.checksum)}` });
      continue;
    }
    seen.set(result.checksum, name);
    results.push(result);
  }
  results.sort((a, b) => byCodePoint(a.group, b.group) || byCodePoint(a.name, b.name) || Date.parse(a.finished) - Date.parse(b.finished));
  return { results, skipped };
}

/** Per question: right of answered, hardest first; `catalog` maps id -> {stem, tags} of the banks now. */
export function questionStats(results, catalog) {
  const stats = new Map();
  for (const answer of results.flatMap((r) => r.answers)) {
    const stat = stats.get(answer.id) || { id: answer.id, stem: catalog.get(answer.id)?.stem ?? null, right: 0, total: 0 };
    stat.total += 1;
    stat.right += answer.correct ? 1 : 0;
    stats.set(answer.id, stat);
  }
  const list = [...stats.values()].map((s) => ({ ...s, percent: floorPercent(s.right, s.total) }));
  return list.sort((a, b) => a.percent - b.percent || byCodePoint(a.id, b.id));
}

function scoreBy(results, keysOf) {
  const groups = new Map();
  for (const answer of results.flatMap((r) => r.answers)) {
    for (const key of keysOf(answer)) {
      const group = groups.get(key) || { key, answers: 0, points: 0, max: 0 };
      group.answers += 1;
      group.points += answer.points;
      group.max += answer.max;
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((g) => ({ ...g, percent: floorPercent(g.points, g.max) }));
}

/** Points earned per question type, in the types' usual order (report.type_stats). */
export function typeStats(results) {
  const rank = (type) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
  return scoreBy(results, (answer) => [answer.type]).sort((a, b) => rank(a.key) - rank(b.key) || byCodePoint(a.key, b.key));
}

/** Points earned per tag of the questions in the banks now, weakest first (report.tag_stats). */
export function tagStats(results, catalog) {
  return scoreBy(results, (answer) => catalog.get(answer.id)?.tags || [])
    .sort((a, b) => a.percent - b.percent || byCodePoint(a.key, b.key));
}

/** A result's paper as the report names it (report.paper_label): a composed paper by its id. */
export const paperLabel = (r) => (r.paper ? `组卷 ${r.paper}` : `种子 ${r.seed}（${r.banks.join("、")}）`);

/** Each paper the results come from, with its number of results, in order of first appearance (Report.papers). */
export function papers(results) {
  const counts = new Map();
  for (const r of results) counts.set(paperLabel(r), (counts.get(paperLabel(r)) || 0) + 1);
  return [...counts];
}

/** The summary line's figures; the average in tenths, rounded half up with whole numbers only. */
export function summary(results) {
  const n = results.length, sum = results.reduce((s, r) => s + r.percent, 0), passed = results.filter((r) => r.passed).length;
  return {
    results: n, people: new Set(results.map((r) => JSON.stringify([r.name, r.group]))).size,
    average: n ? tenths(Math.floor((20 * sum + n) / (2 * n))) : "0.0",
    best: n ? Math.max(...results.map((r) => r.percent)) : 0, worst: n ? Math.min(...results.map((r) => r.percent)) : 0,
    passed, rate: floorPercent(passed, n),
  };
}

const tenths = (value) => `${value < 0 ? "-" : ""}${Math.floor(Math.abs(value) / 10)}.${Math.abs(value) % 10}`;

/** Hundredths of a point as a short decimal: 1866 -> 18.66, 1850 -> 18.5, 1800 -> 18 (report_view.points_text). */
export function pointsText(hundredths) {
  const whole = Math.floor(hundredths / 100), part = hundredths % 100;
  return part ? `${whole}.${String(part).padStart(2, "0")}`.replace(/0$/, "") : String(whole);
}

/** A time as Beijing time, "YYYY-MM-DD HH:MM:SS" (report_view.local_time). */
export function localTime(iso) {
  return new Date(Date.parse(iso) + 8 * 3600000).toISOString().slice(0, 19).replace("T", " ");
}

/** Minutes from start to finish, one decimal, rounded half up from whole milliseconds (report_view.minutes_taken). */
export function minutesTaken(result) {
  const ms = Date.parse(result.finished) - Date.parse(result.started);
  return tenths(Math.floor((2 * ms + 6000) / 12000));
}

export const CSV_HEAD = ["姓名", "小组", "试卷种子", "题库", "得分", "满分", "百分制成绩", "是否及格", "及格线",
  "开始时间（北京时间）", "交卷时间（北京时间）", "用时（分钟）", "自动交卷", "文件", "试卷编号"];

/** A number cell: written as it is, never prefixed (shuniu/csvsafe.py leaves numbers alone too). */
const num = (text) => ({ number: String(text) });

/** One CSV cell made safe (shuniu/csvsafe.py's rule): text that a spreadsheet would run gets a leading '. */
export function csvCell(cell) {
  const text = typeof cell === "object" ? cell.number : /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows of report.csv (numbers as numbers), in the order of CSV_HEAD. */
export function csvRows(results) {
  return results.map((r) => [r.name, r.group, r.seed, r.banks.join("、"), num(pointsText(r.points)), num(pointsText(r.max)),
    num(r.percent), r.passed ? "是" : "否", num(r.pass_mark), localTime(r.started), localTime(r.finished),
    num(minutesTaken(r)), r.auto_submitted ? "是" : "否", r.file, r.paper || ""]);
}

/** report.csv as the CLI writes it (without the byte-order mark, which the download adds). */
export function csvText(results) {
  return [CSV_HEAD, ...csvRows(results)].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
