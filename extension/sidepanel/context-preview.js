// The preview of the page context a question will carry: each field shown verbatim with its own tick box.
// The request is built from the same state (buildRequestContext), so the preview is exactly what is sent.
import { CONTEXT_FIELDS, buildRequestContext, normaliseContext } from '../lib/context.js';

export function createContextPreview(root) {
  const truncatedNote = root.querySelector('[data-context-truncated]');
  const rows = Object.fromEntries(
    CONTEXT_FIELDS.map((field) => {
      const row = root.querySelector(`[data-context-field="${field}"]`);
      return [field, { row, toggle: row.querySelector('input[type="checkbox"]'), value: row.querySelector('.context-value') }];
    }),
  );
  let context = null;

  function paint() {
    for (const field of CONTEXT_FIELDS) {
      const { row, toggle } = rows[field];
      row.classList.toggle('excluded', !toggle.checked);
    }
  }

  for (const field of CONTEXT_FIELDS) rows[field].toggle.addEventListener('change', paint);

  return {
    /** Shows a new context; every non-empty field starts ticked. */
    show(raw) {
      context = normaliseContext(raw);
      const hasAny = CONTEXT_FIELDS.some((field) => context[field]);
      root.hidden = !hasAny;
      for (const field of CONTEXT_FIELDS) {
        const { row, toggle, value } = rows[field];
        value.textContent = context[field];
        row.hidden = !context[field];
        toggle.checked = Boolean(context[field]);
      }
      truncatedNote.hidden = !context.selectionTruncated;
      paint();
    },

    clear() {
      context = null;
      root.hidden = true;
    },

    /** The context object to send, or undefined. */
    requestContext() {
      if (!context) return undefined;
      const ticked = Object.fromEntries(CONTEXT_FIELDS.map((field) => [field, rows[field].toggle.checked]));
      return buildRequestContext(context, ticked);
    },
  };
}
