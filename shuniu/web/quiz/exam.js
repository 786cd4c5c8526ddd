// Mock exam: a builder (banks, tags, size, time, pass mark, seed), the timed paper with one submit
// (auto-submitted at zero), then the score and a review of every question. An exam in progress is
// kept in local data, so a reload resumes it with the same paper (the draw is deterministic).
import { confirmPanel, fill, h, note } from "./dom.js";
import { t } from "./i18n.js";
import { listParam } from "./data.js";
import { AUTO_TYPES, isAnswered } from "./scoring.js";
import { drawPaper, proposeSeed } from "./rng.js";
import { localDay, recordAnswer } from "./review.js";
import { examRecord } from "./result.js";
import { feedbackView, markOptions, questionView } from "./render.js";
import { resultDownload } from "./learner.js";

/** Start the exam view: resume the exam in progress, or show the builder. */
export function startExam(container, ctx) {
  if (ctx.store.root.current) return sit(container, ctx, ctx.store.root.current);
  builder(container, ctx);
}

// A composed paper (组卷, compose.js) fixes its questions and points: `ids`, `points` (hundredths per type).
function paperOf(catalog, settings) {
  if (settings.ids) return settings.ids.flatMap((id) => catalog.questions.get(id)?.question ?? []).map((q) => ({ ...q, points: settings.points[q.type] / 100 }));
  return drawPaper(catalog.select(settings.banks, settings.tags, AUTO_TYPES), settings.count, settings.seed);
}

function checkboxes(legend, items, checked, className = "") {
  const inputs = items.map(([value]) => h("input", { type: "checkbox", value, checked: checked.includes(value) }));
  const el = h("fieldset", { class: `shuniu-q ${className}` }, h("legend", { text: legend }),
    items.map(([, label], i) => h("label", { class: "shuniu-opt" }, inputs[i], h("span", { text: label }))));
  return { el, values: () => inputs.filter((input) => input.checked).map((input) => input.value) };
}

/** Tag chips for the chosen banks, folded away unless tags were asked for; choices survive bank changes. */
function tagPicker(catalog, wanted) {
  const details = h("details", { class: "shuniu-tags", open: wanted.length > 0 }, h("summary", { text: t("tagsAny") }));
  let current = { values: () => wanted };
  const refresh = (bankIds) => {
    const kept = current.values();
    const tags = [...new Set(catalog.select(bankIds, [], AUTO_TYPES).flatMap((q) => q.tags || []))].sort();
    current = checkboxes(t("tagsAny"), tags.map((tag) => [tag, tag]), kept, "shuniu-chips");
    fill(details, details.firstChild, current.el);
  };
  return { el: details, refresh, values: () => current.values() };
}

function numberField(label, value, attrs) {
  const input = h("input", { type: "number", required: true, step: 1, value: String(value), ...attrs });
  input.addEventListener("input", () => { input.dataset.touched = "1"; });
  return { input, el: h("label", { class: "shuniu-field" }, label, input) };
}

function builder(container, { catalog, store, params }) {
  const wanted = listParam(params, "bank");
  const banks = checkboxes(t("banks"), catalog.banks.map((b) => [b.id, b.title]), catalog.banks.length === 1 ? [catalog.banks[0].id] : wanted);
  const tags = tagPicker(catalog, listParam(params, "tag"));
  const count = numberField(t("count"), params.get("n") || 20, { min: 1 });
  const minutes = numberField(t("minutes"), params.get("minutes") || 30, { min: 1, max: 600 });
  const pass = numberField(t("passMark"), params.get("pass") || 60, { min: 0, max: 100 });
  const seed = h("input", { type: "text", required: true, value: params.get("seed") || proposeSeed() });
  ["n", "pass"].forEach((key, i) => { if (params.get(key)) [count, pass][i].input.dataset.touched = "1"; });
  const pool = h("p", { class: "shuniu-pool", role: "status" });
  const error = h("div");
  const update = (event) => {
    if (!event || banks.el.contains(event.target)) tags.refresh(banks.values());
    const size = catalog.select(banks.values(), tags.values(), AUTO_TYPES).length;
    pool.textContent = t("poolN", size);
    if (!count.input.dataset.touched) count.input.value = String(Math.min(20, size) || 20);
    const marks = banks.values().map((id) => catalog.bank(id).pass_mark ?? 60);
    if (!pass.input.dataset.touched && marks.length) pass.input.value = String(Math.max(...marks));
  };
  const form = h("form", { class: "shuniu-builder", novalidate: true }, banks.el, tags.el,
    h("div", { class: "shuniu-grid" }, count.el, minutes.el, pass.el,
      h("label", { class: "shuniu-field" }, t("seed"), seed),
      h("button", { type: "button", class: "md-button", text: t("newSeed"), onclick: () => { seed.value = proposeSeed(); } })),
    pool, h("p", { class: "shuniu-help", text: t("seedHelp") }), error,
    h("div", { class: "shuniu-actions" }, h("button", { type: "submit", class: "md-button md-button--primary", text: t("startExam") })));
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const int = (field) => (field.input.value.trim() ? Number(field.input.value) : NaN);
    const settings = {
      banks: banks.values().sort(), tags: tags.values().sort(), count: int(count),
      minutes: int(minutes), pass_mark: int(pass), seed: seed.value.trim(),
    };
    const problem = invalid(settings, catalog.select(settings.banks, settings.tags, AUTO_TYPES).length);
    if (problem) return fill(error, note(problem, "error"));
    const current = { settings, started: new Date().toISOString(), given: {} };
    store.update((root) => { root.current = current; });
    fill(container);
    sit(container, { catalog, store, params }, current);
  });
  container.append(h("h2", { text: t("examBuilder") }), form);
  update();
}

