// Loads the unpacked extension into real Chromium and drives the side panel against a fake backend on 127.0.0.1.
// Google sign-in cannot run headless here, so the test stores tokens directly; the backend side of sign-in is
// tested in the backend with a real OIDC server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { EXTENSION_ID } from './chrome-stub.js';
import { ACCESS_TOKEN, REFRESH_TOKEN, sseEvent, startFakeBackend, storedMessages } from './fake-backend.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package for the extension smoke test`);
}
const skip = available ? false : `${CHROMIUM} not found: install chromium to run the browser smoke test`;

const PAGE = {
  selection: '삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다.',
  title: '삼성전자 3분기 실적 - Example News',
  url: 'https://news.example.com/articles/42?ref=home',
};

let context;
let profileDir;
let backend;
let panel;
const pageErrors = [];
const cspViolations = [];

before(async () => {
  if (skip) return;
  backend = await startFakeBackend(`chrome-extension://${EXTENSION_ID}`);
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'finlens-ext-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  assert.equal(new URL(worker.url()).host, EXTENSION_ID, 'the pinned key gives the documented id');

  // What a signed-in user who picked "Ask Finlens about selection" on a news page would have in storage.
  await worker.evaluate(
    async ({ apiBase, accessToken, refreshToken, page }) => {
      await chrome.storage.sync.set({ 'finlens.settings': { version: 1, apiBase } });
      await chrome.storage.local.set({
        'finlens.auth': { accessToken, refreshToken, expiresAt: Date.now() + 3_600_000 },
      });
      await chrome.storage.session.set({ 'finlens.pendingContext': { ...page, capturedAt: Date.now() } });
    },
    { apiBase: backend.baseUrl, accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN, page: PAGE },
  );

  panel = await context.newPage();
  panel.on('pageerror', (error) => pageErrors.push(error.message));
  panel.on('console', (message) => {
    // DOMPurify parses dirty markup in an inert DOMParser document; Chromium reports the inline handlers it sees
    // there as CSP violations although nothing can run. Any other report means the panel itself broke the CSP.
    const fromSanitiser = message.location().url.endsWith('/lib/vendor/purify.es.mjs');
    if (/Content Security Policy/i.test(message.text()) && !fromSanitiser) cspViolations.push(message.text());
  });
  await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel/index.html`);
  await panel.locator('#signed-in-view').waitFor({ state: 'visible' });
});

after(async () => {
  await context?.close();
  await backend?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

const messageRequests = () => backend.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path));

test('the preview shows the page context verbatim, and the question carries exactly the ticked fields', { skip }, async () => {
  assert.equal(await panel.locator('#ctx-selection-value').textContent(), PAGE.selection);
  assert.equal(await panel.locator('#ctx-title-value').textContent(), PAGE.title);
  assert.equal(await panel.locator('#ctx-url-value').textContent(), PAGE.url);
  assert.equal(await panel.locator('#usage').textContent(), '47 of 50 questions left today');

  const firstChunkSeen = backend.deferred();
  backend.scriptAnswer(async ({ send }) => {
    send(': ping\n\n');
    send(sseEvent('step', { name: 'resolve', label: 'Finding companies', status: 'started' }));
    // The second token event is cut in the middle of its name: the panel must wait for the rest.
    send(`${sseEvent('token', { text: '삼성전자의 3분기 ' })}event: tok`);
    await firstChunkSeen.promise;
    send(
      `en\r\ndata: ${JSON.stringify({ text: '영업이익은 **9.2조 원**입니다. <img src=x onerror="window.__pwned=1"> [위험](javascript:window.__pwned=2) [S1]' })}\r\n\r\n`,
    );
    send(sseEvent('step', { name: 'resolve', label: 'Finding companies', status: 'done' }));
    send(sseEvent('sources', { sources: [{ id: 'S1', title: '분기보고서 (2026.09)', system: 'Open DART', url: 'https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20261114000123', asOf: '2026-11-14' }] }));
    send(sseEvent('number-check', { flags: ['9.2조 원'] }));
    send(sseEvent('done', { messageId: 'm1', status: 'complete', flags: ['9.2조 원'] }));
  });

  await panel.locator('#ctx-title').uncheck();
  await panel.locator('#question').fill('영업이익은 얼마인가요?');
  await panel.locator('#ask').click();

  // Tokens appear as they arrive: the first is on screen while the rest is still held back by the server.
  const answer = panel.locator('.message.assistant').last();
  await answer.locator('.content', { hasText: '삼성전자의 3분기' }).waitFor();
  assert.doesNotMatch(await answer.locator('.content').textContent(), /영업이익/);
  assert.equal(await panel.locator('#stop').isVisible(), true);
  firstChunkSeen.resolve();
  await panel.locator('.message.assistant[data-status="complete"]').waitFor();

  const [request] = messageRequests();
  assert.equal(request.headers.authorization, `Bearer ${ACCESS_TOKEN}`);
  assert.deepEqual(request.body, {
    content: '영업이익은 얼마인가요?',
    context: { selection: PAGE.selection, url: PAGE.url },
  });
  assert.equal(await panel.locator('#context-preview').isVisible(), false, 'context is sent once, not kept for the next question');

  assert.match(await answer.locator('.content').textContent(), /영업이익은 9\.2조 원입니다/);
  assert.equal(await answer.locator('.content strong').textContent(), '9.2조 원');
  assert.equal(await answer.locator('.steps li').textContent(), 'Finding companies');
  assert.equal(await answer.locator('.steps li').getAttribute('data-status'), 'done');
  assert.match(await answer.locator('.flags').textContent(), /9\.2조 원/);

  const source = answer.locator('.sources a');
  assert.equal(await source.getAttribute('href'), 'https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20261114000123');
  assert.equal(await source.getAttribute('target'), '_blank');
  assert.equal(await source.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await source.textContent(), '[S1] 분기보고서 (2026.09)');
  assert.match(await answer.locator('.source-meta').textContent(), /Open DART · 2026-11-14/);
});

test('malicious model output is neither rendered as markup nor executed', { skip }, async () => {
  const answer = panel.locator('.message.assistant').first();
  assert.equal(await panel.locator('#thread img').count(), 0);
  assert.equal(await answer.locator('.content a', { hasText: '위험' }).getAttribute('href'), null);
  assert.equal(await panel.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(cspViolations, [], 'the panel needs no inline script, style or remote resource');
});

test('Stop aborts the streaming request and keeps the partial answer marked as stopped', { skip }, async () => {
  backend.scriptAnswer(async ({ send, request }) => {
    send(sseEvent('token', { text: '부분 답변' }));
    await request.closed; // holds the stream open until the client goes away
  });
  await panel.locator('#question').fill('그리고 매출은?');
  await panel.locator('#ask').click();
  const answer = panel.locator('.message.assistant').last();
  await answer.locator('.content', { hasText: '부분 답변' }).waitFor();

  await panel.locator('#stop').click();
  const request = messageRequests()[1];
  assert.equal(await request.closed, true, 'the server saw the client close the request');
  await panel.locator('.message.assistant[data-status="cancelled"]').waitFor();
  assert.equal(await answer.locator('.message-status').textContent(), 'Stopped. The partial answer is kept.');
  assert.equal(request.body.context, undefined);
  assert.equal(await panel.locator('#ask').isVisible(), true);
  assert.equal(await panel.locator('#stop').isVisible(), false);
});

test('an ambiguous company is offered as buttons that re-ask with the chosen company', { skip }, async () => {
  backend.scriptAnswer(async ({ send }) => {
    send(sseEvent('choose-company', {
      question: '현대 주가는?',
      candidates: [
        { krxCode: '005380', name: '현대차', market: 'KOSPI' },
        { krxCode: '000720', name: '현대건설', market: 'KOSPI' },
      ],
    }));
    send(sseEvent('done', { messageId: 'm3', status: 'complete', flags: [] }));
  });
  backend.scriptAnswer(async ({ send }) => {
    send(sseEvent('error', { type: 'quota-exceeded', title: 'Daily quota used up', detail: 'Try again tomorrow.' }));
  });
  await panel.locator('#question').fill('현대 주가는?');
  await panel.locator('#ask').click();
  await panel.locator('.choice', { hasText: '현대건설' }).click();

  await panel.locator('.message.assistant[data-status="failed"]').waitFor();
  assert.equal(messageRequests()[3].body.content, '현대 주가는? (현대건설, 000720)');
  assert.equal(await panel.locator('.message.assistant').last().locator('.message-status').textContent(), 'Daily quota used up Try again tomorrow.');
  assert.equal(await panel.locator('#conversation-list .conversation').first().textContent(), '영업이익은 얼마인가요?');
});

test('an answer whose stream ends without "done" is marked as not completed', { skip }, async () => {
  backend.scriptAnswer(async ({ send }) => {
    send(sseEvent('token', { text: '중간에 끊긴 답변' }));
  });
  const earlierAnswers = await panel.locator('.message.assistant').count();
  await panel.locator('#question').fill('끊겨도 괜찮나요?');
  await panel.locator('#ask').click();
  const answer = panel.locator('.message.assistant').nth(earlierAnswers);
  await answer.and(panel.locator('[data-status="failed"]')).waitFor();
  assert.equal((await answer.locator('.content').textContent()).trim(), '중간에 끊긴 답변');
  assert.equal(await answer.locator('.message-status').textContent(), 'The answer could not be completed.');
  assert.equal(await answer.getAttribute('aria-busy'), null);
});

test('opening a conversation from the history shows its stored messages, sanitised, with sources and flags', { skip }, async () => {
  await panel.locator('#history summary').click();
  await panel.locator('#conversation-list .conversation').first().click();
  await panel.locator('.message.user', { hasText: storedMessages[0].content }).waitFor();
  assert.equal(await panel.locator('.message').count(), 2);
  const answer = panel.locator('.message.assistant');
  assert.equal(await answer.locator('.content strong').textContent(), '단일판매ㆍ공급계약체결');
  assert.equal(await answer.locator('.sources a').getAttribute('href'), storedMessages[1].sources[0].url);
  assert.match(await answer.locator('.flags').textContent(), /3\.1조 원/);
  assert.equal(await panel.locator('#thread img').count(), 0);
  assert.equal(await panel.evaluate(() => window.__pwned), undefined);
});

test('the options page refuses a plain-http remote server and shows the id and redirect needed for sign-in', { skip }, async () => {
  const options = await context.newPage();
  options.on('pageerror', (error) => pageErrors.push(error.message));
  await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
  assert.equal(await options.locator('#api-base').inputValue(), backend.baseUrl);
  assert.equal(await options.locator('#extension-id').textContent(), EXTENSION_ID);
  assert.equal(await options.locator('#redirect-url').textContent(), `https://${EXTENSION_ID}.chromiumapp.org/oauth`);

  await options.locator('#api-base').fill('http://finlens.example.com');
  await options.locator('button[type="submit"]').click();
  await options.locator('#options-status', { hasText: 'Use https://' }).waitFor();
  const stored = await options.evaluate(() => chrome.storage.sync.get('finlens.settings'));
  assert.equal(stored['finlens.settings'].apiBase, backend.baseUrl);
  assert.deepEqual(pageErrors, []);
  await options.close();
});

