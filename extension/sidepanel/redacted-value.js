// Draws captured text with its redactions visible: each marker ([이메일], [전화번호], ...) is a button that puts the
// original back (and takes it out again), one item at a time. The text to send is joined from the same parts.
import { joinParts } from '../lib/redact.js';

export function createRedactedValue(element, { revealLabel, hideLabel }) {
  let parts = [];
  let restored = new Set();

  function paint() {
    let index = -1;
    element.replaceChildren(
      ...parts.map((part) => {
        if (part.text !== undefined) return document.createTextNode(part.text);
        index += 1;
        const item = index;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'redaction';
        button.dataset.kind = part.kind;
        const shown = restored.has(item);
        button.setAttribute('aria-pressed', String(shown));
        button.textContent = shown ? part.original : part.marker;
        button.title = shown ? hideLabel : revealLabel;
        button.addEventListener('click', () => {
          if (restored.has(item)) restored.delete(item);
          else restored.add(item);
          paint();
        });
        return button;
      }),
    );
  }

  return {
    show(nextParts) {
      parts = nextParts;
      restored = new Set();
      paint();
    },
    restored: () => new Set(restored),
    value: () => joinParts(parts, restored),
    isEmpty: () => parts.length === 0,
  };
}