function invalid(settings, size) {
  const whole = (value, low, high) => Number.isInteger(value) && value >= low && value <= high;
  if (!settings.banks.length) return t("pickBank");
  if (!size) return t("noQuestions");
  if (!whole(settings.count, 1, size)) return t("countRange", size);
  if (!whole(settings.minutes, 1, 600)) return t("minutesRange");
  if (!whole(settings.pass_mark, 0, 100)) return t("passRange");
  if (!settings.seed) return t("seedMissing");
  return null;
}

function clock(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Sit the exam `current` ({settings, started, given}); compose.js starts composed papers with it. */
export function sit(container, ctx, current) {
  const { catalog, store } = ctx;
  const { settings } = current;
  const paper = paperOf(catalog, settings);
  if (!paper.length) { // its banks are gone from the site: nothing left to sit
    store.update((root) => { root.current = null; });
    return builder(container, ctx);
  }
  const views = paper.map((q, i) => questionView(q, { number: i + 1, given: current.given[q.id] ?? null }));
  const deadline = Date.parse(current.started) + settings.minutes * 60000;
  const timer = h("span", { class: "shuniu-timer__time" });
  const given = () => Object.fromEntries(paper.map((q, i) => [q.id, views[i].read()]));
  const confirmArea = h("div");
  let ticking = null;
  let done = false;
  const finish = (auto) => {
    if (done) return;
    done = true;
    clearInterval(ticking);
    const finished = new Date(auto ? Math.min(Date.now(), deadline) : Date.now());
    const exam = { ...settings, banks: settings.banks.map((id) => ({ id, hash: catalog.bank(id)?.hash ?? "" })), count: paper.length };
    const record = examRecord(exam, paper, given(), new Date(current.started), finished, auto);
    const today = localDay();
    store.update((root) => {
      record.answers.forEach((a, i) => recordAnswer(root.wrong, paper[i], a.correct, a.given, today, root.settings.toLeave));
      root.exams.push(record);
      root.current = null;
    });
    fill(container);
    results(container, ctx, record, paper);
  };
  const form = h("form", { class: "shuniu-paper" }, views.map((view) => view.el), confirmArea,
    h("div", { class: "shuniu-actions" }, h("button", { type: "submit", class: "md-button md-button--primary", text: t("handIn") })));
  form.addEventListener("input", () => store.update((root) => { root.current = { ...current, given: given() }; }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const open = paper.filter((q, i) => !isAnswered(q, views[i].read())).length;
    if (!open) return finish(false);
    fill(confirmArea, confirmPanel(t("unansweredN", open), t("handInAnyway"), t("keepGoing"), () => finish(false)));
  });
  // Enter in an answer must not hand the paper in: only the button does.
  form.addEventListener("keydown", (event) => { if (event.key === "Enter" && event.target.tagName === "INPUT") event.preventDefault(); });
  const tick = () => {
    const left = deadline - Date.now();
    timer.textContent = clock(left);
    if (left <= 0) finish(true);
  };
  container.append(h("h2", { text: t("examTitle") }),
    h("p", { class: "shuniu-help", text: t("examInfo", paper.length, settings.minutes, settings.pass_mark, settings.seed) }),
    h("div", { class: "shuniu-timer", role: "timer" }, `${t("timeLeft")} `, timer), form);
  ticking = setInterval(tick, 1000);
  tick();
}

function results(container, ctx, record, paper) {
  const { score } = record;
  const again = h("button", { type: "button", class: "md-button", text: t("again"), onclick: () => { fill(container); builder(container, ctx); } });
  const heading = h("h2", { text: t("examResult"), tabindex: "-1" });
  container.append(heading,
    h("p", { class: `shuniu-score shuniu-score--${score.passed ? "pass" : "fail"}`, role: "status",
      text: t("scoreLine", score.percent, score.points / 100, score.max / 100, record.exam.pass_mark, score.passed) }),
    ...(record.auto_submitted ? [note(t("autoSubmitted"))] : []),
    resultDownload(ctx.store, record), h("h3", { text: t("reviewAll") }));
  record.answers.forEach((answer, i) => {
    const view = questionView(paper[i], { number: i + 1, given: answer.given });
    view.lock();
    markOptions(view, paper[i], answer.given);
    container.append(h("div", { class: "shuniu-reviewed" }, view.el, feedbackView(paper[i], answer.given, answer)));
  });
  container.append(h("div", { class: "shuniu-actions" }, again));
  heading.scrollIntoView();
  heading.focus({ preventScroll: true });
}
