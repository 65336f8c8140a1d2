// The article view: the full text with every event's evidence marked, the open event's
// marks emphasised, and the event's coded fields and provenance beside it, so that a reader
// can check each code against the sentence that produced it.

import { el, fmtNumber, safeLink } from "./dom.js";

/**
 * Character offsets from the API count Unicode code points (Python strings); JavaScript
 * strings count UTF-16 units. Map one to the other when the text has astral characters.
 */
function offsetMapper(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const units = [0];
  for (const char of text) units.push(units[units.length - 1] + char.length);
  return (offset) => units[Math.max(0, Math.min(offset, units.length - 1))];
}

/**
 * Split the text at every span boundary and wrap each piece in nested marks, one per event
 * whose evidence covers it (outermost = earliest, longest span), with quotes marked inside.
 * Evidence spans are sentences, so nesting keeps each event's sentence in one `mark`.
 */
export function markedText(text, events, quotes, selected) {
  const unit = offsetMapper(text);
  const spans = [];
  for (const event of events) {
    for (const span of event.evidence_spans || []) {
      spans.push({ event, start: unit(span.start_char), end: unit(span.end_char) });
    }
  }
  const quoteSpans = quotes.map((quote) => ({ quote, start: unit(quote.start_char), end: unit(quote.end_char) }));
  const valid = (s) => s.start >= 0 && s.end <= text.length && s.start < s.end;
  const eventSpans = spans.filter(valid).sort((a, b) => a.start - b.start || b.end - a.end);
  const cuts = new Set([0, text.length]);
  for (const span of eventSpans) cuts.add(span.start).add(span.end);
  const bounds = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    let node = withQuotes(text, start, end, quoteSpans.filter(valid));
    const covering = eventSpans.filter((s) => s.start <= start && s.end >= end);
    for (const span of covering.reverse()) node = eventMark(span.event, selected, node);
    out.push(node);
  }
  return out;
}

function eventMark(event, selected, child) {
  const who = [event.actor_name, event.recipient_name].filter(Boolean).join(" → ");
  return el("mark", {
    class: event.id === selected ? "evidence current" : "evidence",
    dataset: { event: event.id },
    title: `${event.type} (${event.status})${who ? `: ${who}` : ""}, ${event.date || "undated"}`,
  }, child);
}

function withQuotes(text, start, end, quotes) {
  const inside = quotes.filter((q) => q.start < end && q.end > start);
  if (!inside.length) return document.createTextNode(text.slice(start, end));
  const cuts = new Set([start, end]);
  for (const q of inside) cuts.add(Math.max(start, q.start)).add(Math.min(end, q.end));
  const bounds = [...cuts].sort((a, b) => a - b);
  const piece = document.createDocumentFragment();
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const quote = inside.find((q) => q.start <= a && q.end >= b);
    const words = text.slice(a, b);
    piece.append(quote ? el("span", {
      class: quote.quote.direct ? "quote direct" : "quote",
      dataset: { quote: quote.quote.id },
      title: `${quote.quote.direct ? "Quote" : "Reported speech"}${speakerName(quote.quote) ? ` by ${speakerName(quote.quote)}` : ""}`,
    }, words) : document.createTextNode(words));
  }
  return piece;
}

function speakerName(quote) {
  const speaker = quote.speaker;
  if (!speaker) return "";
  return typeof speaker === "string" ? speaker : speaker.name || speaker.text || "";
}

const FIELDS = [
  ["Type", (e) => [e.type, e.mode].filter(Boolean).join(" / ")],
  ["CAMEO", (e) => e.cameo],
  ["Goldstein", (e) => e.goldstein],
  ["QuadClass", (e) => e.quad_class],
  ["ACLED", (e) => [e.acled_event_type, e.acled_sub_event_type].filter(Boolean).join(" / ")],
  ["Status", (e) => e.status],
  ["Date", (e) => (e.date ? `${e.date}${e.date_precision ? ` (${e.date_precision})` : ""}` : "")],
  ["Actor", (e) => party(e.actor_name, e.actor_text, e.actor_id, e.actor_country)],
  ["Recipient", (e) => party(e.recipient_name, e.recipient_text, e.recipient_id, e.recipient_country)],
  ["Location", (e) => place(e)],
  ["Killed", (e) => toll(e.killed, e.toll_qualifier)],
  ["Injured", (e) => toll(e.injured, e.toll_qualifier)],
  ["According to", (e) => (e.attribution_source ? `${e.attribution_source}${e.attribution_hedged ? " (hedged)" : ""}` : "")],
  ["Confidence", (e) => (e.confidence === null ? "" : e.confidence.toFixed(2))],
  ["Context", (e) => (e.context || []).join(", ")],
  ["Incident", (e) => e.incident_id],
];

