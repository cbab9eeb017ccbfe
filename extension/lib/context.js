// Page context (selection, title, URL) handed from the service worker or the page to the panel, and the exact
// subset of it that a question carries. The panel previews the output of buildRequestContext, so what the user
// sees is what is sent.

// chrome.storage.session key the service worker writes when "Ask Finlens about selection" is clicked.
export const PENDING_CONTEXT_KEY = 'finlens.pendingContext';
// The backend's limits (AskCommand); a request over them would be refused as a whole.
export const MAX_SELECTION = 8_000;
export const MAX_TITLE = 500;
export const MAX_URL = 2_000;
export const CONTEXT_FIELDS = Object.freeze(['selection', 'title', 'url']);

/** An http(s) address within the backend's limit, or '' (chrome://, file: and overlong addresses are not offered). */
function webUrl(value) {
  if (value.length > MAX_URL) return '';
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:' ? value : '';
  } catch {
    return '';
  }
}

/** Keeps only string fields, trims them, and caps them like the backend does. */
export function normaliseContext(raw) {
  const text = (value) => (typeof value === 'string' ? value.trim() : '');
  const selection = text(raw?.selection);
  return {
    selection: selection.slice(0, MAX_SELECTION),
    selectionTruncated: selection.length > MAX_SELECTION,
    title: text(raw?.title).slice(0, MAX_TITLE),
    url: webUrl(text(raw?.url)),
  };
}

/**
 * The context object for POST .../messages: only ticked, non-empty fields; undefined when nothing is left, so the
 * request then has no "context" member at all.
 */
export function buildRequestContext(context, ticked) {
  const result = {};
  for (const field of CONTEXT_FIELDS) {
    if (ticked[field] && context[field]) result[field] = context[field];
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
