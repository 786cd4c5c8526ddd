// The 组卷 page (quizzes/compose): the leader composes a paper (banks, tags, questions and points per type,
// time, pass mark, seed), previews it and shares it as a link or a paper file; a member who opens the link
// (or the file here) sits exactly that paper with exam.js. The rules are paper.js's.
import { download, fill, h, note } from "./dom.js";
import { lang } from "./i18n.js";
import { proposeSeed } from "./rng.js";
import { sit } from "./exam.js";
import { bankChanges, drawComposed, makePaper, PAPER_TYPES, paperFromQuery, paperQuery, readPaperFile } from "./paper.js";

const EN = lang === "en";
const T = (zh, en) => (EN ? en : zh);
const TYPE_NAMES = { single: ["单选题", "Single choice"], multiple: ["多选题", "Multiple choice"],
  truefalse: ["判断题", "True/false"], fill: ["填空题", "Fill in the blank"] };
const typeName = (type) => TYPE_NAMES[type][EN ? 1 : 0];
const pointsText = (hundredths) => String(hundredths / 100);
const DEFAULT_POINTS = { single: 1, multiple: 2, truefalse: 1, fill: 1 };

function field(label, attrs) {
  const input = h("input", { required: true, ...attrs });
  return { input, el: h("label", { class: "shuniu-field" }, label, input) };
}

function checkList(legend, items, className) {
  const inputs = items.map(([value]) => h("input", { type: "checkbox", value }));
  const el = h("fieldset", { class: `shuniu-q ${className}` }, h("legend", { text: legend }),
    items.map(([, label], i) => h("label", { class: "shuniu-opt" }, inputs[i], h("span", { text: label }))));
  return { el, inputs, values: () => inputs.filter((input) => input.checked).map((input) => input.value) };
}

/** "单选题 5 题 × 2 分；…" and the total, for the preview and the member's start page. */
function paperSummary(paper, count) {
  const parts = PAPER_TYPES.filter((type) => paper.types[type]).map((type) => {
    const { count: n, points } = paper.types[type];
    return T(`${typeName(type)} ${n} 题，每题 ${pointsText(points)} 分`, `${typeName(type)}: ${n} × ${pointsText(points)} points`);
  });
  const total = PAPER_TYPES.reduce((sum, type) => sum + (paper.types[type] ? paper.types[type].count * paper.types[type].points : 0), 0);
  return T(`共 ${count} 题（${parts.join("；")}），满分 ${pointsText(total)} 分，时间 ${paper.minutes} 分钟，及格线 ${paper.pass_mark} 分（百分制）。试卷编号 ${paper.id}。`,
    `${count} questions (${parts.join("; ")}), ${pointsText(total)} points in all, ${paper.minutes} minutes, pass mark ${paper.pass_mark} (out of 100). Paper id ${paper.id}.`);
}

function preview(paper, questions) {
  return [h("h3", { text: paper.title || T("试卷预览", "Preview") }), h("p", { class: "shuniu-help", text: paperSummary(paper, questions.length) }),
    h("ol", { class: "shuniu-preview" }, questions.map((q) => h("li", {},
      h("strong", { text: "［" + typeName(q.type) + " · " + q.points + T(" 分", " pt") + "］" }), " ", h("span", { class: "shuniu-preview__stem", text: q.stem }),
      q.options ? h("span", { class: "shuniu-help", text: "　" + q.options.map(([key, value]) => key + ". " + value).join("　") }) : null)))];
}

/** A link's address: this page with the paper's parameters (works on file:// and any server). */
const linkOf = (paper) => `${location.href.split(/[?#]/)[0]}?${paperQuery(paper)}`;

function shareBox(paper) {
  const link = h("input", { type: "text", readonly: true, value: linkOf(paper), class: "shuniu-link", "aria-label": T("试卷链接", "Paper link") });
  const said = h("span", { role: "status" });
  const copy = async () => {
    link.select(); // execCommand first: file:// and plain-http pages have no clipboard API
    let copied = document.execCommand("copy");
    if (!copied) copied = await navigator.clipboard?.writeText(link.value).then(() => true, () => false);
    said.textContent = copied ? T("已复制链接。", "Link copied.") : T("请按 Ctrl+C 复制已选中的链接。", "Press Ctrl+C to copy the selected link.");
  };
  const file = () => download(`shuniu-paper-${paper.id}.json`, `${JSON.stringify(paper, null, 2)}\n`);
  return h("div", { class: "shuniu-share" }, h("h3", { text: T("分享试卷", "Share the paper") }),
    h("p", { class: "shuniu-help", text: T("把链接或试卷文件发给成员：每人打开后作答的题目和顺序完全相同。", "Send members the link or the paper file: everyone who opens it sits the same questions in the same order.") }),
    link, h("div", { class: "shuniu-actions" },
      h("button", { type: "button", class: "md-button md-button--primary", text: T("复制链接", "Copy link"), onclick: copy }), " ",
      h("button", { type: "button", class: "md-button", text: T("下载试卷文件", "Download paper file"), onclick: file }), " ", said));
}

