// The timeline: events per day stacked by QuadClass, drawn as a small SVG. Days sit on a true
// time axis (gaps stay gaps); long ranges are grouped into equal bins so bars never overlap.

import { el, svg } from "./dom.js";
import { QUAD_CLASSES } from "./vocab.js";

const DAY = 86400000;
const HEIGHT = 150;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 34 };
const MIN_SLOT = 4; // pixels per bar, gap included

function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}

function isoDay(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Tick days at year, month or day starts, whichever gives a handful across the range. */
function ticks(first, last, width) {
  const most = Math.max(2, Math.floor(width / 70));
  const start = new Date(first * DAY);
  const candidates = [];
  for (const months of [12 * 5, 12 * 2, 12, 6, 3, 1]) {
    const list = [];
    const d = new Date(Date.UTC(start.getUTCFullYear(), 0, 1));
    while (d.getTime() / DAY <= last) {
      if (d.getTime() / DAY >= first && (d.getUTCFullYear() * 12 + d.getUTCMonth()) % months === 0) {
        list.push({ day: d.getTime() / DAY, label: months >= 12 ? String(d.getUTCFullYear()) : isoDay(d.getTime() / DAY).slice(0, 7) });
      }
      d.setUTCMonth(d.getUTCMonth() + 1);
    }
    candidates.push(list);
  }
  const fitting = candidates.filter((list) => list.length <= most && list.length >= 2);
  if (fitting.length) return fitting[fitting.length - 1];
  const step = Math.max(1, Math.ceil((last - first) / most));
  const days = [];
  for (let day = first; day <= last; day += step) days.push({ day, label: isoDay(day).slice(5) });
  return days;
}

/**
 * Draw the series into `root`. Days are grouped into equal bins when the range has more days
 * than the chart has room for (a bar needs a few pixels), and the bin length is said.
 */
export function renderTimeline(root, data, { onPickRange }) {
  const perDay = new Map();
  for (const point of data.series) {
    const day = dayNumber(point.date);
    if (!perDay.has(day)) perDay.set(day, {});
    const counts = perDay.get(day);
    counts[point.key] = (counts[point.key] || 0) + point.events;
  }
  if (!perDay.size) {
    root.replaceChildren(el("p", { class: "hint" }, "No dated events match these filters."));
    return;
  }
  const legend = el("ul", { class: "legend" }, QUAD_CLASSES.map((q) => el("li", {},
    el("span", { class: "swatch", style: `background:${q.colour}` }), q.label)));
  const width = Math.max(320, root.clientWidth);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const days = [...perDay.keys()];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const binDays = Math.max(1, Math.ceil((last - first + 1) / Math.floor(plotW / MIN_SLOT)));
  const bins = new Map();
  for (const [day, counts] of perDay) {
    const bin = Math.floor((day - first) / binDays);
    if (!bins.has(bin)) bins.set(bin, {});
    const sum = bins.get(bin);
    for (const [key, n] of Object.entries(counts)) sum[key] = (sum[key] || 0) + n;
  }
  const slots = Math.floor((last - first) / binDays) + 1;
  const slot = plotW / slots;
  const barW = Math.min(40, Math.max(2, slot - 1));
  const xDay = (day) => MARGIN.left + ((day - first) / (slots * binDays)) * plotW;
  const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
  const peak = Math.max(...[...bins.values()].map(total));
  const y = (n) => (n / peak) * plotH;
  const unit = binDays === 1 ? "day" : `${binDays} days`;
  const bars = [];
  for (const [bin, counts] of bins) {
    const since = isoDay(first + bin * binDays);
    const until = isoDay(first + bin * binDays + binDays - 1);
    const n = total(counts);
    const group = svg("g", { class: "bar", "data-since": since, "data-until": until, "data-events": n });
    group.append(svg("title", {}, `${binDays === 1 ? since : `${since} to ${until}`}: ${n} event${n === 1 ? "" : "s"}${
      QUAD_CLASSES.filter((q) => counts[q.key]).map((q) => `\n${q.label}: ${counts[q.key]}`).join("")}`));
    let top = MARGIN.top + plotH;
    for (const quad of QUAD_CLASSES) {
      if (!counts[quad.key]) continue;
      top -= y(counts[quad.key]);
      group.append(svg("rect", {
        x: MARGIN.left + bin * slot + (slot - barW) / 2, y: top, width: barW, height: y(counts[quad.key]),
        fill: quad.colour,
      }));
    }
    group.addEventListener("click", () => onPickRange(since, until));
    bars.push(group);
  }
  const axis = ticks(first, last, plotW).map((tick) => svg("g", {},
    svg("line", { x1: xDay(tick.day), x2: xDay(tick.day), y1: MARGIN.top + plotH, y2: MARGIN.top + plotH + 4, stroke: "#777" }),
    svg("text", { x: xDay(tick.day), y: HEIGHT - 6, "text-anchor": "middle" }, tick.label)));
  const chart = svg("svg", {
    width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img",
    "aria-label": `Events per ${unit} from ${isoDay(first)} to ${isoDay(last)}, at most ${peak} per bar`,
  },
  svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: MARGIN.top + plotH, y2: MARGIN.top + plotH, stroke: "#777" }),
  svg("text", { x: MARGIN.left - 6, y: MARGIN.top + 10, "text-anchor": "end" }, String(peak)),
  svg("text", { x: MARGIN.left - 6, y: MARGIN.top + plotH, "text-anchor": "end" }, "0"),
  ...axis, ...bars);
  root.replaceChildren(el("div", { class: "timeline-unit" }, legend, el("span", { class: "hint" },
    `one bar per ${unit}; click a bar to filter on its dates`)), chart);
}
