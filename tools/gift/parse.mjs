// Parse a GIFT file with gift-pegjs and print the questions as JSON (one array on stdout).
// A syntax error prints "FILE:LINE:COLUMN: message" on stderr and exits 1.
// Usage: node tools/gift/parse.mjs FILE.gift.txt
import { readFileSync } from "node:fs";
import gift from "gift-pegjs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node parse.mjs FILE");
  process.exit(2);
}
try {
  const questions = gift.parse(readFileSync(file, "utf8"));
  process.stdout.write(JSON.stringify(questions, null, 1) + "\n");
} catch (error) {
  if (!error.location) throw error;
  const { line, column } = error.location.start;
  console.error(`${file}:${line}:${column}: ${error.message}`);
  process.exit(1);
}
