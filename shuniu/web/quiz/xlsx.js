// A minimal .xlsx (Office Open XML workbook) written by hand: four sheets of plain cells in a zip
// stored without compression. Hand-written because the few hundred bytes of XML it needs are far
// smaller than any xlsx library (SheetJS is ~400 KB and no longer published on npm). Text cells
// are inline strings, so no formula is ever written: a cell beginning with "=" stays text.
import { localTime, minutesTaken, pointsText, CSV_HEAD } from "./groupstats.js";

const escapeXML = (text) => String(text).replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c])
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
const column = (i) => (i < 26 ? "" : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26));

function cellXML(cell, ref) {
  return typeof cell === "number" ? `<c r="${ref}"><v>${cell}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXML(cell)}</t></is></c>`;
}

function sheetXML(rows) {
  const rowXML = (row, r) => `<row r="${r + 1}">` + row.map((cell, c) => cellXML(cell, column(c) + (r + 1))).join("") + "</row>";
  const body = rows.map(rowXML).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => (bytes.reduce((c, b) => CRC[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

/** A zip archive of {name: text} with every entry stored (method 0). */
export function zip(entries) {
  const encoder = new TextEncoder(), parts = [], central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = encoder.encode(name), data = encoder.encode(text), crc = crc32(data);
    const header = (signature, extra) => {
      const view = new DataView(new ArrayBuffer(extra));
      view.setUint32(0, signature, true);
      return view;
    };
    const local = header(0x04034b50, 30);
    [[4, 20], [8, 0], [26, nameBytes.length]].forEach(([at, v]) => local.setUint16(at, v, true));
    [[14, crc], [18, data.length], [22, data.length]].forEach(([at, v]) => local.setUint32(at, v, true));
    const entry = header(0x02014b50, 46);
    [[4, 20], [6, 20], [28, nameBytes.length]].forEach(([at, v]) => entry.setUint16(at, v, true));
    [[16, crc], [20, data.length], [24, data.length], [42, offset]].forEach(([at, v]) => entry.setUint32(at, v, true));
    parts.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((sum, part) => sum + part.byteLength, 0), count = Object.keys(entries).length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, count, true);
  end.setUint16(10, count, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, end], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

/** The workbook: 成员成绩 (report.csv's columns), 各题正确率, 各题型得分, 各标签得分. */
export function xlsxBlob(results, questions, types, tags) {
  const members = [CSV_HEAD, ...results.map((r) => [r.name, r.group, r.seed, r.banks.join("、"), Number(pointsText(r.points)),
    Number(pointsText(r.max)), r.percent, r.passed ? "是" : "否", r.pass_mark, localTime(r.started), localTime(r.finished),
    Number(minutesTaken(r)), r.auto_submitted ? "是" : "否", r.file, r.paper || ""])];
  const sheets = [["成员成绩", members],
    ["各题正确率", [["题号", "题目", "答对", "作答", "正确率（%）"], ...questions.map((s) => [s.id, s.stem ?? "", s.right, s.total, s.percent])]],
    ["各题型得分", [["题型", "作答题次", "得分", "满分", "得分率（%）"], ...types.map((s) => [s.key, s.answers, s.points / 100, s.max / 100, s.percent])]],
    ["各标签得分", [["标签", "作答题次", "得分", "满分", "得分率（%）"], ...tags.map((s) => [s.key, s.answers, s.points / 100, s.max / 100, s.percent])]]];
  // Built apart: a template literal inside another's ${…} would not survive minifying.
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  const sheetList = sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const relations = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  const files = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetList}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relations}</Relationships>`,
  };
  sheets.forEach(([, rows], i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXML(rows); });
  return zip(files);
}
