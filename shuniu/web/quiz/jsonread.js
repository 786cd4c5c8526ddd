// JSON from a learner's file, read within the limits of rules.js exactly as shuniu/quiz/results.py
// reads it (parse_json): nesting measured first over the whole text, then a parse that refuses, in
// text order, a whole number of too many digits, any number that is not whole, NaN and Infinity.
// A hand parser rather than JSON.parse because JSON.parse cannot tell 1 from 1.0 and has no limits.
import { RESULT_RULES } from "./rules.js";
import { ResultError } from "./resultread.js";

/** How deeply arrays and objects nest (brackets inside strings do not count), as results.nesting_depth. */
export function nestingDepth(text) {
  let depth = 0, deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return deepest;
}

class Invalid extends Error {}
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const CONSTANTS = [["NaN", null], ["Infinity", null], ["-Infinity", null], ["true", true], ["false", false], ["null", null]];
const ESCAPES = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class Reader {
  constructor(text) { this.text = text; this.i = 0; }

  space() { while (" \t\n\r".includes(this.text[this.i] || "x")) this.i++; }

  value() {
    this.space();
    const c = this.text[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    for (const [word, value] of CONSTANTS) {
      if (!this.text.startsWith(word, this.i)) continue;
      if (value === null && word !== "null") throw new ResultError(`not a result file: ${word} is not a JSON number`);
      this.i += word.length;
      return value;
    }
    return this.number();
  }

  number() {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) throw new Invalid("Expecting value");
    this.i += match[0].length;
    if (match[1] || match[2]) {
      throw new ResultError(`not a result file: ${match[0]} is not a whole number (a result file has only whole numbers)`);
    }
    const digits = match[0].replace("-", "").length;
    if (digits > RESULT_RULES.max_digits) throw new ResultError(`not a result file: a number with ${digits} digits (at most ${RESULT_RULES.max_digits})`);
    return Number(match[0]);
  }

  string() {
    let out = "";
    for (this.i++; ; this.i++) {
      const c = this.text[this.i];
      if (c === undefined || c < " ") throw new Invalid("Invalid string");
      if (c === '"') { this.i++; return out; }
      if (c !== "\\") { out += c; continue; }
      const e = this.text[++this.i];
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 1, this.i + 5))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.i + 1, this.i + 5), 16));
        this.i += 4;
      } else if (Object.hasOwn(ESCAPES, e)) out += ESCAPES[e];
      else throw new Invalid("Invalid \\escape");
    }
  }

  array() {
    const items = [];
    this.i++;
    this.space();
    if (this.text[this.i] === "]") { this.i++; return items; }
    for (;;) {
      items.push(this.value());
      this.space();
      const c = this.text[this.i++];
      if (c === "]") return items;
      if (c !== ",") throw new Invalid("Expecting ',' delimiter");
    }
  }

  object() {
    const object = {};
    this.i++;
    this.space();
    if (this.text[this.i] === "}") { this.i++; return object; }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') throw new Invalid("Expecting property name enclosed in double quotes");
      const key = this.string();
      this.space();
      if (this.text[this.i++] !== ":") throw new Invalid("Expecting ':' delimiter");
      Object.defineProperty(object, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.space();
      const c = this.text[this.i++];
      if (c === "}") return object;
      if (c !== ",") throw new Invalid("Expecting ',' delimiter");
    }
  }
}

/** The value in `text`, or ResultError with the reason (syntax errors: "not valid JSON: ... (line L, column C)"). */
export function parseJSON(text) {
  if (nestingDepth(text) > RESULT_RULES.max_depth) throw new ResultError(`not a result file: nested more than ${RESULT_RULES.max_depth} levels deep`);
  const reader = new Reader(text);
  try {
    const value = reader.value();
    reader.space();
    if (reader.i < text.length) throw new Invalid("Extra data");
    return value;
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const before = text.slice(0, reader.i).split("\n");
    throw new ResultError(`not valid JSON: ${error.message} (line ${before.length}, column ${before.at(-1).length + 1})`);
  }
}
