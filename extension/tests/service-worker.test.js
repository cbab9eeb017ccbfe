import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PENDING_CONTEXT_KEY } from '../lib/context.js';
import { createChromeStub } from './chrome-stub.js';

const chrome = createChromeStub();
globalThis.chrome = chrome;
await import('../service-worker.js');

const tab = { id: 7, windowId: 3, title: '삼성전자 3분기 실적', url: 'https://news.example.com/a' };

test('installing adds one context menu item for selected text, labelled from the locale', () => {
  chrome.runtime.onInstalled.dispatch({ reason: 'install' });
  assert.deepEqual(chrome.contextMenus.items, [
    { id: 'finlens-ask-selection', title: 'Ask Finlens about selection', contexts: ['selection'] },
  ]);
});

test('the toolbar icon opens the side panel', () => {
  assert.deepEqual(chrome.sidePanel.behavior, { openPanelOnActionClick: true });
});

test('the menu item opens the panel first, while the click still counts as a user gesture, then hands over the context', async () => {
  chrome.contextMenus.onClicked.dispatch(
    { menuItemId: 'finlens-ask-selection', selectionText: '영업이익 9.2조 원', pageUrl: 'https://news.example.com/a#top' },
    tab,
  );
  assert.deepEqual(chrome.calls.map(([name]) => name), ['sidePanel.open', 'storage.session.set']);
  assert.deepEqual(chrome.calls[0][1], { windowId: 3 });
  const handed = chrome.storage.session.peek(PENDING_CONTEXT_KEY);
  assert.equal(handed.selection, '영업이익 9.2조 원');
  assert.equal(handed.title, '삼성전자 3분기 실적');
  assert.equal(handed.url, 'https://news.example.com/a#top');
});

test('clicks on other menu items are ignored', () => {
  chrome.calls.length = 0;
  chrome.contextMenus.onClicked.dispatch({ menuItemId: 'something-else', selectionText: 'x' }, tab);
  assert.deepEqual(chrome.calls, []);
});
