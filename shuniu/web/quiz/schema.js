// The shape of Shuniu's local data. Everything read from storage or from a backup file goes through
// conform() before a view sees it: a value of the wrong type is reported (where it is and what it
// should be) and left out, never handed on to code that would throw on it.
//
// A shape is a kind name ("text", "count", ...), an object of field shapes (a field whose name ends
// in "?" may be missing; fields the shape does not name are kept as they are), ["map", shape] (an
// object whose every value has that shape), ["list", shape], or ["null", shape] (null or that shape).

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = {
  text: (v) => typeof v === "string",
  count: (v) => Number.isInteger(v) && v >= 0,
  bool: (v) => typeof v === "boolean",
  day: (v) => typeof v === "string" && DAY.test(v),
  any: () => true,
  // One line of a 错题本 review log: [day, FSRS rating 1-4].
  review: (v) => Array.isArray(v) && v.length === 2 && KINDS.day(v[0]) && [1, 2, 3, 4].includes(v[1]),
  scheduler: (v) => v === "classic" || v === "fsrs",
};

/** The quiz root (storage.js VERSION 3). */
export const ROOT_SHAPE = {
  version: "count",
  learner: { name: "text", group: "text" },
  settings: { toLeave: "count", "scheduler?": "scheduler" },
  practice: ["map", { n: "count", r: "count", "last?": "day" }],
  wrong: ["map", {
    box: "count", due: "day", "given?": "any", "wrongs?": "count", "added?": "day", "lastRight?": "day", "left?": "day",
    // The question as answered (null: recorded before version 2, when only the letters were kept).
    "asked?": ["null", { hash: "text", "chosen?": ["list", "text"] }],
    "log?": ["list", "review"], // version 3
  }],
  exams: ["list", {
    exam: { banks: ["list", { id: "text" }], seed: "text", pass_mark: "count" }, finished: "text", answers: ["list", { id: "text" }],
    score: { percent: "count", passed: "bool" },
  }],
  current: ["null", { settings: { banks: ["list", "text"], tags: ["list", "text"], count: "count", minutes: "count", seed: "text" }, started: "text", given: ["map", "any"] }],
};

/** The checklist ticks (docs/assets/shuniu/checklist.js, version 1). */
export const CHECKLIST_SHAPE = {
  version: "count",
  procedures: ["map", { "current?": ["null", "text"], runs: ["list", { id: "text", "name?": "text", ticks: ["map", "text"] }] }],
};

/** A plain object (not an array, not null). */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fault(problems, path, want) {
  problems.push({ path, want });
  return undefined;
}

function conformFields(value, shape, path, problems) {
  const out = { ...value };
  for (const [spec, inner] of Object.entries(shape)) {
    const name = spec.replace(/\?$/, "");
    if (!(name in value) && spec.endsWith("?")) continue;
    const kept = conform(value[name], inner, path ? `${path}.${name}` : name, problems);
    if (kept === undefined) return undefined;
    out[name] = kept;
  }
  return out;
}

/**
 * `value` as `shape` allows it, or undefined when it cannot be. Every misfit is pushed onto
 * `problems` as {path, want}; a bad entry of a map or list is left out, the rest kept.
 */
export function conform(value, shape, path, problems) {
  if (typeof shape === "string") return KINDS[shape](value) ? value : fault(problems, path, shape);
  if (!Array.isArray(shape)) return isObject(value) ? conformFields(value, shape, path, problems) : fault(problems, path, "object");
  const [form, inner] = shape;
  if (form === "null") return value === null ? null : conform(value, inner, path, problems);
  const list = form === "list";
  if (list ? !Array.isArray(value) : !isObject(value)) return fault(problems, path, form === "list" ? "list" : "object");
  const kept = Object.entries(value)
    .map(([key, item]) => [key, conform(item, inner, list ? `${path}[${key}]` : `${path}.${key}`, problems)])
    .filter(([, item]) => item !== undefined);
  return list ? kept.map(([, item]) => item) : Object.fromEntries(kept);
}
