// The learner's name and group (asked once, kept locally) and the result-file download.
import { download, fill, h, note } from "./dom.js";
import { t } from "./i18n.js";
import { resultFile, resultFileName } from "./result.js";

/** Name and group inputs prefilled from local data; `save()` stores them and returns them. */
export function learnerFields(store) {
  const name = h("input", { type: "text", autocomplete: "name", value: store.root.learner.name });
  const group = h("input", { type: "text", value: store.root.learner.group });
  const el = h("div", { class: "shuniu-grid" },
    h("label", { class: "shuniu-field" }, t("name"), name), h("label", { class: "shuniu-field" }, t("group"), group));
  const save = () => {
    const learner = { name: name.value.trim(), group: group.value.trim() };
    store.update((root) => { root.learner = learner; });
    return learner;
  };
  return { el, name, save };
}

/** The "下载成绩文件" section: asks for the name when it is missing, then downloads the file. */
export function resultDownload(store, record) {
  const fields = learnerFields(store);
  const message = h("div");
  const button = h("button", { type: "button", class: "md-button md-button--primary", text: t("downloadResult"), onclick: () => {
    if (!fields.name.value.trim()) {
      fill(message, note(t("nameFirst"), "error"));
      return fields.name.focus();
    }
    const learner = fields.save();
    download(resultFileName(record, learner), `${JSON.stringify(resultFile(record, learner), null, 2)}\n`);
    fill(message, note(t("downloaded")));
  } });
  return h("div", { class: "shuniu-download" }, h("p", { text: t("resultHelp") }), fields.el, message, h("div", { class: "shuniu-actions" }, button));
}
