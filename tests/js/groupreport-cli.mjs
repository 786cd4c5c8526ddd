// Runs the 成绩汇总 page's rules (shuniu/web/quiz/groupstats.js) on files named on the command line,
// as the page runs them on dropped files; prints the figures as JSON for tests/test_group_report_same.py.
// Usage: node groupreport-cli.mjs CATALOG.json FILE...   (CATALOG: {question id: {stem, tags}})
import { readFileSync } from "node:fs";
import { csvText, questionStats, readResults, summary, tagStats, typeStats } from "../../shuniu/web/quiz/groupstats.js";

const [catalogPath, ...paths] = process.argv.slice(2);
const catalog = new Map(Object.entries(JSON.parse(readFileSync(catalogPath, "utf-8"))));
const files = paths.map((name) => ({ name, bytes: new Uint8Array(readFileSync(name)) }));
const { results, skipped } = readResults(files);
console.log(JSON.stringify({
  results: results.map((r) => [r.file, r.name, r.group, r.points, r.max, r.percent, r.passed]),
  skipped: skipped.map((s) => [s.file, s.reason]),
  questions: questionStats(results, catalog).map((s) => [s.id, s.stem, s.right, s.total, s.percent]),
  types: typeStats(results).map((s) => [s.key, s.answers, s.points, s.percent]),
  tags: tagStats(results, catalog).map((s) => [s.key, s.answers, s.points, s.percent]),
  summary: summary(results),
  csv: csvText(results),
}));
