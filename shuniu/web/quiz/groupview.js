// The 成绩汇总 page (quizzes/group-report): the leader drops or picks learners' result files and sees
// the report `shuniu results report` makes, worked out by groupstats.js; nothing leaves the browser.
import { h, fill, note } from "./dom.js";
import { lang } from "./i18n.js";
import { csvText, localTime, papers, pointsText, questionStats, readResults, summary, tagStats, typeStats } from "./groupstats.js";
import { barChart } from "./groupchart.js";
import { xlsxBlob } from "./xlsx.js";

const EN = lang === "en";
const T = (zh, en) => (EN ? en : zh);
const TYPE_NAMES = { single: ["单选题", "Single choice"], multiple: ["多选题", "Multiple choice"],
  truefalse: ["判断题", "True/false"], fill: ["填空题", "Fill in the blank"], short: ["简答题", "Short answer"] };
const typeName = (key) => (TYPE_NAMES[key] ? TYPE_NAMES[key][EN ? 1 : 0] : key);

function table(head, rows) {
  return h("table", {}, h("thead", {}, h("tr", {}, head.map((cell) => h("th", { scope: "col", text: cell })))),
    h("tbody", {}, rows.map((row) => h("tr", {}, row.map((cell) => (cell instanceof Node ? h("td", {}, cell)
      : h("td", { text: String(cell), class: typeof cell === "number" ? "shuniu-num" : null })))))));
}

