import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import DOMPurify from '../lib/vendor/purify.es.mjs';
import { Marked } from '../lib/vendor/marked.esm.js';
import { companiesFromMentions } from '../lib/mentions.js';
import { createRenderer } from '../lib/render.js';
import { renderChips } from '../sidepanel/chips.js';
import { loadGetMessage } from './chrome-stub.js';
import { recorded } from './fake-backend.js';

test('chips of the recorded mention lookup mark the watched company, and a click chooses that company', () => {
  const { window } = new JSDOM('<!doctype html><div id="chips"></div>');
  globalThis.document = window.document;
  try {
    const renderer = createRenderer({ createDOMPurify: DOMPurify, window, Marked });
    const container = window.document.getElementById('chips');
    const chosen = [];
    const companies = companiesFromMentions(recorded('mentions').body.mentions);
    renderChips(container, companies, new Set(['005930']), { t: loadGetMessage('ko'), renderer, onChoose: (c) => chosen.push(c.krxCode) });

    const chips = [...container.querySelectorAll('.chip')];
    assert.deepEqual(chips.map((chip) => chip.dataset.watched ?? ''), ['true', '']);
    assert.equal(chips[0].querySelector('.chip-marker').textContent, '관심 기업');
    assert.equal(chips[1].querySelector('.chip-marker'), null);
    chips[1].click();
    assert.deepEqual(chosen, ['005380']);
  } finally {
    delete globalThis.document;
  }
});