function party(name, text, id, country) {
  if (!name && !text) return "";
  const code = [id, country].filter(Boolean).join(", ");
  const shown = name || text;
  return `${shown}${text && text !== shown ? ` ("${text}")` : ""}${code ? ` [${code}]` : ""}`;
}

function place(e) {
  const name = e.location_name || e.location_text;
  if (!name) return "";
  const where = [e.location_admin1, e.location_country].filter(Boolean).join(", ");
  const at = e.location_lat === null || e.location_lat === undefined ? ""
    : ` @ ${e.location_lat.toFixed(3)}, ${e.location_lon.toFixed(3)}`;
  return `${name}${where ? ` (${where})` : ""}${at}${e.location_precision ? ` ${e.location_precision}` : ""}`;
}

function toll(value, qualifier) {
  if (value === null || value === undefined) return "";
  return `${fmtNumber(value)}${qualifier && qualifier !== "exact" ? ` (${qualifier})` : ""}`;
}

function fieldList(event) {
  const rows = [];
  for (const [label, get] of FIELDS) {
    const value = get(event);
    if (value === "" || value === null || value === undefined) continue;
    rows.push(el("dt", {}, label), el("dd", {}, String(value)));
  }
  return el("dl", { class: "fields" }, rows);
}

function provenanceTable(provenance) {
  const entries = Object.entries(provenance || {});
  if (!entries.length) return el("p", { class: "hint" }, "No provenance recorded.");
  return el("table", { class: "provenance" },
    el("caption", {}, "Which rule coded each field"),
    el("tbody", {}, entries.map(([field, rule]) => el("tr", {},
      el("th", { scope: "row" }, field),
      el("td", {}, typeof rule === "string" ? rule : JSON.stringify(rule))))));
}

/** Render an event and its article into `root`; returns the open event's first mark. */
export function renderArticle(root, event, article, { onOpen }) {
  const byline = [article.source, article.published].filter(Boolean).join(", ");
  const text = el("div", { class: "article-text", tabindex: 0, "aria-label": "Article text with evidence marked" },
    markedText(article.text || "", article.events || [], article.quotes || [], event.id));
  text.addEventListener("click", (click) => {
    const mark = click.target.closest("mark[data-event]");
    if (mark && mark.dataset.event !== event.id) onOpen(mark.dataset.event);
  });
  const side = el("aside", { class: "event-detail", "aria-label": "The open event" },
    el("h3", {}, `${event.type}${event.date ? `, ${event.date}` : ""}`),
    fieldList(event),
    el("h4", {}, "Evidence"),
    el("ul", { class: "evidence-list" }, (event.evidence_spans || []).map((span) => el("li", {}, span.text))),
    el("h4", {}, "Provenance"),
    provenanceTable(event.provenance));
  root.replaceChildren(
    el("header", { class: "article-head" },
      el("h3", { class: article.title ? null : "untitled" },
        article.url ? safeLink(article.url, article.title || "Untitled report") : article.title || "Untitled report"),
      byline ? el("p", { class: "byline" }, byline) : null,
      el("p", { class: "legend" },
        el("mark", { class: "evidence" }, "evidence of an event"), " ",
        el("mark", { class: "evidence current" }, "the open event"), " ",
        el("span", { class: "quote" }, "quoted or reported speech"))),
    el("div", { class: "article-body" }, text, side));
  const current = text.querySelector(`mark[data-event="${CSS.escape(event.id)}"]`);
  if (current) {
    // Scroll the text box only, not the page: the table stays where the reader clicked.
    text.scrollTop = Math.max(0, current.offsetTop - text.clientHeight / 3);
  }
  return current;
}
