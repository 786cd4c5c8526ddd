// Where a practice session stands, kept with the page's address: the question number in the hash
// (#q=7) and, in the history entry, the queue, the score so far and the answer given. So Back after
// a question's source link, a reload, and the language menu (which gets ?bank= and #q=) come back
// to the same question. history.replaceState works on pages opened from disk too.
const KEY = "shuniuPractice";

/** The saved place of this address ({ queue, at, right, answer }), or null. */
export function savedPlace() {
  const place = history.state?.[KEY];
  return place && place.search === location.search && Array.isArray(place.queue) ? place : null;
}

/** The question the address points at (#q=7 -> 6), 0 when it names none. */
export function hashIndex() {
  const match = /^#(?:.*&)?q=(\d+)/.exec(location.hash);
  return match ? Math.max(0, Number(match[1]) - 1) : 0;
}

/** Remember `place` (queue as question ids, at, right, answer { given, knew } or null) in the address and history. */
export function keepPlace(place) {
  history.replaceState({ ...history.state, [KEY]: { ...place, search: location.search } }, "", `${location.search}#q=${place.at + 1}`);
  carryToTranslations();
}

/** Point the language menu's links at this same view in the other language: same query, same hash. */
export function carryToTranslations() {
  for (const link of document.querySelectorAll("a.md-select__link[hreflang]")) {
    const page = link.getAttribute("href").split(/[?#]/)[0];
    link.setAttribute("href", `${page}${location.search}${location.hash}`);
  }
}
