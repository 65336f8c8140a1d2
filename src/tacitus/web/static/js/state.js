// The page state lives in the URL query string, so that any view can be shared and the
// browser's back and forward buttons walk through it. Filter names are the API's own, so the
// filter part of the URL is passed to every /api call unchanged.

export const FILTER_KEYS = ["type", "country", "actor", "since", "until", "status", "min_confidence"];
export const SORTS = ["date", "type", "country", "killed", "confidence"];
export const DEFAULT_SORT = "-date";
export const PAGE_SIZE = 50;

/** The state a query string describes: filters, table sort and offset, the open event. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = (params.get(key) || "").trim();
    if (value) filters[key] = value;
  }
  const sort = params.get("sort") || DEFAULT_SORT;
  const offset = Number.parseInt(params.get("offset") || "0", 10);
  return {
    filters,
    sort: SORTS.includes(sort.replace(/^-/, "")) ? sort : DEFAULT_SORT,
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
    event: params.get("event") || null,
  };
}

/** The query string for a state, leaving out defaults so URLs stay short. */
export function writeState(state) {
  const params = new URLSearchParams(state.filters);
  if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.offset) params.set("offset", String(state.offset));
  if (state.event) params.set("event", state.event);
  const text = params.toString();
  return text ? `?${text}` : location.pathname;
}

/** API query parameters: the filters plus any extra ones (limit, sort, ...). */
export function apiQuery(filters, extra = {}) {
  return new URLSearchParams({ ...filters, ...extra }).toString();
}

export function sameFilters(a, b) {
  return FILTER_KEYS.every((key) => (a[key] || "") === (b[key] || ""));
}
