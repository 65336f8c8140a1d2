// JSON requests to the tacitus HTTP API. Each view asks through its own `latest()` channel,
// which aborts the view's previous request: a slow answer to an old filter can never
// overwrite the answer to the current one.

export class ApiError extends Error {
  constructor(message, code, status) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
  }
}

export async function getJSON(path, query = "", signal = undefined) {
  const url = query ? `${path}?${query}` : path;
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : {};
    throw new ApiError(error.message || `${url}: HTTP ${response.status}`, error.code || "http", response.status);
  }
  return body;
}

/** A request function that cancels the request it made before. */
export function latest() {
  let controller = null;
  return (path, query) => {
    if (controller) controller.abort();
    controller = new AbortController();
    return getJSON(path, query, controller.signal);
  };
}

export function isAbort(error) {
  return error && error.name === "AbortError";
}
