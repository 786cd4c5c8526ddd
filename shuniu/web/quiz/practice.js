// Practice: one question at a time from the chosen banks (?bank=a,b&tag=t) or the due review queue
// (?review=due), with immediate feedback. Short answers are graded by the learner (会了 / 没会).
import { fill, h, note } from "./dom.js";
import { t } from "./i18n.js";
import { isAnswered, score } from "./scoring.js";
import { scheduleOf } from "./fsrs.js";
import { dueIds, localDay, recordAnswer } from "./review.js";
import { feedbackView, labelled, markOptions, questionView } from "./render.js";
import { listParam } from "./data.js";
import { carryToTranslations } from "./app.js";

/** Record one practice answer: the per-question stats and the 错题本 schedule. */
function record(store, question, given, result) {
  const today = localDay();
  store.update((root) => {
    const stat = (root.practice[question.id] ||= { n: 0, r: 0 });
    stat.n += 1;
    stat.r += result.correct ? 1 : 0;
    stat.last = today;
    recordAnswer(root.wrong, question, result.correct, given, today, root.settings.toLeave);
  });
}

/** Submit with Enter from a radio button or checkbox too (text fields already do). */
function enterSubmits(form) {
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && ["radio", "checkbox"].includes(event.target.type)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

function dueQuestions(catalog, store) {
  return dueIds(store.root.wrong, localDay(), catalog.known(), scheduleOf(store.root)).map((id) => catalog.questions.get(id).question);
}

/** Start the practice view. */
export function startPractice(container, { catalog, store, params }) {
  const review = params.get("review") === "due";
  if (!review && !params.get("bank")) return chooser(container, catalog, store);
  const queue = review ? dueQuestions(catalog, store) : catalog.select(listParam(params, "bank"), listParam(params, "tag"));
  if (!queue.length) {
    container.append(note(review ? t("nothingDue") : t("noQuestions")), h("p", {}, h("a", { href: review ? "wrongbook.html" : "practice.html", text: review ? t("wrongbook") : t("chooseBanks") })));
    return;
  }
  const session = h("div", { class: "shuniu-session" });
  const titles = review ? t("reviewTitle") : listParam(params, "bank").map((id) => catalog.bank(id)?.title).filter(Boolean).join(t("listSep"));
  container.append(h("h2", { text: titles }), session);
  const restart = () => { history.replaceState(null, "", location.search); fill(container); startPractice(container, { catalog, store, params }); };
  const saved = Number.isInteger(history.state?.at) ? history.state : { at: (/q=(\d+)/.exec(location.hash)?.[1] || 1) - 1 };
  step(session, { catalog, store, queue, restart, right: 0, ...saved, at: Math.min(Math.max(0, saved.at), queue.length) });
}

// The session's place lives with the address: the question number in the hash (#q=7); the score and
// the answer shown in the history entry. So Back after a source link, a reload and the language menu
// (given ?bank= and #q=) return to the same question; replaceState works from disk too.
function remember(state, answer) {
  history.replaceState({ at: state.at, right: state.right, answer }, "", `${location.search}#q=${state.at + 1}`);
  carryToTranslations();
}

function chooser(container, catalog, store) {
  const boxes = catalog.banks.map((bank) => h("label", { class: "shuniu-opt" },
    h("input", { type: "checkbox", value: bank.id, checked: catalog.banks.length === 1 }),
    h("span", { text: `${bank.title}${t("countN", bank.questions.length)}` })));
  const error = h("div");
  const form = h("form", { onsubmit: (event) => {
    event.preventDefault();
    const ids = boxes.map((box) => box.firstChild).filter((input) => input.checked).map((input) => input.value);
    if (ids.length) location.search = `?bank=${ids.map(encodeURIComponent).join(",")}`;
    else fill(error, note(t("pickBank"), "error"));
  } }, h("fieldset", { class: "shuniu-q" }, h("legend", { text: t("chooseBanks") }), boxes), error,
  h("button", { type: "submit", class: "md-button md-button--primary", text: t("startPractice") }));
  const due = dueIds(store.root.wrong, localDay(), catalog.known(), scheduleOf(store.root)).length;
  container.append(form, h("p", {}, h("a", { class: "md-button", href: "practice.html?review=due", text: t("reviewDueN", due) })));
}

function step(session, state) {
  const { queue, at } = state;
  const answer = state.answer?.id === queue[at]?.id ? state.answer : null; // a due list may have changed since
  remember(state, answer);
  if (at >= queue.length) return summary(session, state);
  const question = queue[at];
  const view = questionView(question, { given: answer?.given ?? null });
  const after = h("div", { class: "shuniu-after" });
  const submit = h("button", { type: "submit", class: "md-button md-button--primary", text: question.type === "short" ? t("showReference") : t("submit") });
  const form = h("form", { class: "shuniu-practice-form" }, view.el, h("div", { class: "shuniu-actions" }, submit), after);
  enterSubmits(form);
  const show = (given, result) => {
    markOptions(view, question, given);
    const next = h("button", { type: "button", class: "md-button md-button--primary", text: at + 1 < queue.length ? t("next") : t("finish"),
      onclick: () => step(session, { ...state, at: at + 1, answer: null }) });
    fill(after, feedbackView(question, given, result, { showGiven: question.type !== "short" }), h("div", { class: "shuniu-actions" }, next));
    return next;
  };
  const finish = (given, result, knew) => {
    record(state.store, question, given, result);
    state.right += result.correct ? 1 : 0;
    remember(state, { id: question.id, given, knew });
    show(given, result).focus();
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const given = view.read();
    if (question.type !== "short" && !isAnswered(question, given)) return fill(after, note(t("answerFirst"), "error"));
    view.lock();
    submit.remove();
    if (question.type !== "short") return finish(given, score(question, given));
    selfGrade(after, question, (knew) => finish(given.trim() || null, score(question, knew), knew));
  });
  fill(session, h("p", { class: "shuniu-counter", text: t("questionOf", at + 1, queue.length) }), form);
  if (answer) { // back on a question already answered: show it as it was left, without recording it again
    view.lock();
    submit.remove();
    show(answer.given, score(question, question.type === "short" ? !!answer.knew : answer.given));
  } else if (at) form.querySelector("input, textarea").focus(); // keyboard users go on where they pressed "next"
}

function selfGrade(after, question, grade) {
  const knew = h("button", { type: "button", class: "md-button md-button--primary", text: t("selfKnew"), onclick: () => grade(true) });
  fill(after, h("div", { class: "shuniu-feedback" },
    labelled(t("reference"), question.answer),
    h("p", { text: t("selfGradeHelp") })),
  h("div", { class: "shuniu-actions" }, knew, " ", h("button", { type: "button", class: "md-button", text: t("selfNot"), onclick: () => grade(false) })));
  knew.focus();
}

function summary(session, state) {
  const again = h("button", { type: "button", class: "md-button md-button--primary", text: t("again"), onclick: state.restart });
  fill(session, note(t("doneN", state.right, state.queue.length)),
    h("p", { class: "shuniu-actions" }, again, " ", h("a", { class: "md-button", href: "wrongbook.html", text: t("wrongbook") })));
  again.focus();
}
