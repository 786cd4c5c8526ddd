// Seeded drawing of exam papers. The same seed, settings and banks give everyone the same paper in the
// same order. The algorithm is fixed and simple so that another implementation can reproduce it:
//   1. seed string -> 32-bit FNV-1a hash over its UTF-8 bytes;
//   2. mulberry32 over that hash gives numbers in [0, 1);
//   3. the candidate pool is sorted by question id (so file order does not matter), shuffled with
//      Fisher-Yates from the last element down (j = floor(random() * (i + 1))), and the first
//      `count` questions are the paper, in that order.

import { byCodePoint } from "./checksum.js";

const encoder = new TextEncoder();

/** 32-bit FNV-1a hash of the UTF-8 bytes of `text`. */
export function hash32(text) {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(String(text))) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns a function giving numbers in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy of `items` (Fisher-Yates driven by `random`). */
export function shuffle(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The exam paper: `count` questions drawn from `pool` with the string `seed`. */
export function drawPaper(pool, count, seed) {
  const sorted = [...pool].sort((a, b) => byCodePoint(a.id, b.id));
  return shuffle(sorted, mulberry32(hash32(seed))).slice(0, count);
}

/** A fresh seed to propose in the exam builder: six digits, easy to read out to a group. */
export function proposeSeed() {
  // getRandomValues is in every browser the site supports, secure context or not (http, file://).
  return String(100000 + (crypto.getRandomValues(new Uint32Array(1))[0] % 900000));
}
