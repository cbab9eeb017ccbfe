// The one capture pipeline for everything read from a page (selection, title, address, visible text): normalise and
// cap each field, split it into plain text and redactions (lib/redact.js), and build what is sent from exactly the
// state the panel previews. Nothing read from a page reaches the network by any other path.
import { joinParts, redactionParts } from './redact.js';

// chrome.storage.session key the service worker writes when "Ask Finlens about selection" is clicked.
export const PENDING_CONTEXT_KEY = 'finlens.pendingContext';
// The backend's limits (AskCommand, company mentions); a request over them would be refused as a whole.
export const MAX_SELECTION = 8_000;
export const MAX_TITLE = 500;
export const MAX_URL = 2_000;
export const MAX_PAGE_TEXT = 20_000;
export const CONTEXT_FIELDS = Object.freeze(['selection', 'title', 'url']);

/** An http(s) address within the backend's limit, or null (chrome://, file: and overlong addresses are not offered). */
function webUrl(value) {
  if (value.length > MAX_URL) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The page address in both forms: `short` without query and fragment (what is offered by default, since queries
 * carry session ids and tracking), and `full` as the page had it, sent only when the user picks it.
 */
export function pageAddress(raw) {
  const url = webUrl(raw);
  if (!url) return { short: '', full: '' };
  return { short: `${url.origin}${url.pathname}`, full: url.href };
}

const text = (value) => (typeof value === 'string' ? value.trim() : '');

/**
 * A captured page context: each field as redaction parts (see redactionParts), ready for the preview.
 * { selection, title, url, fullUrl: parts[], selectionTruncated: boolean }
 */
export function captureContext(raw) {
  const selection = text(raw?.selection);
  const address = pageAddress(text(raw?.url));
  return {
    selection: redactionParts(selection.slice(0, MAX_SELECTION)),
    selectionTruncated: selection.length > MAX_SELECTION,
    title: redactionParts(text(raw?.title).slice(0, MAX_TITLE)),
    url: redactionParts(address.short),
    fullUrl: address.full === address.short ? [] : redactionParts(address.full),
  };
}

/** The visible page text for the company finder, capped like the backend, as redaction parts. */
export function capturePageText(raw) {
  return redactionParts(text(raw).slice(0, MAX_PAGE_TEXT));
}

/**
 * The context object for POST .../messages from what the preview shows: choices = { [field]: { ticked, restored } }
 * plus fullUrl (true to send the address with its query). Only ticked, non-empty fields; undefined when nothing is
 * left, so the request then has no "context" member at all.
 */
export function buildRequestContext(captured, choices) {
  const result = {};
  for (const field of CONTEXT_FIELDS) {
    const choice = choices[field] ?? {};
    const parts = field === 'url' && choices.fullUrl && captured.fullUrl.length > 0 ? captured.fullUrl : captured[field];
    const value = joinParts(parts, choice.restored);
    if (choice.ticked && value) result[field] = value;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
