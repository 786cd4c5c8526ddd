// Starting a quiz view: local data, the published banks, then the view itself.
import { fill, note } from "./dom.js";
import { t } from "./i18n.js";
import { Catalog, loadCatalog } from "./data.js";
import { Store } from "./storage.js";

/** Web Storage kept in memory, for browsers that refuse localStorage (nothing is kept after the page). */
class MemoryStorage {
  constructor() { this.map = new Map(); }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(key) { return this.map.has(key) ? this.map.get(key) : null; }
  setItem(key, value) { this.map.set(key, String(value)); }
  removeItem(key) { this.map.delete(key); }
}

function localStorageOrMemory() {
  try {
    const storage = globalThis.localStorage;
    storage.setItem("shuniu.probe", "1");
    storage.removeItem("shuniu.probe");
    return storage;
  } catch {
    return new MemoryStorage();
  }
}

/** Load everything the view needs and start it (`start(container, ctx)`); failures become a message in the container. */
export async function run(container, start) {
  container.classList.add("shuniu-quiz");
  container.setAttribute("aria-busy", "true"); // until the view is drawn (tests wait for this too)
  fill(container, note(t("loading")));
  const storage = localStorageOrMemory();
  const store = new Store(storage);
  let catalog;
  try {
    catalog = await loadCatalog(container);
    fill(container);
  } catch {
    fill(container, note(location.protocol === "file:" ? t("loadFailedFile") : t("loadFailed"), "error"));
    // The progress page holds backup and restore: those must work even without the banks.
    if (container.id !== "shuniu-progress") return container.removeAttribute("aria-busy");
    catalog = new Catalog({ banks: [] }, []);
  }
  if (store.readOnly) container.append(note(t("readOnly"), "error"));
  if (storage instanceof MemoryStorage) container.append(note(t("noStorage"), "error"));
  try {
    start(container, { catalog, store, storage, params: new URLSearchParams(location.search) });
  } catch {
    container.append(note(t("partFailed"), "error"));
  }
  carryToTranslations(); // the other language's page opens on the same banks (and question)
  container.removeAttribute("aria-busy");
}

/** Point the language menu at this same view in the other language: same query, same hash. */
export function carryToTranslations() {
  for (const link of document.querySelectorAll("a.md-select__link")) link.href = link.href.split(/[?#]/)[0] + location.search + location.hash;
}