function typeRows(catalog, banks) {
  return PAPER_TYPES.map((type) => {
    const count = field(typeName(type) + T("（题数）", " (questions)"), { type: "number", min: 0, max: 500, step: 1, value: "0" });
    const points = field(typeName(type) + T("（每题分值）", " (points each)"), { type: "number", min: 0.01, max: 100, step: 0.01, value: String(DEFAULT_POINTS[type]) });
    const pool = h("span", { class: "shuniu-help" });
    const refresh = (tags) => { pool.textContent = T(`可选 ${catalog.select(banks.values(), tags, [type]).length} 题`, `${catalog.select(banks.values(), tags, [type]).length} available`); };
    return { type, count, points, refresh, el: h("div", { class: "shuniu-grid" }, count.el, points.el, pool) };
  });
}

/** The paper the form describes, or the problem that stops it (said in the page's language). */
function formPaper(form) {
  const int = (input) => (/^\d+$/.test(input.value.trim()) ? Number(input.value) : NaN);
  const types = {};
  for (const row of form.rows) {
    const count = int(row.count.input), points = Math.round(Number(row.points.input.value) * 100);
    if (!Number.isInteger(count) || count > 500) return { problem: T(`${typeName(row.type)}的题数应为 0 到 500 的整数。`, `${typeName(row.type)}: the number of questions must be 0 to 500.`) };
    if (!count) continue;
    if (!(points >= 1 && points <= 10000) || Math.abs(points - Number(row.points.input.value) * 100) > 1e-6) return { problem: T(`${typeName(row.type)}的分值应为 0.01 到 100、至多两位小数。`, `${typeName(row.type)}: points must be 0.01 to 100 with at most 2 decimals.`) };
    types[row.type] = { count, points };
  }
  const banks = form.banks.values().map((id) => ({ id, hash: form.catalog.bank(id).hash || "" }));
  if (!banks.length) return { problem: T("请至少选择一个题库。", "Choose at least one bank.") };
  if (!Object.keys(types).length) return { problem: T("请至少为一种题型填写题数。", "Ask for at least one question.") };
  const minutes = int(form.minutes.input), pass = int(form.pass.input), seed = form.seed.input.value.trim();
  if (!(minutes >= 1 && minutes <= 600)) return { problem: T("考试时间应为 1 到 600 分钟。", "Minutes must be 1 to 600.") };
  if (!(pass >= 0 && pass <= 100)) return { problem: T("及格线应为 0 到 100。", "The pass mark must be 0 to 100.") };
  if (!seed || seed.length > 64 || seed.includes(",")) return { problem: T("请填写种子（不超过 64 个字符，不含逗号）。", "Give a seed (at most 64 characters, no comma).") };
  const title = form.title.input.value.trim().slice(0, 100);
  return { paper: makePaper({ title, banks, tags: form.tags.values(), types, minutes, pass_mark: pass, seed }) };
}

function composer(container, ctx) {
  const { catalog } = ctx;
  const banks = checkList(T("题库", "Banks"), catalog.banks.map((b) => [b.id, b.title]), "");
  const tagBox = h("div");
  let tags = { values: () => [], el: null };
  const rows = typeRows(catalog, banks);
  const form = { catalog, banks, rows, get tags() { return tags; },
    title: field(T("试卷标题", "Title"), { type: "text", value: T("模拟考试", "Mock exam"), maxlength: 100 }),
    minutes: field(T("时长（分钟）", "Minutes"), { type: "number", min: 1, max: 600, step: 1, value: "30" }),
    pass: field(T("及格线（百分制）", "Pass mark (out of 100)"), { type: "number", min: 0, max: 100, step: 1, value: "60" }),
    seed: field(T("种子", "Seed"), { type: "text", value: proposeSeed(), maxlength: 64 }) };
  const out = h("div", { class: "shuniu-compose-out", "aria-live": "polite" });
  let shown = null;
  const refreshTags = () => {
    const kept = tags.values();
    const all = [...new Set(catalog.select(banks.values(), []).flatMap((q) => q.tags || []))].sort();
    tags = checkList(T("标签（不选即全部）", "Tags (none: all)"), all.map((tag) => [tag, tag]), "shuniu-chips");
    tags.inputs.forEach((input) => { input.checked = kept.includes(input.value); });
    fill(tagBox, tags.el);
  };
  const update = (event) => {
    if (!event || banks.el.contains(event.target)) refreshTags();
    rows.forEach((row) => row.refresh(tags.values()));
    const { paper, problem } = formPaper(form);
    if (paper && paper.id === shown) return; // the same paper: keep its preview (and the buttons being pressed)
    shown = paper?.id;
    if (problem) return fill(out, note(problem, "error"));
    const { questions, short } = drawComposed(catalog, paper);
    if (short.length) {
      return fill(out, note(short.map(({ type, have, want }) => T(`${typeName(type)}只有 ${have} 题，试卷要 ${want} 题。`, `${typeName(type)}: ${have} available, the paper asks for ${want}.`)).join(" "), "error"));
    }
    fill(out, preview(paper, questions), shareBox(paper));
  };
  const el = h("form", { class: "shuniu-builder", novalidate: true, onsubmit: (e) => e.preventDefault() },
    form.title.el, banks.el, tagBox, rows.map((row) => row.el),
    h("div", { class: "shuniu-grid" }, form.minutes.el, form.pass.el, form.seed.el,
      h("button", { type: "button", class: "md-button", text: T("换一个种子", "New seed"), onclick: () => { form.seed.input.value = proposeSeed(); update(); } })));
  el.addEventListener("input", update);
  el.addEventListener("change", update);
  container.append(h("h2", { text: T("组卷", "Compose a paper") }), el, out, opener());
  update();
}

