// The event table: one server page at a time (limit/offset), sorted by the server, so a
// database of millions of events costs the browser no more than its 50 visible rows.

import { el, fmtNumber } from "./dom.js";
import { PAGE_SIZE } from "./state.js";

const COLUMNS = [
  { key: "date", label: "Date", sort: "date", value: (e) => e.date || "" },
  { key: "type", label: "Type", sort: "type", value: (e) => e.type },
  { key: "status", label: "Status", value: (e) => e.status },
  { key: "actor", label: "Actor", value: (e) => e.actor_name || e.actor_text || "" },
  { key: "recipient", label: "Recipient", value: (e) => e.recipient_name || e.recipient_text || "" },
  { key: "country", label: "Country", sort: "country", value: (e) => e.location_country || "" },
  { key: "killed", label: "Killed", sort: "killed", numeric: true, value: (e) => fmtNumber(e.killed) },
  { key: "confidence", label: "Conf.", sort: "confidence", numeric: true,
    value: (e) => (e.confidence === null ? "" : e.confidence.toFixed(2)) },
  { key: "evidence", label: "Evidence", value: (e) => e.evidence || "" },
];

export class EventTable {
  constructor(root, { onSort, onPage, onOpen }) {
    this.table = root.querySelector("table");
    this.body = this.table.querySelector("tbody");
    this.count = root.querySelector("#table-count");
    this.prev = root.querySelector("#page-prev");
    this.next = root.querySelector("#page-next");
    this.info = root.querySelector("#page-info");
    this.onOpen = onOpen;
    this.page = { total: 0, offset: 0, limit: PAGE_SIZE };
    this.headers = COLUMNS.map((column) => this.header(column, onSort));
    this.table.querySelector("thead tr").append(...this.headers);
    this.prev.addEventListener("click", () => onPage(Math.max(0, this.page.offset - this.page.limit)));
    this.next.addEventListener("click", () => onPage(this.page.offset + this.page.limit));
    this.body.addEventListener("click", (event) => this.open(event.target.closest("tr")));
    this.body.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.open(event.target.closest("tr"));
      }
    });
  }

  header(column, onSort) {
    const th = el("th", { scope: "col", class: column.numeric ? "num" : null, dataset: { key: column.key } });
    if (!column.sort) {
      th.textContent = column.label;
      return th;
    }
    th.append(el("button", {
      type: "button",
      onclick: () => onSort(this.sort === `-${column.sort}` ? column.sort : `-${column.sort}`),
    }, column.label, el("span", { class: "arrow", "aria-hidden": "true" })));
    return th;
  }

  open(row) {
    if (row && row.dataset.id) this.onOpen(row.dataset.id);
  }

  /** Show one page of the API's answer; `selected` is the open event's id. */
  render(page, sort, selected) {
    this.page = page;
    this.sort = sort;
    for (const [i, column] of COLUMNS.entries()) {
      const th = this.headers[i];
      const state = !column.sort ? null
        : sort === column.sort ? "ascending" : sort === `-${column.sort}` ? "descending" : "none";
      if (state) th.setAttribute("aria-sort", state);
      const arrow = th.querySelector(".arrow");
      if (arrow) arrow.textContent = state === "ascending" ? " ▲" : state === "descending" ? " ▼" : "";
    }
    this.body.replaceChildren(...page.events.map((event) => this.row(event)));
    if (!page.events.length) {
      this.body.append(el("tr", {}, el("td", { colspan: COLUMNS.length, class: "empty" },
        "No events match these filters.")));
    }
    this.select(selected);
    const first = page.total ? page.offset + 1 : 0;
    const last = page.offset + page.events.length;
    this.count.textContent = `${fmtNumber(page.total)} matching`;
    this.info.textContent = `${fmtNumber(first)}–${fmtNumber(last)} of ${fmtNumber(page.total)}`;
    this.prev.disabled = page.offset <= 0;
    this.next.disabled = last >= page.total;
  }

  row(event) {
    const label = `${event.type} ${event.date || "undated"}: open its article`;
    return el("tr", { tabindex: 0, dataset: { id: event.id }, "aria-label": label },
      COLUMNS.map((column) => {
        const text = column.value(event);
        return el("td", {
          class: [column.numeric ? "num" : "", column.key].join(" ").trim(),
          title: column.key === "evidence" ? text : null,
        }, text);
      }));
  }

  select(id) {
    for (const row of this.body.rows) {
      const on = Boolean(id) && row.dataset.id === id;
      row.classList.toggle("selected", on);
      if (on) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
  }
}
