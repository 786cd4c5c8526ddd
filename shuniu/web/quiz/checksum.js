// The result file's checksum: SHA-256 (plain JS: crypto.subtle is missing on plain-http intranet pages)
// over canonical JSON, the same text as Python's
// json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).

// The round constants and initial hash of SHA-256 are the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes and the square roots of the first 8 (FIPS 180-4, 4.2.2 and 5.3.3).
// Computed rather than listed: every such value lies more than 0.02 units of 2^-32 from a rounding
// boundary, far more than any floating-point error of cbrt/sqrt, so every browser gets the exact table
// (tests/js/checksum.test.mjs checks the digests against the standard's vectors).
const PRIMES = [];
for (let n = 2; PRIMES.length < 64; n++) if (PRIMES.every((p) => n % p)) PRIMES.push(n);
const fraction32 = (x) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
const K = Uint32Array.from(PRIMES, (p) => fraction32(Math.cbrt(p)));
const H0 = PRIMES.slice(0, 8).map((p) => fraction32(Math.sqrt(p)));

const rotr = (x, n) => (x >>> n) | (x << (32 - n));

/** Pad the message as SHA-256 requires: 0x80, zeros, then the bit length (big-endian, 64 bits). */
function pad(bytes) {
  const length = Math.ceil((bytes.length + 9) / 64) * 64;
  const padded = new Uint8Array(length);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(length - 8, Math.floor(bytes.length / 0x20000000));
  view.setUint32(length - 4, (bytes.length * 8) >>> 0);
  return view;
}

/** SHA-256 of a string (UTF-8) or bytes, as lower-case hex. */
export function sha256Hex(input) {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const view = pad(bytes);
  const h = Uint32Array.from(H0);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < view.byteLength; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((value, i) => { h[i] += value; });
  }
  return [...h].map((word) => word.toString(16).padStart(8, "0")).join("");
}

/** Compare strings by Unicode code point (Python's order; JS's default sort uses UTF-16 units). */
export function byCodePoint(a, b) {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d;
  }
  return x.length - y.length;
}

/** Canonical JSON: keys sorted, no whitespace, non-ASCII as-is. Floats are refused: the contract has none. */
export function canonicalJSON(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort(byCodePoint);
    return "{" + keys.map((key) => JSON.stringify(key) + ":" + canonicalJSON(value[key])).join(",") + "}";
  }
  if (typeof value === "number" && !Number.isInteger(value)) throw new TypeError(`not an integer: ${value}`);
  return JSON.stringify(value);
}

/** The object with its `checksum` field set from everything else in it. */
export function withChecksum(object) {
  const { checksum: _ignored, ...rest } = object;
  return { ...rest, checksum: sha256Hex(canonicalJSON(rest)) };
}
