// 学习进度: due today, practice per bank, exam history, learner details, backup / restore / clear.
import { fill, h, note } from "./dom.js";
import { t } from "./i18n.js";
import { scheduleOf } from "./fsrs.js";
import { dueIds, localDay } from "./review.js";
import { learnerFields, resultDownload } from "./learner.js";
import { dataSection } from "./backupview.js";

function table(headers, rows) {
  return h("table", {}, h("thead", {}, h("tr", {}, headers.map((text) => h("th", { text })))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell) => h("td", {}, cell))))));
}

function practiceRows(catalog, practice) {
  return catalog.banks.map((bank) => {
    const stats = bank.questions.map((q) => practice[q.id]).filter(Boolean);
    const answered = stats.reduce((sum, s) => sum + s.n, 0);
    const right = stats.reduce((sum, s) => sum + s.r, 0);
    return [bank.title, `${stats.length} / ${bank.questions.length}`, String(answered), answered ? `${Math.floor((100 * right) / answered)}%` : "—"];
  });
}

function examRows(catalog, store, details) {
  return store.root.exams.map((record) => [
    localDay(new Date(record.finished)),
    record.exam.banks.map((b) => catalog.bank(b.id)?.title ?? b.id).join(t("listSep")),
    `${record.score.percent}%`,
    record.score.passed ? t("passed") : t("failed"),
    h("button", { type: "button", class: "md-button", text: t("download"), onclick: () => fill(details, resultDownload(store, record)) }),
  ]).reverse();
}

function learnerSection(store) {
  const fields = learnerFields(store);
  const message = h("div");
  const form = h("form", { onsubmit: (event) => { event.preventDefault(); fields.save(); fill(message, note(t("saved"))); } },
    fields.el, message, h("div", { class: "shuniu-actions" }, h("button", { type: "submit", class: "md-button md-button--primary", text: t("save") })));
  return [h("h2", { text: t("learner") }), form];
}

/** Part of the page, or an error note in its place: one broken part never blanks the page. */
function part(build) {
  try {
    return build();
  } catch {
    return [note(t("partFailed"), "error")];
  }
}

/** Start the progress view. The data section comes first: it must work whatever else fails. */
export function startProgress(container, { catalog, store, storage }) {
  const data = part(() => dataSection(storage));
  const after = location.hash.slice(1);
  if (["restored", "merged", "undone", "cleared"].includes(after)) {
    container.append(note(t(after)));
    history.replaceState(null, "", location.pathname + location.search);
  }
  if (store.damaged.length) container.append(note(t("damagedKept"), "error"));
  const details = h("div");
  container.append(...part(() => {
    const due = dueIds(store.root.wrong, localDay(), catalog.known(), scheduleOf(store.root)).length;
    const exams = store.root.exams.length
      ? table([t("date"), t("banks"), t("score"), t("result"), ""], examRows(catalog, store, details))
      : note(t("noExams"));
    return [h("p", { class: "shuniu-due" }, h("strong", { text: t("dueToday", due) }), " ",
      h("a", { class: "md-button md-button--primary", href: "practice.html?review=due", text: t("reviewDue") })),
    h("h2", { text: t("practiceStats") }),
    table([t("bank"), t("practised"), t("answers"), t("rightRate")], practiceRows(catalog, store.root.practice)),
    h("h2", { text: t("examHistory") }), exams, details];
  }), ...part(() => learnerSection(store)), ...data);
}