function offer(name, blob) {
  const link = h("a", { href: URL.createObjectURL(blob), download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
}

/** The bank versions a result was taken on that differ from the banks published now (in either language). */
function outdated(result, catalog) {
  const current = (bank) => bank.versions || [bank.hash];
  return result.banks.filter((id, i) => catalog.bank(id) && !current(catalog.bank(id)).includes(result.hashes[i]));
}

function membersPart(results, catalog) {
  const rows = results.map((r) => {
    const old = outdated(r, catalog);
    return [r.name, r.group, r.paper ? `${r.seed}（组卷 ${r.paper}）` : r.seed, `${pointsText(r.points)} / ${pointsText(r.max)}`, r.percent,
      r.passed ? T("是", "yes") : T("否", "no"), localTime(r.finished),
      old.length ? T(`题库已更新：${old.join("、")}`, `bank changed since: ${old.join(", ")}`) : ""];
  });
  const mark = results[0]?.pass_mark;
  const bars = results.map((r) => ({ label: r.name, value: r.percent, kind: r.passed ? "pass" : "fail", note: `${r.name}（${r.group}）：${r.percent} · ${r.file}` }));
  return [h("h2", { text: T("成员成绩", "Members") }),
    barChart(T("成员成绩（百分制）与及格线", "Members' scores (out of 100) and the pass mark"), bars, mark, T(`及格线 ${mark}`, `pass ${mark}`)),
    table([T("姓名", "Name"), T("小组", "Group"), T("试卷种子", "Seed"), T("得分", "Points"), T("百分制", "Score"),
      T("及格", "Passed"), T("交卷时间（北京时间）", "Finished (Beijing time)"), T("题库版本", "Bank version")], rows)];
}

function questionsPart(results, known) {
  const stats = questionStats(results, known);
  const bars = stats.map((s) => ({ label: s.id, value: s.percent, kind: s.percent < 60 ? "low" : "neutral", note: `${s.id}: ${s.right}/${s.total}` }));
  return [h("h2", { text: T("各题正确率", "Per question") }),
    barChart(T("各题正确率（%），由难到易", "Right answers per question (%), hardest first"), bars),
    table([T("题号", "Question"), T("题目", "Stem"), T("答对 / 作答", "Right / answered"), T("正确率", "Right")],
      stats.map((s) => [s.id, s.stem ?? T("（当前题库中已没有此题）", "(no longer in the banks)"), `${s.right} / ${s.total}`, `${s.percent}%`]))];
}

function scoresPart(title, head, stats, label) {
  return [h("h2", { text: title }), stats.length ? table([head, T("作答题次", "Answers"), T("得分 / 满分", "Points / max"), T("得分率", "Score")],
    stats.map((s) => [label(s.key), s.answers, `${pointsText(s.points)} / ${pointsText(s.max)}`, `${s.percent}%`]))
    : note(T("（题目没有标签）", "(the questions have no tags)"))];
}

/** English sittings (their bank hashes start "en-") are the same questions by id: merged, and said so. */
function englishNote(results) {
  const count = results.filter((r) => r.hashes.some((hash) => hash.startsWith("en-"))).length;
  return count ? note(T(`其中 ${count} 份成绩是用英文版题库作答的：英文版与中文版是同一批题（题号、题型、答案相同），按题号合并统计。`,
    `${count} of these results were taken in English: the English version has the same questions (same ids, types and keys), merged by id.`)) : null;
}

function papersNote(results) {
  const list = papers(results), named = list.map(([label, n]) => `${label}：${n} 份`).join("、");
  return list.length > 1 ? note(T(`注意：这些成绩来自 ${list.length} 份不同的试卷（${named}），各题正确率按题目合并统计。`,
    `Note: these results come from ${list.length} different papers (${named}); per-question figures merge them by question.`), "warning") : null;
}

function skippedPart(skipped) {
  if (!skipped.length) return null;
  return [h("h2", { text: T(`未纳入的文件（${skipped.length}）`, `Files left out (${skipped.length})`) }),
    h("ul", { class: "shuniu-refused" }, skipped.map((s) => h("li", {}, h("code", { text: s.file }), `：${s.reason}`)))];
}

function summaryLine(results) {
  const s = summary(results);
  return h("p", { class: "shuniu-summary", text: T(
    `共 ${s.results} 份成绩（${s.people} 人）；平均 ${s.average} 分，最高 ${s.best} 分，最低 ${s.worst} 分；及格 ${s.passed} 份，及格率 ${s.rate}%。`,
    `${s.results} results (${s.people} people); average ${s.average}, best ${s.best}, lowest ${s.worst}; ${s.passed} passed, pass rate ${s.rate}%.`) });
}

function downloads(results, known) {
  const csv = () => offer("report.csv", new Blob(["\ufeff", csvText(results)], { type: "text/csv;charset=utf-8" }));
  const xlsx = () => offer("report.xlsx", xlsxBlob(results, questionStats(results, known), typeStats(results), tagStats(results, known)));
  return h("p", { class: "shuniu-actions shuniu-noprint" },
    h("button", { type: "button", class: "md-button", onclick: csv, text: T("下载 CSV", "Download CSV") }), " ",
    h("button", { type: "button", class: "md-button", onclick: xlsx, text: T("下载 Excel（xlsx）", "Download Excel (xlsx)") }), " ",
    h("button", { type: "button", class: "md-button", onclick: () => globalThis.print(), text: T("打印", "Print") }));
}

function render(out, files, catalog, known) {
  const { results, skipped } = readResults(files);
  const parts = results.length ? [summaryLine(results), papersNote(results), englishNote(results), downloads(results, known),
    membersPart(results, catalog), questionsPart(results, known),
    scoresPart(T("各题型得分", "Per question type"), T("题型", "Type"), typeStats(results), typeName),
    scoresPart(T("各标签得分", "Per tag"), T("标签", "Tag"), tagStats(results, known), String)]
    : [note(T("还没有可用的成绩文件。", "No usable result file yet."), files.length ? "error" : "info")];
  fill(out, parts.flat(), skippedPart(skipped));
}

/** The page: a file picker and drop zone; every file added so far is read again on each change. */
export function startGroupReport(container, { catalog }) {
  const known = new Map([...catalog.questions].map(([id, { question }]) => [id, { stem: question.stem, tags: question.tags || [] }]));
  const files = [];
  const out = h("div", { class: "shuniu-group-out", "aria-live": "polite" });
  const add = async (list) => {
    for (const file of list) files.push({ name: file.name, bytes: new Uint8Array(await file.slice(0, 5000001).arrayBuffer()) });
    render(out, files, catalog, known);
  };
  const input = h("input", { type: "file", multiple: true, accept: ".json,application/json", id: "shuniu-group-files",
    onchange: () => { add([...input.files]); input.value = ""; } });
  const zone = h("div", { class: "shuniu-drop", ondragover: (e) => { e.preventDefault(); zone.classList.add("shuniu-drop--over"); },
    ondragleave: () => zone.classList.remove("shuniu-drop--over"),
    ondrop: (e) => { e.preventDefault(); zone.classList.remove("shuniu-drop--over"); add([...e.dataTransfer.files]); } },
  h("label", { for: "shuniu-group-files", text: T("选择成绩文件（可多选），或把文件拖到这里：", "Choose result files (several at once), or drop them here: ") }),
  input);
  const clear = h("button", { type: "button", class: "md-button shuniu-noprint", text: T("清空", "Clear"),
    onclick: () => { files.length = 0; render(out, files, catalog, known); } });
  container.append(h("div", { class: "shuniu-noprint" }, zone, clear), out);
  render(out, files, catalog, known);
}
