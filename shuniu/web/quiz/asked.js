// What the 错题本 keeps of a question as it was answered: a hash of the question and the text of the
// chosen options. Banks get edited (options reordered, the key changed); with these the book shows the
// learner's real answer, or says that the question has changed, instead of pinning an old letter on a
// new option.
import { canonicalJSON, sha256Hex } from "./checksum.js";
import { score } from "./scoring.js";

/** A short hash of everything that gives an answer its meaning: type, stem, options, key. An English
 * question carries its Chinese original's (`qhash`): the same question, whichever language it was answered in. */
export function questionHash(question) {
  return question.qhash || sha256Hex(canonicalJSON([question.type, question.stem, question.options ?? null, question.answer ?? null])).slice(0, 16);
}

/** The `asked` record of an answer: {hash, chosen: [option texts]} (chosen for choice questions only). */
export function askedOf(question, given) {
  const asked = { hash: questionHash(question) };
  if (question.options) {
    const texts = new Map(question.options);
    asked.chosen = [given].flat().filter((key) => key !== null && key !== undefined).map((key) => texts.get(String(key)) ?? "");
  }
  return asked;
}

/**
 * How to show a 错题本 entry's answer against the question as it is now:
 * {given, texts, changed, lettersOnly}. `texts` (choice questions answered since version 2) replace
 * the letters: each chosen text with its letter now, or alone when it is no longer an option.
 */
export function answeredAs(question, entry) {
  const asked = entry.asked;
  if (asked) {
    const changed = asked.hash !== questionHash(question);
    if (!changed || !question.options || !asked.chosen) return { given: entry.given, changed };
    const keys = new Map(question.options.map(([key, text]) => [text, key]));
    return { given: entry.given, changed, texts: asked.chosen.map((text) => [keys.get(text) ?? null, text]) };
  }
  // Recorded before version 2: only the letters are known. An answer that is right now was wrong then,
  // so the question has certainly changed; otherwise the letters may or may not mean what they did.
  let rightNow = false;
  try {
    rightNow = score(question, entry.given).correct;
  } catch {
    rightNow = false;
  }
  return { given: entry.given, changed: rightNow, lettersOnly: Boolean(question.options) };
}
