/* Shuniu checklist runner: enhances a generated checklist page (a plain list of checkboxes
   that already works and prints without JavaScript) with saved ticks, several named runs
   side by side, progress, reset, export to CSV and a print button.

   Storage: localStorage "shuniu.checklist.v1" =
     { version: 1, procedures: { <procedure id>: { current: <run id>,
       runs: [{ id, name, created, ticks: { <item id>: <ISO time ticked> } }] } } }
   Items are keyed by their stable ids (built from the item, not its position), so editing a
   procedure never moves a tick to another item; ticks of removed items are kept but not
   shown or counted. Data that cannot be read is copied aside, never dropped.
   A classic script (not a module) so it also runs on pages opened from disk. */
(() => {
  "use strict";

  const KEY = "shuniu.checklist.v1";
  const VERSION = 1;

  const STRINGS = {
    zh: {
      runs: "办理记录",
      runName: (n) => `第 ${n} 次`,
      add: "＋ 新建",
      name: "名称",
      reset: "重置",
      remove: "删除",
      exportCsv: "导出 CSV",
      print: "打印",
      done: (d, t) => `已完成 ${d}/${t}`,
      confirmReset: (n) => `清空“${n}”的全部勾选？`,
      confirmRemove: (n) => `删除“${n}”及其勾选记录？`,
      unsaved: "本浏览器不允许保存到本机：关闭页面后勾选会丢失。请导出保存。",
      csv: ["流程", "记录", "导出时间", "进度", "步骤", "检查项", "完成", "勾选时间", "编号", "是", "否"],
    },
    en: {
      runs: "Runs",
      runName: (n) => `Run ${n}`,
      add: "+ New run",
      name: "Name",
      reset: "Reset",
      remove: "Delete",
      exportCsv: "Export CSV",
      print: "Print",
      done: (d, t) => `${d}/${t} done`,
      confirmReset: (n) => `Clear every tick of "${n}"?`,
      confirmRemove: (n) => `Delete "${n}" and its ticks?`,
      unsaved: "This browser does not allow saving here: ticks are lost when the page closes. Export them to keep them.",
      csv: ["Procedure", "Run", "Exported", "Progress", "Step", "Item", "Done", "Ticked at", "Id", "yes", "no"],
    },
  };

  /* ---- storage: read fresh before every change, so two open tabs do not undo each other ---- */
  let persistent = true;
  let memory = null;

  const emptyData = () => ({ version: VERSION, procedures: {} });

  function readData() {
    if (!persistent) return memory || emptyData();
    let raw;
    try {
      raw = localStorage.getItem(KEY);
    } catch {
      persistent = false;
      return memory || emptyData();
    }
    if (raw === null) return emptyData();
    try {
      const data = JSON.parse(raw);
      if (data && data.version === VERSION && data.procedures && typeof data.procedures === "object") return data;
    } catch {
      /* unreadable: kept aside below */
    }
    try {
      localStorage.setItem(`${KEY}.unreadable.${Date.now()}`, raw);
    } catch {
      /* nothing more we can do without losing it; leave it in place */
      persistent = false;
    }
    return emptyData();
  }

  function writeData(data) {
    memory = data;
    if (!persistent) return;
    try {
      localStorage.setItem(KEY, JSON.stringify(data));
    } catch {
      persistent = false;
    }
  }

  /* ---- runs of one procedure ---- */
  function procedureOf(data, id) {
    const entry = data.procedures[id] || (data.procedures[id] = { current: null, runs: [] });
    if (!Array.isArray(entry.runs)) entry.runs = [];
    entry.runs.forEach((run) => { if (!run.ticks || typeof run.ticks !== "object") run.ticks = {}; });
    return entry;
  }

  function addRun(entry, text) {
    const taken = new Set(entry.runs.map((run) => run.name));
    let n = entry.runs.length + 1;
    while (taken.has(text.runName(n))) n += 1;
    const id = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const run = { id, name: text.runName(n), created: new Date().toISOString(), ticks: {} };
    entry.runs.push(run);
    entry.current = id;
    return run;
  }

  /* The procedure's entry and its current run, made (and saved) when there is none yet. */
  function load(procedure, text) {
    const data = readData();
    const entry = procedureOf(data, procedure);
    let run = entry.runs.find((item) => item.id === entry.current);
    if (!run) {
      run = entry.runs[0] || addRun(entry, text);
      entry.current = run.id;
      writeData(data);
    }
    return { data, entry, run };
  }

  /* ---- the page ---- */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (/^(aria-|role$)/.test(key)) node.setAttribute(key, value);
      else node[key] = value;
    });
    node.append(...children);
    return node;
  }

  function setup(root) {
    const text = STRINGS[(document.documentElement.lang || "zh").startsWith("en") ? "en" : "zh"];
    const procedure = root.dataset.procedure;
    const boxes = [...root.querySelectorAll("input[data-item]")];
    const ids = boxes.map((box) => box.dataset.item);
    const count = (run) => ids.filter((id) => run.ticks[id]).length;

    const runList = el("div", { className: "shuniu-cl-runlist" });
    const nameInput = el("input", { type: "text", className: "shuniu-cl-name" });
    const fill = el("span", { className: "shuniu-cl-bar__fill" });
    const bar = el("span", { className: "shuniu-cl-bar", "aria-hidden": "true" }, fill);
    const status = el("span", { className: "shuniu-cl-status", role: "status" });
    const warning = el("p", { className: "shuniu-cl-warning", hidden: true, textContent: text.unsaved });
    const button = (label, action) => el("button", { type: "button", textContent: label, onclick: action });
    const toolbar = el(
      "div", { className: "shuniu-cl-toolbar" },
      el("label", {}, text.name, nameInput),
      button(text.reset, () => resetRun()),
      button(text.remove, () => removeRun()),
      button(text.exportCsv, () => exportRun()),
      button(text.print, () => window.print()),
      bar, status,
    );
    const panel = el("div", { className: "shuniu-cl-runs", role: "region", "aria-label": text.runs }, runList, toolbar, warning);
    root.prepend(panel);
    const nojs = root.querySelector(".shuniu-cl-nojs");
    if (nojs) nojs.hidden = true;

    const counts = [...root.querySelectorAll(".shuniu-cl-step")].map((section) => {
      const span = el("span", { className: "shuniu-cl-count" });
      section.querySelector(".shuniu-cl-heading").append(span);
      return { span, boxes: [...section.querySelectorAll("input[data-item]")] };
    });

    /* Run buttons are updated in place, never rebuilt: a click that starts while the name
       field is focused (its change event re-renders) must land on the same button. */
    const runButtons = new Map();
    const addButton = button(text.add, () => change((entry) => { addRun(entry, text); }));

    function showRuns(all, current) {
      const shown = all.map((item) => {
        let node = runButtons.get(item.id);
        if (!node) {
          node = el(
            "button", { type: "button", className: "shuniu-cl-run", onclick: () => change((entry) => { entry.current = item.id; }) },
            el("span", { className: "shuniu-cl-run-name" }), el("span", { className: "shuniu-cl-run-progress" }),
          );
          runButtons.set(item.id, node);
        }
        node.firstChild.textContent = item.name || text.runName(all.indexOf(item) + 1);
        node.lastChild.textContent = `${count(item)}/${ids.length}`;
        node.setAttribute("aria-pressed", String(item.id === current.id));
        return node;
      });
      shown.push(addButton);
      const same = shown.length === runList.children.length && shown.every((node, i) => runList.children[i] === node);
      if (!same) runList.replaceChildren(...shown);
      [...runButtons.keys()].filter((id) => !all.some((item) => item.id === id)).forEach((id) => runButtons.delete(id));
    }

    function change(action) {
      const { data, entry, run } = load(procedure, text);
      action(entry, run);
      if (!entry.runs.length) addRun(entry, text);
      writeData(data);
      render();
    }

    function render() {
      const { entry, run } = load(procedure, text);
      boxes.forEach((box) => { box.checked = Boolean(run.ticks[box.dataset.item]); });
      counts.forEach(({ span, boxes: own }) => {
        span.textContent = `${own.filter((box) => box.checked).length}/${own.length}`;
      });
      showRuns(entry.runs, run);
      if (document.activeElement !== nameInput) nameInput.value = run.name;
      fill.style.width = `${ids.length ? (100 * count(run)) / ids.length : 0}%`;
      status.textContent = text.done(count(run), ids.length);
      warning.hidden = persistent;
    }

    function resetRun() {
      const { run } = load(procedure, text);
      if (window.confirm(text.confirmReset(run.name))) change((entry, current) => { current.ticks = {}; });
    }

    function removeRun() {
      const { run } = load(procedure, text);
      if (!window.confirm(text.confirmRemove(run.name))) return;
      change((entry, current) => {
        entry.runs = entry.runs.filter((item) => item.id !== current.id);
        entry.current = entry.runs.length ? entry.runs[0].id : null;
      });
    }

    function exportRun() {
      const { run } = load(procedure, text);
      const [proc, runLabel, exported, progress, step, item, done, at, id, yes, no] = text.csv;
      const rows = [
        [proc, root.dataset.title], [runLabel, run.name], [exported, new Date().toLocaleString()],
        [progress, `${count(run)}/${ids.length}`], [], [step, item, done, at, id],
      ];
      root.querySelectorAll(".shuniu-cl-step").forEach((section) => {
        section.querySelectorAll("input[data-item]").forEach((box) => {
          const ticked = run.ticks[box.dataset.item];
          const label = box.closest("label").querySelector(".shuniu-cl-text").textContent;
          rows.push([section.dataset.stepTitle, label, ticked ? yes : no, ticked || "", box.dataset.item]);
        });
      });
      const quote = (cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
      const csv = rows.map((row) => row.map((cell) => quote(String(cell))).join(",")).join("\r\n");
      // The byte-order mark makes spreadsheet programs read the Chinese text as UTF-8.
      const blob = new Blob(["\ufeff", csv, "\r\n"], { type: "text/csv;charset=utf-8" });
      const link = el("a", {
        href: URL.createObjectURL(blob),
        download: `${procedure}-${run.name}.csv`.replace(/[\\/:*?"<>|\s]+/g, "_"),
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    }

    root.addEventListener("change", (event) => {
      const box = event.target.closest("input[data-item]");
      if (!box) return;
      change((entry, run) => {
        if (box.checked) run.ticks[box.dataset.item] = new Date().toISOString();
        else delete run.ticks[box.dataset.item];
      });
    });
    nameInput.addEventListener("input", () => change((entry, run) => { run.name = nameInput.value; }));
    nameInput.addEventListener("change", () => change((entry, run) => {
      run.name = run.name.trim() || text.runName(entry.runs.indexOf(run) + 1);
    }));
    window.addEventListener("storage", (event) => { if (event.key === KEY) render(); });
    render();
  }

  function start() {
    document.querySelectorAll(".shuniu-checklist[data-procedure]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
