// 错题本: the questions answered wrong, grouped by bank, with the schedule of their next review, and the
// learner's choice of scheduler (the classic rule of review.js or FSRS, fsrs.js). Published as the
// page's own script (assets/shuniu/wrongbook.js, wrongbookmain.js), not in quiz.js.
import { fill, h, note } from "./dom.js";
import { addStrings, t } from "./i18n.js";
import { dueIds, localDay } from "./review.js";
import { fsrsDue, scheduleOf } from "./fsrs.js";
import { answerText, labelled } from "./render.js";
import { answeredAs } from "./asked.js";

addStrings({
  scheduleHelp: (n) => [`复习规则：答错（多选题部分正确也算错）的题目进入错题本，立即到期；复习时答对，1 天后再复习，之后间隔 3 天；在不同的日子答对 ${n} 次后移出错题本；复习时答错，重新从头开始（立即到期）。`, `How review works: a question answered wrong (partly right counts as wrong) enters the book and is due at once; answered right in a review, it is due again after 1 day, then after 3 days; after ${n} right reviews on different days it leaves the book; answered wrong in a review, it starts again (due at once).`],
  lastWrong: ["上次的错误答案", "Your last wrong answer"],
  questionChanged: ["此题已修改（在你作答之后）。", "This question has changed since you answered it."],
  optionGone: (text) => [`${text}（已不是选项）`, `${text} (no longer an option)`],
  lettersOnly: (keys) => [`${keys}（旧记录只存了字母）`, `${keys} (old record: letters only)`],
  oldRecord: ["旧记录只存了字母，题目若改过可能不准。", "Old record, letters only: may be off after an edit."],
  nextReview: ["下次复习", "Next review"],
  dueNow: ["今天（已到期）", "today (due)"],
  bookEmpty: ["错题本是空的。", "The wrong-answer book is empty."],
  scheduler: ["复习方式", "How reviews are scheduled"],
  schedulerClassic: ["固定间隔（默认）", "Fixed intervals (default)"],
  schedulerFsrs: ["FSRS 自适应间隔", "FSRS, adaptive intervals"],
  fsrsHelp: ["复习规则（FSRS，Anki 内置的间隔重复算法）：答错的题目进入错题本，第二天到期；之后根据你对这道题的每次作答估计记忆程度，在预计还有九成把握记得时安排复习：答对间隔变长，答错重新变短。答对未到期的题不算复习。题目不移出错题本，最长间隔 36500 天。参数：FSRS-6 默认权重，目标记忆率 90%，按整天计算，不加随机扰动。",
    "How review works (FSRS, the spaced-repetition algorithm built into Anki): a question answered wrong enters the book and is due the next day; from then on its next review is planned from every answer you gave it, for when you are still 90% likely to remember it: right answers space reviews out, a wrong one brings it back sooner. A right answer before it is due is not a review. Questions stay in the book; the longest interval is 36500 days. Parameters: FSRS-6 default weights, desired retention 90%, whole days, no fuzz."],
  fsrsMissing: ["FSRS 脚本未能加载，本页暂按固定间隔显示。", "The FSRS script did not load: this page shows the fixed intervals for now."],
  switchKeeps: ["两种方式共用同一份作答记录，随时切换都不会丢失数据。", "Both ways use the same record of your answers: switching either way loses nothing."],
});

/** An old answer as text, even when it no longer fits the question (its type was changed, say). */
function givenText(question, given) {
  try {
    return answerText(question, given);
  } catch {
    return JSON.stringify(given);
  }
}

/** The learner's last wrong answer as they gave it, and a plain word when the question changed since. */
function lastWrongView(question, entry) {
  const seen = answeredAs(question, entry);
  const text = seen.texts
    ? seen.texts.map(([key, option]) => (key ? `${key}. ${option}` : t("optionGone", option))).join(t("listSep"))
    : seen.lettersOnly && seen.changed ? t("lettersOnly", [entry.given].flat().join(""))
      : givenText(question, entry.given);
  return [seen.changed ? h("p", { class: "shuniu-changed", text: t("questionChanged") }) : null,
    labelled(t("lastWrong"), text),
    seen.lettersOnly && !seen.changed ? h("p", { class: "shuniu-help", text: t("oldRecord") }) : null];
}

function entryView(question, entry, day, today) {
  const due = day <= today ? t("dueNow") : day;
  return h("li", { class: "shuniu-wrong", "data-id": question.id },
    h("p", { class: "shuniu-q__stem", text: question.stem }),
    ...lastWrongView(question, entry),
    labelled(question.type === "short" ? t("reference") : t("rightAnswer"), answerText(question, question.answer)),
    labelled(t("nextReview"), due));
}

/** The radio buttons choosing the scheduler; `choose(name)` is called on a change. */
function schedulerChoice(current, choose) {
  const option = (value, label) => h("label", { class: "shuniu-opt" },
    h("input", { type: "radio", name: "shuniu-scheduler", value, checked: current === value, onchange: () => choose(value) }),
    h("span", { text: t(label) }));
  return h("fieldset", { class: "shuniu-q shuniu-scheduler" }, h("legend", { text: t("scheduler") }),
    option("classic", "schedulerClassic"), option("fsrs", "schedulerFsrs"), h("p", { class: "shuniu-help", text: t("switchKeeps") }));
}

/** The schedule's rule, the due button and the book by bank, as the chosen scheduler plans them. */
function bookView(catalog, root) {
  const today = localDay();
  const book = root.wrong;
  const dueOf = scheduleOf(root);
  const fsrs = dueOf === fsrsDue;
  const parts = [root.settings.scheduler === "fsrs" && !fsrs ? note(t("fsrsMissing"), "error") : null,
    h("p", { class: "shuniu-help", text: fsrs ? t("fsrsHelp") : t("scheduleHelp", root.settings.toLeave) }),
    h("p", { class: "shuniu-due" }, h("a", { class: "md-button md-button--primary", href: "practice.html?review=due", text: t("reviewDueN", dueIds(book, today, catalog.known(), dueOf).length) }))];
  let shown = 0;
  for (const bank of catalog.banks) {
    const days = new Map(bank.questions.filter((q) => book[q.id]).map((q) => [q, dueOf(book[q.id])]).filter(([, day]) => day !== null));
    const items = [...days].sort(([, x], [, y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([q, day]) => entryView(q, book[q.id], day, today));
    if (!items.length) continue;
    shown += items.length;
    parts.push(h("h2", { text: `${bank.title}${t("countN", items.length)}` }), h("ul", { class: "shuniu-wrong-list" }, items));
  }
  if (!shown) parts.push(note(t("bookEmpty")));
  return parts;
}

/** Start the 错题本 view. */
export function startWrongbook(container, { catalog, store }) {
  const book = h("div", { class: "shuniu-book" });
  const choose = (name) => {
    store.update((root) => { root.settings.scheduler = name; });
    fill(book, ...bookView(catalog, store.root));
  };
  container.append(schedulerChoice(store.root.settings.scheduler === "fsrs" ? "fsrs" : "classic", choose), book);
  fill(book, ...bookView(catalog, store.root));
}
