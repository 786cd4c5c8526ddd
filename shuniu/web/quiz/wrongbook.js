// 错题本: the questions answered wrong, grouped by bank, with the schedule of their next review.
import { h, note } from "./dom.js";
import { t } from "./i18n.js";
import { dueIds, localDay } from "./review.js";
import { answerText, labelled } from "./render.js";
import { answeredAs } from "./asked.js";

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

function entryView(question, entry, today) {
  const due = entry.due <= today ? t("dueNow") : entry.due;
  return h("li", { class: "shuniu-wrong", "data-id": question.id },
    h("p", { class: "shuniu-q__stem", text: question.stem }),
    ...lastWrongView(question, entry),
    labelled(question.type === "short" ? t("reference") : t("rightAnswer"), answerText(question, question.answer)),
    labelled(t("nextReview"), due));
}

/** Start the 错题本 view. */
export function startWrongbook(container, { catalog, store }) {
  const today = localDay();
  const book = store.root.wrong;
  const due = dueIds(book, today, catalog.known()).length;
  container.append(
    h("p", { class: "shuniu-help", text: t("scheduleHelp", store.root.settings.toLeave) }),
    h("p", { class: "shuniu-due" }, h("a", { class: "md-button md-button--primary", href: "practice.html?review=due", text: t("reviewDueN", due) })));
  let shown = 0;
  for (const bank of catalog.banks) {
    const items = bank.questions.filter((q) => book[q.id] && !book[q.id].left)
      .sort((a, b) => (book[a.id].due < book[b.id].due ? -1 : book[a.id].due > book[b.id].due ? 1 : 0))
      .map((q) => entryView(q, book[q.id], today));
    if (!items.length) continue;
    shown += items.length;
    container.append(h("h2", { text: `${bank.title}${t("countN", items.length)}` }), h("ul", { class: "shuniu-wrong-list" }, items));
  }
  if (!shown) container.append(note(t("bookEmpty")));
}
