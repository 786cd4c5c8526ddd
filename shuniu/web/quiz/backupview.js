// The 本地数据 section of the progress page: backup, restore (replace or merge), undo, clear.
// It is drawn before anything else on the page and needs neither the banks nor readable local data,
// so a learner can always get their data out and back in.
import { confirmPanel, download, fill, h, note } from "./dom.js";
import { t } from "./i18n.js";
import { localDay } from "./review.js";
import { BackupError, backup, clearAll, dataOf, loses, parseBackup, replaceAll, snapshot, tally, undo } from "./backup.js";
import { mergeData } from "./merge.js";

/** A refused backup's message: what is wrong and where (the first three places). */
export function refusal(error) {
  const key = error instanceof BackupError ? error.message : "notBackup";
  const places = (error.problems || []).slice(0, 3).map((p) => t("problemAt", p.key, p.path, t(`kind_${p.want}`)));
  return places.length ? `${t(key)}${t("colon")}${places.join(t("listSep"))}` : t(key);
}

function undoPart(storage, done) {
  return snapshot(storage) && h("div", { class: "shuniu-actions" },
    h("button", { type: "button", class: "md-button", text: t("undoRestore"), onclick: () => { undo(storage); done("undone"); } }));
}

/** The section's elements; `done(key)` reloads the page with a status note. */
export function dataSection(storage) {
  const message = h("div");
  const file = h("input", { type: "file", accept: ".json,application/json" });
  // Reload so that every part of the page (and the in-memory data) shows what is stored now.
  const done = (key) => { location.hash = key; location.reload(); };
  const apply = (data, key) => {
    try {
      replaceAll(storage, data);
      done(key);
    } catch {
      fill(message, note(t("storageFull"), "error"));
    }
  };
  const chosen = async (then) => {
    if (!file.files.length) return fill(message, note(t("chooseFile"), "error"));
    try {
      then(parseBackup(await file.files[0].text()));
    } catch (error) {
      fill(message, note(refusal(error), "error"));
    }
  };
  const replace = (data) => {
    const now = tally(dataOf(storage)), next = tally(data);
    if (!loses(now, next)) return apply(data, "restored");
    const total = (counts) => counts.reduce((a, b) => a + b);
    fill(message, confirmPanel(t("replaceConfirm", total(next), total(now)), t("replaceNow"), t("cancel"), () => apply(data, "restored")));
  };
  const clear = () => fill(message, confirmPanel(t("clearConfirm"), t("clearNow"), t("cancel"), () => { clearAll(storage); done("cleared"); }));
  return [h("h2", { text: t("yourData") }), h("p", { class: "shuniu-help", text: t("dataHelp") }),
    h("div", { class: "shuniu-actions" },
      h("button", { type: "button", class: "md-button md-button--primary", text: t("backup"),
        onclick: () => download(`shuniu-backup-${localDay()}.json`, JSON.stringify(backup(storage))) })),
    h("div", { class: "shuniu-actions" }, h("label", { class: "shuniu-field" }, t("backupFile"), file),
      h("button", { type: "button", class: "md-button", text: t("restore"), onclick: () => chosen(replace) }),
      h("button", { type: "button", class: "md-button", text: t("merge"), onclick: () => chosen((data) => apply(mergeData(dataOf(storage), data), "merged")) })),
    undoPart(storage, done),
    h("div", { class: "shuniu-actions" }, h("button", { type: "button", class: "md-button shuniu-danger", text: t("clear"), onclick: clear })),
    message].filter(Boolean);
}
