// Horizontal bar charts of percentages as inline SVG, drawn with DOM calls (no library, no HTML
// strings): the geometry of shuniu/quiz/charts.py, so the page and report.html look alike.
const NS = "http://www.w3.org/2000/svg";
const WIDTH = 720, LABEL = 170, VALUE = 50, ROW = 22, TOP = 26, BOTTOM = 8;

function svg(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

const short = (label, limit = 12) => ([...label].length <= limit ? label : `${[...label].slice(0, limit - 1).join("")}…`);

/** A chart of `bars` ({label, value 0..100, kind, note}) with an optional reference line at `mark`. */
export function barChart(title, bars, mark = null, markLabel = "") {
  const plot = WIDTH - LABEL - VALUE, height = TOP + ROW * bars.length + BOTTOM;
  const x = (value) => (LABEL + (plot * Math.max(0, Math.min(100, value))) / 100).toFixed(1);
  const chart = svg("svg", { class: "shuniu-chart", viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-label": title });
  chart.append(svg("title", {}, title));
  for (const tick of [0, 25, 50, 75, 100]) {
    chart.append(svg("line", { class: "grid", x1: x(tick), y1: TOP - 4, x2: x(tick), y2: height - BOTTOM }),
      svg("text", { class: "axis", x: x(tick), y: TOP - 8, "text-anchor": "middle" }, tick));
  }
  bars.forEach((bar, row) => {
    const y = TOP + row * ROW, group = svg("g", {});
    group.append(svg("title", {}, bar.note || bar.label),
      svg("text", { x: LABEL - 6, y: y + 15, "text-anchor": "end" }, short(bar.label)),
      svg("rect", { class: `bar-${bar.kind}`, x: LABEL, y: y + 3, width: (x(bar.value) - LABEL).toFixed(1), height: ROW - 6 }),
      svg("text", { x: (Number(x(bar.value)) + 4).toFixed(1), y: y + 15 }, bar.value));
    chart.append(group);
  });
  if (mark !== null && mark !== undefined) {
    chart.append(svg("line", { class: "mark", x1: x(mark), y1: TOP - 4, x2: x(mark), y2: height - BOTTOM }),
      svg("text", { class: "mark-label", x: (Number(x(mark)) + 3).toFixed(1), y: height - BOTTOM - 2 }, markLabel));
  }
  return chart;
}
