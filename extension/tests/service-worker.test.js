import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PENDING_CONTEXT_KEY } from '../lib/context.js';
import { FEED_ALARM } from '../lib/feed.js';
import { createChromeStub } from './chrome-stub.js';

const chrome = createChromeStub();
globalThis.chrome = chrome;
globalThis.navigator ??= { locks: null }; // Node 20 has no navigator; nothing here refreshes a token
await import('../service-worker.js');

/** The hand-over reads the settings first: resolves once it has written to session storage. */
const handedOver = () => new Promise((resolve) => {
  const poll = () => (chrome.calls.some(([name]) => name === 'storage.session.set') ? resolve() : setImmediate(poll));
  poll();
});

const tab = { id: 7, windowId: 3, title: '삼성전자 3분기 실적', url: 'https://news.example.com/a' };

test('installing adds the ask and fact-check items for selected text, labelled from the locale', () => {
  chrome.runtime.onInstalled.dispatch({ reason: 'install' });
  assert.deepEqual(chrome.contextMenus.items, [
    { id: 'finlens-ask-selection', title: 'Ask Finlens about selection', contexts: ['selection'] },
    { id: 'finlens-check-claim', title: 'Fact-check with Finlens', contexts: ['selection'] },
  ]);
});

test('the worker keeps a periodic alarm for the disclosure feed poll', () => {
  const [alarm] = chrome.alarms.created;
  assert.equal(alarm.name, FEED_ALARM);
  assert.ok(alarm.periodInMinutes >= 0.5, 'no shorter than Chrome allows');
});

test('a poll while signed out sends nothing and leaves the badge empty', { timeout: 5_000 }, async () => {
  const state = await new Promise((resolve) => {
    const answered = chrome.runtime.onMessage.dispatch({ type: 'finlens.poll-feed' }, { id: chrome.runtime.id }, resolve);
    assert.equal(answered, undefined);
  });
  assert.equal(state, null);
  assert.equal(chrome.action.badge, '');
});

test('the toolbar icon opens the side panel', () => {
  assert.deepEqual(chrome.sidePanel.behavior, { openPanelOnActionClick: true });
});

test('the menu item opens the panel first, while the click still counts as a user gesture, then hands over the context', { timeout: 5_000 }, async () => {
  chrome.contextMenus.onClicked.dispatch(
    { menuItemId: 'finlens-ask-selection', selectionText: '영업이익 9.2조 원', pageUrl: 'https://news.example.com/a#top' },
    tab,
  );
  assert.deepEqual(chrome.calls.map(([name]) => name), ['sidePanel.open']);
  await handedOver();
  assert.deepEqual(chrome.calls.map(([name]) => name), ['sidePanel.open', 'storage.session.set']);
  assert.deepEqual(chrome.calls[0][1], { windowId: 3 });
  const handed = chrome.storage.session.peek(PENDING_CONTEXT_KEY);
  assert.equal(handed.selection, '영업이익 9.2조 원');
  assert.equal(handed.title, '삼성전자 3분기 실적');
  assert.equal(handed.url, 'https://news.example.com/a#top');
  assert.equal(handed.purpose, 'ask');
});

test('the fact-check item hands the selection over for a claim check, still to be previewed in the panel', { timeout: 5_000 }, async () => {
  chrome.calls.length = 0;
  chrome.contextMenus.onClicked.dispatch(
    { menuItemId: 'finlens-check-claim', selectionText: '삼성전자 2024년 영업이익은 50조원', pageUrl: 'https://news.example.com/b' },
    tab,
  );
  await handedOver();
  const handed = chrome.storage.session.peek(PENDING_CONTEXT_KEY);
  assert.equal(handed.purpose, 'claim-check');
  assert.equal(handed.selection, '삼성전자 2024년 영업이익은 50조원');
});

test('on a denied site the selection Chrome passes along is dropped, and the panel is only told the site is denied', { timeout: 5_000 }, async () => {
  chrome.calls.length = 0;
  chrome.contextMenus.onClicked.dispatch(
    { menuItemId: 'finlens-ask-selection', selectionText: '잔액 1,234,567원 계좌 110-123-456789', pageUrl: 'https://obank.kbstar.com/quics' },
    { ...tab, title: 'KB국민은행 조회' },
  );
  await handedOver();
  const handed = chrome.storage.session.peek(PENDING_CONTEXT_KEY);
  assert.equal(handed.deniedSite, 'kbstar.com');
  assert.deepEqual(Object.keys(handed).sort(), ['capturedAt', 'deniedSite']);
});

test('clicks on other menu items are ignored', () => {
  chrome.calls.length = 0;
  chrome.contextMenus.onClicked.dispatch({ menuItemId: 'something-else', selectionText: 'x' }, tab);
  assert.deepEqual(chrome.calls, []);
});
