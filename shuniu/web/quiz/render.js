// One question on screen: the answer inputs (real radios, checkboxes, text fields in a fieldset), the
// learner's answer read back, and the feedback (verdict, right answer, explanation, source link).
import { h } from "./dom.js";
import { lang, t } from "./i18n.js";
import { blankCount } from "./scoring.js";
import { siteHref } from "./data.js";

let counter = 0;

function choices(question) {
  if (question.type === "truefalse") return [["true", t("true")], ["false", t("false")]];
  return question.options;
}

function choiceInputs(question, name, given) {
  const kind = question.type === "multiple" ? "checkbox" : "radio";
  const chosen = [given].flat().map(String);
  return h("div", { class: "shuniu-q__options" }, choices(question).map(([key, text]) =>
    h("label", { class: "shuniu-opt", "data-key": key },
      h("input", { type: kind, name, value: key, checked: chosen.includes(key) }),
      question.type === "truefalse" ? null : h("span", { class: "shuniu-opt__key", text: key }),
      h("span", { class: "shuniu-opt__text", text }))));
}

function textInputs(question, given) {
  if (question.type === "short") {
    return h("label", { class: "shuniu-field" }, t("yourAnswer"), h("textarea", { rows: 4, value: given || "" }));
  }
  const blanks = blankCount(question);
  return h("div", { class: "shuniu-q__blanks" }, Array.from({ length: blanks }, (_, i) =>
    h("label", { class: "shuniu-field" }, blanks > 1 ? t("blankN", i + 1) : t("yourAnswer"),
      h("input", { type: "text", autocomplete: "off", value: (given || [])[i] || "" }))));
}

/** The question as a fieldset; `read()` returns the answer in the result-file shape. */
export function questionView(question, { number, given = null } = {}) {
  const name = `shuniu-q${++counter}`;
  const head = h("legend", { class: "shuniu-q__head" },
    number ? h("span", { class: "shuniu-q__no", text: `${number}.` }) : null,
    h("span", { class: "shuniu-q__type", text: t(`type_${question.type}`) }),
    h("span", { class: "shuniu-q__stem", text: question.stem }));
  const body = question.options || question.type === "truefalse" ? choiceInputs(question, name, given) : textInputs(question, given);
  const el = h("fieldset", { class: "shuniu-q", "data-id": question.id }, head, body);
  const read = () => {
    if (question.type === "fill") return [...el.querySelectorAll("input")].map((input) => input.value);
    if (question.type === "short") return el.querySelector("textarea").value;
    const checked = [...el.querySelectorAll("input:checked")].map((input) => input.value);
    if (question.type === "multiple") return checked.sort();
    if (question.type === "truefalse") return checked.length ? checked[0] === "true" : null;
    return checked[0] ?? null;
  };
  const lock = () => el.querySelectorAll("input, textarea").forEach((input) => { input.disabled = true; });
  return { el, read, lock };
}

/** Mark the options: the right ones, and the chosen wrong ones (with a sign, not only a colour). */
export function markOptions(view, question, given) {
  const right = [question.answer].flat().map(String);
  const chosen = [given].flat().map(String);
  view.el.querySelectorAll(".shuniu-opt").forEach((label) => {
    const key = label.dataset.key;
    const mark = right.includes(key) ? "right" : chosen.includes(key) ? "wrong" : null;
    if (mark) label.append(h("span", { class: `shuniu-mark shuniu-mark--${mark}`, text: mark === "right" ? t("markRight") : t("markWrong") }));
    if (mark) label.classList.add(`is-${mark}`);
  });
}

/** An answer as text: letters with option text, 正确/错误, blanks, or the reference answer. */
export function answerText(question, value) {
  if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return t("noAnswer");
  if (question.type === "truefalse") return value ? t("true") : t("false");
  if (question.type === "single" || question.type === "multiple") {
    const options = new Map(question.options);
    return [value].flat().map((key) => `${key}. ${options.get(key) ?? ""}`).join(t("listSep"));
  }
  if (question.type === "fill") {
    const blanks = value.map((blank) => (Array.isArray(blank) ? blank.join(" / ") : blank || t("noAnswer")));
    return blanks.length > 1 ? blanks.map((text, i) => `${t("blankN", i + 1)}${t("colon")}${text}`).join(t("listSep")) : blanks[0];
  }
  return String(value);
}

/** A link to the paragraph that teaches the question (the English page on English pages, when there is one). */
export function sourceLink(question) {
  const target = lang === "en" && question.source_en ? question.source_en : question.source;
  if (!target) return null;
  return h("p", { class: "shuniu-source" }, `${t("source")}${t("colon")}`,
    h("a", { href: siteHref(target), text: question.source_title || target }));
}

/** A "label：text" line (label in bold). */
export function labelled(label, text, className) {
  return h("p", { class: className }, h("strong", { text: `${label}${t("colon")}` }), h("span", { text }));
}

/** Verdict, the learner's answer, the right answer, the explanation and the source link. */
export function feedbackView(question, given, result, { showGiven = true } = {}) {
  const partial = !result.correct && result.points > 0;
  const verdict = question.type === "short" ? t(result.correct ? "markedKnew" : "markedNot")
    : result.correct ? t("right") : partial ? t("partial", result.points) : t("wrong");
  const kind = result.correct ? "right" : partial ? "partial" : "wrong";
  return h("div", { class: `shuniu-feedback shuniu-feedback--${kind}`, role: "status" },
    h("p", { class: "shuniu-verdict", text: verdict }),
    showGiven ? labelled(t("yourAnswer"), answerText(question, given)) : null,
    labelled(question.type === "short" ? t("reference") : t("rightAnswer"), answerText(question, question.answer), "shuniu-right-answer"),
    question.explanation ? labelled(t("explanation"), question.explanation, "shuniu-explanation") : null,
    sourceLink(question));
}
