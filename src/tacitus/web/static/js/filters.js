// The filter bar: shows the URL's filters and turns edits into new filters. It applies on
// every change (and on Enter), after the browser's own validation of each field.

import { STATUSES, TYPES } from "./vocab.js";
import { FILTER_KEYS } from "./state.js";
import { el } from "./dom.js";

export function setupFilters(form, onApply) {
  fillOptions(form.elements.type, TYPES);
  fillOptions(form.elements.status, STATUSES);
  const apply = (event) => {
    event.preventDefault();
    if (form.reportValidity()) onApply(readForm(form));
  };
  form.addEventListener("submit", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    onApply({});
  });
}

/** Put the filters into the form, adding an option for a URL value the lists lack. */
export function showFilters(form, filters) {
  for (const key of FILTER_KEYS) {
    const field = form.elements[key];
    const value = filters[key] || "";
    if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
      field.append(el("option", { value }, value));
    }
    field.value = value;
  }
}

function readForm(form) {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = form.elements[key].value.trim();
    if (value) filters[key] = key === "country" ? value.toUpperCase().replace(/\s+/g, "") : value;
  }
  return filters;
}

function fillOptions(select, values) {
  for (const value of values) select.append(el("option", { value }, value));
}
