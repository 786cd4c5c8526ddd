// The published quiz data (index.json and one JSON file per bank), read from the site itself.
// Over http it is fetched. Browsers refuse fetch() on pages opened from disk (file://) but still
// run classic scripts, so the build also publishes each file as a script that registers the same
// data (shuniu/quiz/publish.py): `x.json` -> `x.js`, which sets globalThis.__shuniuQuiz["<path of x.json>"].

/** Material's relative path from this page to the site root ("." when the config is missing). */
export function siteBase() {
  try {
    return JSON.parse(document.getElementById("__config").textContent).base || ".";
  } catch {
    return ".";
  }
}

/** A site-root-relative URL from the data, made relative to the current page. */
export function siteHref(path) {
  return `${siteBase()}/${path}`;
}

/** A comma-separated query parameter as a list (`?bank=a,b`). */
export function listParam(params, name) {
  return (params.get(name) || "").split(",").map((item) => item.trim()).filter(Boolean);
}

/** The data of `path` (a published .json file) loaded through its script twin, for file:// pages. */
function loadScript(path) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.addEventListener("load", () => {
      script.remove();
      const data = globalThis.__shuniuQuiz?.[path];
      if (data) resolve(data);
      else reject(new Error(`no data in ${script.src}`));
    });
    script.addEventListener("error", () => {
      script.remove();
      reject(new Error(`cannot load ${script.src}`));
    });
    script.src = siteHref(path.replace(/\.json$/, ".js"));
    document.head.append(script);
  });
}

async function getJSON(path) {
  if (location.protocol === "file:") return loadScript(path);
  const response = await fetch(siteHref(path));
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
}

/** Every bank with its questions, and a lookup from question id to question and bank. */
export class Catalog {
  constructor(index, banks) {
    this.banks = index.banks.map((entry, i) => ({ ...entry, ...banks[i] }));
    this.questions = new Map();
    for (const bank of this.banks) for (const question of bank.questions) this.questions.set(question.id, { question, bank });
  }

  bank(id) {
    return this.banks.find((bank) => bank.id === id);
  }

  /** Questions of the banks `ids` (in that order) having any of `tags` (all when none), of `types` (all when none). */
  select(ids, tags = [], types = null) {
    return ids.flatMap((id) => this.bank(id)?.questions || [])
      .filter((q) => (!tags.length || tags.some((tag) => q.tags?.includes(tag))) && (!types || types.includes(q.type)));
  }

  /** Ids of questions that exist now: stored data about others stays, but views skip it. */
  known() {
    return new Set(this.questions.keys());
  }
}

/** Load the index named by the container's data-index and every bank it lists. */
export async function loadCatalog(container) {
  const index = await getJSON(container.dataset.index || "assets/shuniu/quiz/index.json");
  const banks = await Promise.all(index.banks.map((entry) => getJSON(entry.url)));
  return new Catalog(index, banks);
}
