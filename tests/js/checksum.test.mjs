// SHA-256 in plain JS and canonical JSON (shuniu/web/quiz/checksum.js): the result-file checksum
// must equal Python's hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))).
import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalJSON, sha256Hex, withChecksum } from "../../shuniu/web/quiz/checksum.js";

test("SHA-256 test vectors (FIPS 180-2 and padding edges)", () => {
  const vectors = {
    "": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    abc: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ["a".repeat(55)]: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
    ["a".repeat(56)]: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
    ["a".repeat(64)]: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
    ["a".repeat(1000000)]: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    枢纽办公室: "84f78dd64c89cc8c40c1b95d537e607f80057517e9842291d42c70f140ef489c",
  };
  for (const [input, digest] of Object.entries(vectors)) assert.equal(sha256Hex(input), digest, input.slice(0, 20));
});

// Computed once with Python: json.dumps(OBJECT, sort_keys=True, ensure_ascii=False, separators=(",", ":")).
const OBJECT = {
  format: "shuniu-result", learner: { name: "张三", group: "秘书科" },
  score: { points: 16600, max: 20000, percent: 83, passed: true },
  answers: [{ id: "gw-001", given: ["第一空", "２４"], points: 50, correct: false }],
  note: '引号"与反斜杠\\ 和换行\n及 emoji 😀', empty: null,
};
const PYTHON_TEXT = '{"answers":[{"correct":false,"given":["第一空","２４"],"id":"gw-001","points":50}],"empty":null,'
  + '"format":"shuniu-result","learner":{"group":"秘书科","name":"张三"},"note":"引号\\"与反斜杠\\\\ 和换行\\n及 emoji 😀",'
  + '"score":{"max":20000,"passed":true,"percent":83,"points":16600}}';
const PYTHON_DIGEST = "e6f530481970b4997a73585e8e666ec936894ffb941f405ad1f675f65ddf13f8";

test("canonical JSON is Python's sorted, compact, non-ASCII-as-is text", () => {
  assert.equal(canonicalJSON(OBJECT), PYTHON_TEXT);
  assert.equal(sha256Hex(canonicalJSON(OBJECT)), PYTHON_DIGEST);
  assert.throws(() => canonicalJSON({ x: 0.5 }), /not an integer/);
});

test("keys sort by code point, as Python does (not by UTF-16 unit)", () => {
  assert.equal(canonicalJSON({ "\uff61": 1, "😀": 2, b: 3, B: 4 }), '{"B":4,"b":3,"｡":1,"😀":2}');
});

test("withChecksum covers everything but the checksum itself", () => {
  const signed = withChecksum({ ...OBJECT, checksum: "stale" });
  assert.equal(signed.checksum, PYTHON_DIGEST);
  assert.equal(withChecksum(signed).checksum, PYTHON_DIGEST);
});

test("the digest given on the command line matches (used by the pytest wrapper)", { skip: !process.env.SHUNIU_EXPECTED_DIGEST }, () => {
  const object = JSON.parse(process.env.SHUNIU_CHECKSUM_OBJECT);
  assert.equal(withChecksum(object).checksum, process.env.SHUNIU_EXPECTED_DIGEST);
});