test('a rejected access token is refreshed once and the rotated refresh token stored; a spent one signs out', { skip }, async () => {
  const readAuth = () => panel.evaluate(async () => (await chrome.storage.local.get('finlens.auth'))['finlens.auth']);
  const setAuth = (auth) => panel.evaluate((value) => chrome.storage.local.set({ 'finlens.auth': value }), auth);
  const expiresAt = Date.now() + 3_600_000;

  await setAuth({ accessToken: 'stale-access-token', refreshToken: REFRESH_TOKEN, expiresAt });
  const before = backend.requests.length;
  await panel.locator('#new-conversation').evaluate((button) => button.click());
  await panel.locator('#question').fill('다시 로그인해야 하나요?');
  backend.scriptAnswer(async ({ send }) => send(sseEvent('done', { messageId: 'm9', status: 'complete', flags: [] })));
  await panel.locator('#ask').click();
  await panel.locator('.message.assistant[data-status="complete"]').waitFor();
  const paths = backend.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`.trim());
  assert.deepEqual(paths.slice(0, 3), [
    'POST /api/v1/conversations Bearer stale-access-token',
    'POST /auth/extension/token',
    `POST /api/v1/conversations Bearer ${ACCESS_TOKEN}`,
  ]);
  const rotated = await readAuth();
  assert.equal(rotated.accessToken, ACCESS_TOKEN);
  assert.notEqual(rotated.refreshToken, REFRESH_TOKEN);

  // The old refresh token was spent by the rotation: using it again means the session is over.
  await setAuth({ accessToken: 'stale-access-token', refreshToken: REFRESH_TOKEN, expiresAt });
  await panel.locator('#history summary').click();
  await panel.locator('#conversation-list .conversation').first().click();
  await panel.locator('#signed-out-view').waitFor({ state: 'visible' });
  assert.equal(await readAuth(), undefined);
  assert.equal(await panel.locator('#sign-in').isVisible(), true);
});

test('the page extractor returns the selection, title, address and only the visible text, capped', { skip }, async () => {
  const article = await context.newPage();
  await article.goto(`${backend.baseUrl}/article.html`);
  await article.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('lead'));
    window.getSelection().addRange(range);
  });
  const extracted = await article.evaluate(readFileSync(path.join(EXTENSION_DIR, 'scripts/extract-page.js'), 'utf8'));
  await article.close();
  assert.equal(extracted.selection, '삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다.');
  assert.equal(extracted.title, '삼성전자 실적 기사');
  assert.equal(extracted.url, `${backend.baseUrl}/article.html`);
  assert.match(extracted.text, /^삼성전자, 3분기 영업이익 9\.2조 원\n/);
  assert.doesNotMatch(extracted.text, /숨겨진|스크립트/);
  assert.equal(extracted.text.length, 20_000);
});
