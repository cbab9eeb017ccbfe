// The preview of the page context a question will carry: each field with its own tick box and its redactions
// visible. The request is built from the same state (buildRequestContext), so the preview is exactly what is sent.
import { CONTEXT_FIELDS, buildRequestContext, captureContext } from '../lib/context.js';
import { createRedactedValue } from './redacted-value.js';

export function createContextPreview(root, labels) {
  const truncatedNote = root.querySelector('[data-context-truncated]');
  const fullUrlToggle = root.querySelector('[data-context-full-url]');
  const rows = Object.fromEntries(
    CONTEXT_FIELDS.map((field) => {
      const row = root.querySelector(`[data-context-field="${field}"]`);
      return [field, {
        row,
        toggle: row.querySelector('input[type="checkbox"]'),
        value: createRedactedValue(row.querySelector('.context-value'), labels),
      }];
    }),
  );
  let captured = null;

  function paint() {
    for (const field of CONTEXT_FIELDS) {
      const { row, toggle } = rows[field];
      row.classList.toggle('excluded', !toggle.checked);
    }
  }

  for (const field of CONTEXT_FIELDS) rows[field].toggle.addEventListener('change', paint);
  fullUrlToggle.addEventListener('change', () => {
    rows.url.value.show(fullUrlToggle.checked ? captured.fullUrl : captured.url);
  });

  return {
    /** Shows a newly captured page (raw fields as read); every non-empty field starts ticked, the short address. */
    show(raw) {
      captured = captureContext(raw);
      root.hidden = !CONTEXT_FIELDS.some((field) => captured[field].length > 0);
      for (const field of CONTEXT_FIELDS) {
        const { row, toggle, value } = rows[field];
        value.show(captured[field]);
        row.hidden = captured[field].length === 0;
        toggle.checked = captured[field].length > 0;
      }
      fullUrlToggle.checked = false;
      fullUrlToggle.closest('label').hidden = captured.fullUrl.length === 0;
      truncatedNote.hidden = !captured.selectionTruncated;
      paint();
    },

    clear() {
      captured = null;
      root.hidden = true;
    },

    /** The context object to send, or undefined. */
    requestContext() {
      if (!captured) return undefined;
      const choices = { fullUrl: fullUrlToggle.checked };
      for (const field of CONTEXT_FIELDS) {
        choices[field] = { ticked: rows[field].toggle.checked, restored: rows[field].value.restored() };
      }
      return buildRequestContext(captured, choices);
    },
  };
}
