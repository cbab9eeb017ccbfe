// Localized text for the page scripts: "{0}" patterns from data attributes, and the sentence a person reads for an
// API problem (the page's problem.<type> messages), never the backend's English detail.

/** "{0} …" message patterns from the page's data attributes, filled in order. */
export function format(pattern, ...args) {
  return String(pattern ?? '').replace(/\{(\d)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
}

/**
 * The localized sentence for a problem (RFC 9457 object or failed event): the message for its type (the last
 * segment of the type URI), else the generic one.
 */
export function problemMessage(problem, messages = {}) {
  const type = String(problem?.type ?? '').split('/').pop();
  return messages[type] || messages.generic || '';
}
