// Tiny DOM helpers. Content only ever becomes text nodes or textContent, never HTML.

/** Create an element: props set attributes, properties (`checked`, `disabled`...), listeners (`onclick`)
 *  and `text`; children are nodes or strings (strings become text nodes). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "value" || (typeof value !== "string" && key in el)) el[key] = value;
    else el.setAttribute(key, value === true ? "" : value);
  }
  el.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return el;
}

/** Replace the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return el;
}

/** Offer `text` as a file download (works over http and file:// without any server). */
export function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A status line screen readers announce (role=status) or, for errors, an alert. */
export function note(text, kind = "info") {
  return h("p", { class: `shuniu-note shuniu-note--${kind}`, role: kind === "error" ? "alert" : "status", text });
}

/** An inline "are you sure?" panel with two buttons; focus goes to the safe choice. */
export function confirmPanel(message, yesLabel, noLabel, onYes, onNo) {
  const no = h("button", { type: "button", class: "md-button", text: noLabel, onclick: () => { panel.remove(); onNo?.(); } });
  const yes = h("button", { type: "button", class: "md-button md-button--primary", text: yesLabel, onclick: () => { panel.remove(); onYes(); } });
  const panel = h("div", { class: "shuniu-confirm", role: "alertdialog", "aria-label": message }, h("p", { text: message }), yes, " ", no);
  queueMicrotask(() => no.focus());
  return panel;
}
