/* Shuniu checklist runner: enhances a generated checklist page (a plain list of checkboxes
   that already works and prints without JavaScript) with saved ticks, several named runs
   side by side, the branch taken at each decision, progress, reset, export to CSV, and
   printing either the run (ticks, name, dates, handler) or a blank form.

   Storage: localStorage "shuniu.checklist.v1" =
     { version: 1, procedures: { <procedure id>: { current: <run id>,
       runs: [{ id, name, created, handler?, choices?: { <decision step id>: <next step id> },
                ticks: { <item id>: <ISO time ticked> } }] } } }
   (handler and choices were added later; runs without them read as none chosen.)
   Items are keyed by their stable ids (the author's id, shared by translations, or one built
   from the text), never by position, and the key is the procedure id, the same in every
   language; ticks of removed items are kept but not shown or counted. An item that was given
   an id lists its old text ids in data-legacy: ticks saved under those move to the new id.
   Steps that the chosen branches leave off the path are "not applicable": their items are
   not counted, so any complete path reaches 100 %. Data that cannot be read is copied aside,
   never dropped.
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
      print: "打印本次记录",
      printBlank: "打印空白表",
      handler: "经办人",
      undecided: "未定",
      na: "不适用",
      info: (name, start, last, who) => `记录：${name} · 开始 ${start}` + (last ? ` · 最近勾选 ${last}` : "") + (who ? ` · 经办人 ${who}` : ""),
      done: (d, t) => `已完成 ${d}/${t}`,
      confirmReset: (n) => `清空“${n}”的全部勾选？`,
      confirmRemove: (n) => `删除“${n}”及其勾选记录？`,
      unsaved: "本浏览器不允许保存到本机：关闭页面后勾选会丢失。请导出保存。",
      csv: ["流程", "记录", "经办人", "开始时间", "导出时间", "进度", "所走路径", "步骤", "检查项", "完成", "勾选时间", "编号", "是", "否"],
    },
    en: {
      runs: "Runs",
      runName: (n) => `Run ${n}`,
      add: "+ New run",
      name: "Name",
      reset: "Reset",
      remove: "Delete",
      exportCsv: "Export CSV",
      print: "Print this run",
      printBlank: "Print a blank form",
      handler: "Handler",
      undecided: "Not decided",
      na: "Not applicable",
      info: (name, start, last, who) => `Run: ${name} · started ${start}` + (last ? ` · last ticked ${last}` : "") + (who ? ` · handler ${who}` : ""),
      done: (d, t) => `${d}/${t} done`,
      confirmReset: (n) => `Clear every tick of "${n}"?`,
      confirmRemove: (n) => `Delete "${n}" and its ticks?`,
      unsaved: "This browser does not allow saving here: ticks are lost when the page closes. Export them to keep them.",
      csv: ["Procedure", "Run", "Handler", "Started", "Exported", "Progress", "Path taken", "Step", "Item", "Done", "Ticked at", "Id", "yes", "no"],
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
    entry.runs.forEach((run) => {
      if (!run.ticks || typeof run.ticks !== "object") run.ticks = {};
      if (!run.choices || typeof run.choices !== "object") run.choices = {};
    });
    return entry;
  }

  /* Ticks saved under an item's old text id move to the id the author gave it; returns
     whether anything moved. A tick already under the new id is the newer one and stays. */
  function migrateTicks(run, legacy) {
    let moved = false;
    legacy.forEach(([old, id]) => {
      if (!(old in run.ticks)) return;
      if (!run.ticks[id]) run.ticks[id] = run.ticks[old];
      delete run.ticks[old];
      moved = true;
    });
    return moved;
  }

  function addRun(entry, text) {
    const taken = new Set(entry.runs.map((run) => run.name));
    let n = entry.runs.length + 1;
    while (taken.has(text.runName(n))) n += 1;
    const id = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const run = { id, name: text.runName(n), created: new Date().toISOString(), ticks: {}, choices: {} };
    entry.runs.push(run);
    entry.current = id;
    return run;
  }

  /* The procedure's entry and its current run, made (and saved) when there is none yet;
     old item ids are migrated (and saved) on the way. */
  function load(procedure, text, legacy) {
    const data = readData();
    const entry = procedureOf(data, procedure);
    let changed = entry.runs.map((item) => migrateTicks(item, legacy)).some(Boolean);
    let run = entry.runs.find((item) => item.id === entry.current);
    if (!run) {
      run = entry.runs[0] || addRun(entry, text);
      entry.current = run.id;
      changed = true;
    }
    if (changed) writeData(data);
    return { data, entry, run };
  }

  /* ---- the path a run takes ---- */
  function readFlow(root) {
    try {
      const flow = JSON.parse(root.dataset.flow || "null");
      if (flow && typeof flow.first === "string" && flow.next && typeof flow.next === "object") return flow;
    } catch {
      /* a page without a readable flow counts every item, as before branches existed */
    }
    return null;
  }

  /* The steps on the path: every way on from the first step, except that at a decision with a
     branch chosen only that branch is followed. A chosen branch that loops back (revise and
     review again) keeps every way open: the flow comes round to the decision once more. */
  function stepsOnPath(flow, choices, loops) {
    if (!flow) return null;
    const seen = new Set();
    const todo = [flow.first];
    while (todo.length) {
      const step = todo.pop();
      if (seen.has(step) || !Array.isArray(flow.next[step])) continue;
      seen.add(step);
      const chosen = choices[step];
      const only = flow.next[step].includes(chosen) && !loops.has(`${step}>${chosen}`);
      todo.push(...(only ? [chosen] : flow.next[step]));
    }
    return seen;
  }

  /* A saved ISO time as local time with its offset from UTC: 2026-12-01 20:15 +08:00. */
  function localTime(iso) {
    const when = new Date(iso);
    if (!iso || Number.isNaN(when.getTime())) return "";
    const two = (n) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
    const offset = -when.getTimezoneOffset();
    const zone = `${offset < 0 ? "-" : "+"}${two(offset / 60)}:${two(offset % 60)}`;
    return `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())} `
      + `${two(when.getHours())}:${two(when.getMinutes())} ${zone}`;
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

  /* Each step's heading gets its count and a "not applicable" badge. */
  function decorateSections(root, text) {
    return [...root.querySelectorAll(".shuniu-cl-step")].map((section) => {
      const span = el("span", { className: "shuniu-cl-count" });
      const na = el("span", { className: "shuniu-cl-na", textContent: text.na, hidden: true });
      section.querySelector(".shuniu-cl-heading").append(na, span);
      return { section, span, na, step: section.dataset.step, boxes: [...section.querySelectorAll("input[data-item]")] };
    });
  }

  /* "Not decided" is a choice too: it puts a decision back to counting every branch. */
  function addUndecided(root, text) {
    return [...root.querySelectorAll(".shuniu-cl-branch")].map((fieldset) => {
      const name = fieldset.querySelector("input[type=radio]").name;
      const undecided = el("input", { type: "radio", name, value: "" });
      const label = el("span", { className: "shuniu-cl-text", textContent: text.undecided });
      fieldset.append(el("label", { className: "shuniu-cl-option shuniu-cl-undecided" }, undecided, label));
      return undecided;
    });
  }

  function downloadCsv(name, rows) {
    const quote = (cell) => { // a would-be formula (= + - @ tab CR first) gets ' (OWASP)
      const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const csv = rows.map((row) => row.map((cell) => quote(String(cell))).join(",")).join("\r\n");
    // The byte-order mark makes spreadsheet programs read the Chinese text as UTF-8.
    const blob = new Blob(["\ufeff", csv, "\r\n"], { type: "text/csv;charset=utf-8" });
    const link = el("a", { href: URL.createObjectURL(blob), download: name.replace(/[\\/:*?"<>|\s]+/g, "_") });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  function setup(root) {
    const text = STRINGS[(document.documentElement.lang || "zh").startsWith("en") ? "en" : "zh"];
    const procedure = root.dataset.procedure;
    const flow = readFlow(root);
    const boxes = [...root.querySelectorAll("input[data-item]")];
    const stepOf = (node) => node.closest(".shuniu-cl-step").dataset.step;
    const legacy = boxes.flatMap((box) => (box.dataset.legacy || "").split(" ").filter(Boolean).map((old) => [old, box.dataset.item]));
    const radios = [...root.querySelectorAll(".shuniu-cl-branch input[type=radio]")];
    const loops = new Set(radios.filter((r) => r.hasAttribute("data-loops")).map((r) => `${stepOf(r)}>${r.value}`));
    const open = () => load(procedure, text, legacy);
    /* The items a run counts: those of the steps on its path. */
    const counted = (run) => {
      const path = stepsOnPath(flow, run.choices, loops);
      return boxes.filter((box) => !path || path.has(stepOf(box))).map((box) => box.dataset.item);
    };
    const progress = (run) => {
      const ids = counted(run);
      return { done: ids.filter((id) => run.ticks[id]).length, total: ids.length };
    };

    const runList = el("div", { className: "shuniu-cl-runlist" });
    const nameInput = el("input", { type: "text", className: "shuniu-cl-name" });
    const handlerInput = el("input", { type: "text", className: "shuniu-cl-handler" });
    const fill = el("span", { className: "shuniu-cl-bar__fill" });
    const bar = el("span", { className: "shuniu-cl-bar", "aria-hidden": "true" }, fill);
    const status = el("span", { className: "shuniu-cl-status", role: "status" });
    const warning = el("p", { className: "shuniu-cl-warning", hidden: true, textContent: text.unsaved });
    const info = el("p", { className: "shuniu-cl-printinfo" });
    const button = (label, action) => el("button", { type: "button", textContent: label, onclick: action });
    const toolbar = el(
      "div", { className: "shuniu-cl-toolbar" },
      el("label", {}, text.name, nameInput),
      el("label", {}, text.handler, handlerInput),
      button(text.reset, () => resetRun()),
      button(text.remove, () => removeRun()),
      button(text.exportCsv, () => exportRun()),
      button(text.print, () => window.print()),
      button(text.printBlank, () => printBlank()),
      bar, status,
    );
    const panel = el("div", { className: "shuniu-cl-runs", role: "region", "aria-label": text.runs }, runList, toolbar, warning);
    root.prepend(panel);
    panel.after(info);
    const nojs = root.querySelector(".shuniu-cl-nojs");
    if (nojs) nojs.hidden = true;

    const sections = decorateSections(root, text);
    radios.push(...addUndecided(root, text));
    const handlerBlank = root.querySelector('.shuniu-cl-blank[data-blank="handler"] .shuniu-cl-line');

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
        const { done, total } = progress(item);
        node.firstChild.textContent = item.name || text.runName(all.indexOf(item) + 1);
        node.lastChild.textContent = `${done}/${total}`;
        node.setAttribute("aria-pressed", String(item.id === current.id));
        return node;
      });
      shown.push(addButton);
      const same = shown.length === runList.children.length && shown.every((node, i) => runList.children[i] === node);
      if (!same) runList.replaceChildren(...shown);
      [...runButtons.keys()].filter((id) => !all.some((item) => item.id === id)).forEach((id) => runButtons.delete(id));
    }

    function change(action) {
      const { data, entry, run } = open();
      action(entry, run);
      if (!entry.runs.length) addRun(entry, text);
      writeData(data);
      render();
    }

    const mark = (node, symbol) => { node.closest("label").querySelector(".shuniu-cl-mark").textContent = symbol; };

    /* Shows the current run; ``blank`` shows the empty paper form instead (for printing it). */
    function render(blank = false) {
      const { entry, run } = open();
      const path = stepsOnPath(flow, run.choices, loops);
      sections.forEach(({ section, span, na, step, boxes: own }) => {
        const off = !blank && path !== null && !path.has(step);
        section.classList.toggle("shuniu-cl-step--na", off);
        na.hidden = !off;
        own.forEach((box) => {
          box.checked = !blank && Boolean(run.ticks[box.dataset.item]);
          box.disabled = off;
          mark(box, off ? "—" : box.checked ? "☑" : "☐");
        });
        span.textContent = off ? "" : `${own.filter((box) => box.checked).length}/${own.length}`;
      });
      radios.forEach((radio) => {
        radio.checked = !blank && (run.choices[stepOf(radio)] || "") === radio.value;
        if (radio.value) mark(radio, radio.checked ? "☑" : "☐");
      });
      root.classList.toggle("shuniu-cl--blank", blank);
      showRuns(entry.runs, run);
      if (document.activeElement !== nameInput) nameInput.value = run.name;
      if (document.activeElement !== handlerInput) handlerInput.value = run.handler || "";
      const { done, total } = progress(run);
      fill.style.width = `${total ? (100 * done) / total : 0}%`;
      status.textContent = text.done(done, total);
      const last = Object.values(run.ticks).filter(Boolean).sort().pop();
      info.textContent = text.info(run.name, localTime(run.created), localTime(last), run.handler || "");
      if (handlerBlank) handlerBlank.textContent = blank ? "" : run.handler || "";
      warning.hidden = persistent;
    }

    function printBlank() {
      render(true);
      try {
        window.print();
      } finally {
        render();
      }
    }

    function resetRun() {
      const { run } = open();
      if (window.confirm(text.confirmReset(run.name))) change((entry, current) => { current.ticks = {}; current.choices = {}; });
    }

    function removeRun() {
      const { run } = open();
      if (!window.confirm(text.confirmRemove(run.name))) return;
      change((entry, current) => {
        entry.runs = entry.runs.filter((item) => item.id !== current.id);
        entry.current = entry.runs.length ? entry.runs[0].id : null;
      });
    }

    function csvRows(run) {
      const [proc, runLabel, handler, started, exported, progressLabel, pathLabel, step, item, done, at, id, yes, no] = text.csv;
      const path = stepsOnPath(flow, run.choices, loops);
      const chosen = radios.filter((radio) => radio.value && run.choices[stepOf(radio)] === radio.value)
        .map((radio) => radio.closest("label").querySelector(".shuniu-cl-text").textContent);
      const { done: ticked, total } = progress(run);
      const rows = [
        [proc, root.dataset.title], [runLabel, run.name], [handler, run.handler || ""],
        [started, localTime(run.created)], [exported, localTime(new Date().toISOString())],
        [progressLabel, `${ticked}/${total}`], [pathLabel, chosen.join("; ")], [], [step, item, done, at, id],
      ];
      sections.forEach(({ section, step: stepId, boxes: own }) => {
        const off = path !== null && !path.has(stepId);
        own.forEach((box) => {
          const when = run.ticks[box.dataset.item];
          const label = box.closest("label").querySelector(".shuniu-cl-text").textContent;
          const state = off ? text.na : when ? yes : no;
          rows.push([section.dataset.stepTitle, label, state, localTime(when), box.dataset.item]);
        });
      });
      return rows;
    }

    function exportRun() {
      const { run } = open();
      downloadCsv(`${procedure}-${run.name}.csv`, csvRows(run));
    }

    root.addEventListener("change", (event) => {
      const box = event.target.closest("input[data-item]");
      const radio = event.target.closest(".shuniu-cl-branch input[type=radio]");
      if (box) {
        change((entry, run) => {
          if (box.checked) run.ticks[box.dataset.item] = new Date().toISOString();
          else delete run.ticks[box.dataset.item];
        });
      } else if (radio) {
        change((entry, run) => {
          if (radio.value) run.choices[stepOf(radio)] = radio.value;
          else delete run.choices[stepOf(radio)];
        });
      }
    });
    nameInput.addEventListener("input", () => change((entry, run) => { run.name = nameInput.value; }));
    nameInput.addEventListener("change", () => change((entry, run) => {
      run.name = run.name.trim() || text.runName(entry.runs.indexOf(run) + 1);
    }));
    handlerInput.addEventListener("input", () => change((entry, run) => { run.handler = handlerInput.value; }));
    handlerInput.addEventListener("change", () => change((entry, run) => { run.handler = run.handler.trim(); }));
    window.addEventListener("storage", (event) => { if (event.key === KEY) render(); });
    render();
  }

  function start() {
    document.querySelectorAll(".shuniu-checklist[data-procedure]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