/** "打开试卷文件": a member (or the leader) picks a paper file; a valid one opens as its link. */
function opener() {
  const message = h("div");
  const input = h("input", { type: "file", accept: ".json,application/json", id: "shuniu-paper-file", onchange: async () => {
    const file = input.files[0];
    if (!file) return;
    const { paper, problems } = readPaperFile(new Uint8Array(await file.slice(0, 100001).arrayBuffer()));
    input.value = "";
    if (problems) return fill(message, refusal(file.name, problems));
    location.search = paperQuery(paper);
  } });
  return h("div", { class: "shuniu-open" }, h("h3", { text: T("打开试卷文件", "Open a paper file") }),
    h("label", { for: "shuniu-paper-file", text: T("选择组长发来的试卷文件（shuniu-paper-*.json）：", "Choose the paper file from your leader (shuniu-paper-*.json): ") }),
    input, message);
}

function refusal(name, problems) {
  return h("div", { class: "shuniu-note shuniu-note--error", role: "alert" },
    h("p", { text: T("不能使用" + (name ? "“" + name + "”" : "这个链接") + "：它不是完整有效的试卷。",
      (name ? "“" + name + "”" : "This link") + " cannot be used: it is not a complete, valid paper.") }),
    h("ul", {}, problems.map((problem) => h("li", { text: problem }))));
}

/** A member's view of a shared paper: checks, what the paper is, then the exam itself (exam.js). */
function memberView(container, ctx, paper) {
  const { catalog, store } = ctx;
  const { missing, changed } = bankChanges(catalog, paper);
  container.append(h("h2", { text: paper.title || T("组卷考试", "Composed paper") }));
  if (missing.length) return container.append(note(T(`本站没有题库：${missing.join("、")}，无法作答这份试卷。`, `This site has no bank ${missing.join(", ")}: the paper cannot be sat here.`), "error"));
  const { questions, short } = drawComposed(catalog, paper);
  if (short.length) return container.append(note(T("题库的题目比试卷要的少，无法组成这份试卷。", "The banks have fewer questions than the paper asks for."), "error"));
  if (changed.length) {
    container.append(note(T(`注意：题库 ${changed.join("、")} 在组卷之后已更新，抽到的题目可能与组长预览的不同；成绩汇总会标出这一点。`,
      `Note: bank ${changed.join(", ")} changed after the paper was composed; the questions may differ from the leader's preview, and the group report will say so.`), "warning"));
  }
  const current = store.root.current;
  if (current?.settings.paper === paper.id) return sit(container, ctx, current); // resume this paper
  container.append(h("p", { class: "shuniu-help", text: paperSummary(paper, questions.length) }));
  if (current) return container.append(note(T("你还有一场未交卷的模拟考试：请先到“模拟考试”页交卷，再回来作答这份试卷。", "You have an exam in progress: hand it in on the Mock exam page first, then come back to this paper."), "error"));
  const start = () => {
    const points = Object.fromEntries(Object.entries(paper.types).map(([type, entry]) => [type, entry.points]));
    const settings = { banks: paper.banks.map((b) => b.id), tags: paper.tags, count: questions.length, minutes: paper.minutes,
      pass_mark: paper.pass_mark, seed: paper.seed, paper: paper.id, ids: questions.map((q) => q.id), points };
    const sitting = { settings, started: new Date().toISOString(), given: {} };
    store.update((root) => { root.current = sitting; });
    fill(container);
    sit(container, ctx, sitting);
  };
  container.append(h("div", { class: "shuniu-actions" }, h("button", { type: "button", class: "md-button md-button--primary", text: T("开始考试", "Start the exam"), onclick: start })));
}

/** The page: a shared paper when the address names one, else the composer. */
export function startCompose(container, ctx) {
  const shared = paperFromQuery(ctx.params);
  if (!shared) return composer(container, ctx);
  if (shared.problems) return container.append(refusal("", shared.problems), h("p", {}, h("a", { href: location.pathname, text: T("重新组卷", "Compose a paper") })));
  memberView(container, ctx, shared.paper);
}
