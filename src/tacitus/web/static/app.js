// The tacitus page: wires the filter bar, event table, article view, timeline, map and actor
// network to one state kept in the URL. A change of state pushes a history entry and reloads
// only the views that depend on what changed; back and forward replay the same path.

import { getJSON, isAbort, latest } from "./js/api.js";
import { renderArticle } from "./js/article.js";
import { setupFilters, showFilters } from "./js/filters.js";
import { EventMap } from "./js/map.js";
import { ActorNetwork } from "./js/network.js";
import { apiQuery, PAGE_SIZE, readState, sameFilters, writeState } from "./js/state.js";
import { EventTable } from "./js/table.js";
import { renderTimeline } from "./js/timeline.js";
import { el } from "./js/dom.js";

const $ = (selector) => document.querySelector(selector);
const requests = { table: latest(), timeline: latest(), map: latest(), network: latest(), article: latest() };
const errors = new Map();
let state = null; // the state on show; null until the first apply()

function report(view, error) {
  if (error) errors.set(view, error.message);
  else errors.delete(view);
  const box = $("#error");
  box.hidden = errors.size === 0;
  box.textContent = [...new Set(errors.values())].join(" · ");
}

async function load(view, path, query, show) {
  try {
    const data = await requests[view](path, query);
    await show(data);
    report(view, null);
  } catch (error) {
    if (!isAbort(error)) report(view, error);
  }
}

/** Move to a new state: push it to the history and refresh what it changes. */
function go(changes) {
  const next = { ...state, ...changes };
  const url = writeState(next);
  // A field's change and the form's submit both arrive for one edit: one history entry.
  if (url === writeState(state)) return;
  history.pushState(null, "", url);
  apply(next);
}

function apply(next) {
  const previous = state;
  state = next;
  const first = previous === null;
  const filtersChanged = first || !sameFilters(previous.filters, next.filters);
  if (filtersChanged) {
    showFilters($("#filters"), next.filters);
    refreshTimeline();
    refreshMap(true);
    refreshNetwork();
  }
  if (filtersChanged || previous.sort !== next.sort || previous.offset !== next.offset) refreshTable();
  if (first || previous.event !== next.event) {
    refreshArticle();
    table.select(next.event);
    eventMap.highlight(next.event);
  }
}

function refreshTable() {
  const query = apiQuery(state.filters, { limit: PAGE_SIZE, offset: state.offset, sort: state.sort });
  $("#status").textContent = "Loading events…";
  return load("table", "api/events", query, (page) => {
    if (!page.events.length && state.offset > 0) {
      // A shared URL paged past the end of what matches now: show the first page instead.
      state = { ...state, offset: 0 };
      history.replaceState(null, "", writeState(state));
      return refreshTable();
    }
    table.render(page, state.sort, state.event);
    $("#status").textContent = `${page.total.toLocaleString("en")} events match.`;
  });
}

function refreshTimeline() {
  return load("timeline", "api/timeline", apiQuery(state.filters, { by: "quad_class" }),
    (data) => renderTimeline($("#timeline"), data, { onPickRange: (since, until) => go({
      filters: { ...state.filters, since, until }, offset: 0 }) }));
}

function refreshMap(fit) {
  return load("map", "api/map", apiQuery(state.filters), (data) => {
    eventMap.render(data.points, { fit, selected: state.event });
    const total = data.total ?? data.points.length;
    $("#map-note").textContent = total > data.points.length
      ? `(the ${data.points.length.toLocaleString("en")} deadliest of ${total.toLocaleString("en")} located events)` : "";
  });
}

function refreshNetwork() {
  return load("network", "api/actors", apiQuery(state.filters, { limit: 150 }), (graph) => network.render(graph));
}

function refreshArticle() {
  const root = $("#article");
  if (!state.event) {
    root.replaceChildren(el("p", { class: "hint" }, "Open an event to read its article with the evidence highlighted."));
    return Promise.resolve();
  }
  const id = state.event;
  return load("article", `api/events/${encodeURIComponent(id)}`, "", async (event) => {
    const article = await getJSON(`api/articles/${encodeURIComponent(event.article_id)}`);
    if (state.event === id) renderArticle(root, event, article, { onOpen: openEvent });
  });
}

function openEvent(id) {
  if (id !== state.event) go({ event: id });
}

const table = new EventTable($(".table-panel"), {
  onSort: (sort) => go({ sort, offset: 0 }),
  onPage: (offset) => go({ offset }),
  onOpen: openEvent,
});
const eventMap = new EventMap($("#map"), { onOpen: openEvent });
const network = new ActorNetwork($("#network"), {
  onPickActor: (actor) => go({ filters: { ...state.filters, actor }, offset: 0 }),
});
setupFilters($("#filters"), (filters) => go({ filters, offset: 0 }));
window.addEventListener("popstate", () => apply(readState(location.search)));

// Handles for tests and the browser console.
window.tacitus = { map: eventMap, network, get state() { return state; } };

apply(readState(location.search));
