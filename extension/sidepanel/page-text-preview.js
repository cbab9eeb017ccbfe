// "Companies on this page": the visible page text goes to the company finder only after the user has seen it here,
// redacted like every other capture, and pressed Send.
import { capturePageText } from '../lib/context.js';
import { createRedactedValue } from './redacted-value.js';

export function createPageTextPreview(root, labels, onSend) {
  const value = createRedactedValue(root.querySelector('.context-value'), labels);
  root.querySelector('[data-page-text-send]').addEventListener('click', () => {
    const text = value.value();
    root.hidden = true;
    onSend(text);
  });
  root.querySelector('[data-page-text-cancel]').addEventListener('click', () => {
    root.hidden = true;
  });

  return {
    show(rawText) {
      value.show(capturePageText(rawText));
      root.hidden = false;
    },
    clear() {
      root.hidden = true;
    },
  };
}
