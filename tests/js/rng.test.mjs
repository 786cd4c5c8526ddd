// Seeded exam draws (shuniu/web/quiz/rng.js): pinned values, so a change of algorithm is seen.
import assert from "node:assert/strict";
import { test } from "node:test";
import { drawPaper, hash32, mulberry32, proposeSeed, shuffle } from "../../shuniu/web/quiz/rng.js";

const ids = (list) => list.map((q) => q.id);
const pool = ["q-03", "q-10", "q-01", "q-07", "q-02", "q-09", "q-05", "q-04", "q-08", "q-06"].map((id) => ({ id }));

test("hash32 is FNV-1a over UTF-8 bytes", () => {
  assert.equal(hash32(""), 0x811c9dc5);
  assert.equal(hash32("a"), 0xe40c292c);
  assert.equal(hash32("种子"), 0x01db67b0);
});

test("mulberry32 gives the published sequence", () => {
  const random = mulberry32(42);
  assert.deepEqual([random(), random(), random()], [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  const values = Array.from({ length: 1000 }, mulberry32(7));
  assert.ok(values.every((v) => v >= 0 && v < 1));
});

test("shuffle keeps every item and does not touch its input", () => {
  const input = [1, 2, 3, 4, 5];
  const output = shuffle(input, mulberry32(1));
  assert.deepEqual(input, [1, 2, 3, 4, 5]);
  assert.deepEqual([...output].sort(), [1, 2, 3, 4, 5]);
});

test("the same seed draws the same paper in the same order, whatever the file order", () => {
  const paper = ids(drawPaper(pool, 5, "2026"));
  assert.deepEqual(paper, ids(drawPaper([...pool].reverse(), 5, "2026")));
  assert.deepEqual(paper, ["q-04", "q-09", "q-02", "q-07", "q-03"]);
  assert.notDeepEqual(paper, ids(drawPaper(pool, 5, "2027")));
  assert.deepEqual(ids(drawPaper(pool, 3, "2026")), paper.slice(0, 3));
});

test("proposed seeds are six digits", () => {
  for (let i = 0; i < 50; i++) assert.match(proposeSeed(), /^[1-9]\d{5}$/);
});
