/* Glossary terms on content pages (the <abbr title> the build adds) open their definition on a tap,
   a click, a hover, keyboard focus, Enter or Space; Escape, a tap elsewhere or leaving closes it.
   Touch screens have no hover and <abbr title> is not focusable, so without this the definitions
   are out of reach there. The definition box links to the term on the glossary page.
   A classic script (not a module) so it also runs on pages opened from disk. */
(() => {
  "use strict";

  const en = document.documentElement.lang.startsWith("en");
  const LINK_TEXT = en ? "In the glossary" : "查看术语表";
  let open = null; // { term, box }
  let refocusing = false; // Escape gives focus back to the term without opening it again
  let closing = 0; // a mouse that left: the box closes shortly, unless it comes back to the term or box

  /** Where the glossary page is: Material's config gives the way to the site root. */
  function glossaryPage() {
    let base = ".";
    try {
      base = JSON.parse(document.getElementById("__config").textContent).base || ".";
    } catch {
      // no config: the page is at the site root
    }
    return `${base}/${en ? "en/" : ""}glossary.html`;
  }

  /** The glossary page's anchor for a name: the slug its heading gets (pymdownx slugify, lower case). */
  function anchor(name) {
    return name.normalize("NFC").trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, "").replace(/ /g, "-");
  }

  function place(term, box) {
    const rect = term.getBoundingClientRect();
    const width = box.offsetWidth;
    box.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))}px`;
    const below = rect.bottom + 6;
    box.style.top = `${below + box.offsetHeight > window.innerHeight && rect.top > box.offsetHeight + 6 ? rect.top - box.offsetHeight - 6 : below}px`;
  }

  function show(term) {
    clearTimeout(closing);
    if (open && open.term === term) return;
    hide();
    const box = document.createElement("span");
    box.className = "shuniu-term-tip";
    box.id = "shuniu-term-tip";
    box.setAttribute("role", "tooltip");
    const text = document.createElement("span");
    text.textContent = term.dataset.definition;
    const link = document.createElement("a");
    link.href = `${glossaryPage()}#${encodeURIComponent(anchor(term.textContent))}`;
    link.textContent = LINK_TEXT;
    box.append(text, " ", link);
    box.addEventListener("pointerleave", (event) => leave(term, event));
    box.addEventListener("pointerenter", () => clearTimeout(closing));
    term.after(box); // next in the tab order: Tab from the term reaches the link
    term.setAttribute("aria-expanded", "true");
    term.setAttribute("aria-describedby", box.id);
    place(term, box);
    open = { term, box };
  }

  function hide() {
    if (!open) return;
    open.term.setAttribute("aria-expanded", "false");
    open.term.removeAttribute("aria-describedby");
    open.box.remove();
    open = null;
  }

  function within(node) {
    return open && (open.term.contains(node) || open.box.contains(node));
  }

  /** A mouse leaving the term or its box closes it, unless it went from one to the other or the term has focus. */
  function leave(term, event) {
    if (event.pointerType !== "mouse" || document.activeElement === term || within(event.relatedTarget)) return;
    clearTimeout(closing);
    closing = setTimeout(hide, 300); // time to cross the gap between the term and its box
  }

  function enhance(term) {
    term.dataset.definition = term.title;
    term.removeAttribute("title"); // the box replaces the browser's own hover tip (which would show twice)
    term.tabIndex = 0;
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.classList.add("shuniu-term");
    term.addEventListener("focus", () => { if (!refocusing) show(term); });
    term.addEventListener("click", () => show(term));
    term.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault(); // Space would scroll the page
        if (open && open.term === term) hide();
        else show(term);
      }
    });
    term.addEventListener("pointerenter", (event) => { if (event.pointerType === "mouse") show(term); });
    term.addEventListener("pointerleave", (event) => leave(term, event));
  }

  document.querySelectorAll("article abbr[title]").forEach(enhance);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && open) {
      const { term } = open;
      const inside = within(document.activeElement);
      hide();
      if (inside) {
        refocusing = true;
        term.focus({ preventScroll: true });
        refocusing = false;
      }
    }
  });
  document.addEventListener("pointerdown", (event) => { if (open && !within(event.target)) hide(); });
  document.addEventListener("focusin", (event) => { if (open && !within(event.target)) hide(); });
  window.addEventListener("scroll", () => open && place(open.term, open.box), { passive: true });
  window.addEventListener("resize", () => open && place(open.term, open.box));
})();
