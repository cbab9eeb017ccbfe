// The side panel in real Chromium against the real backend jar (embedded defaults, no keys, bundled market and DART
// data, access tokens that live a few seconds), used as a new user would, in order: sign in through chrome.identity,
// see the quota, answer an ambiguous company, ask about a redacted selection, fact-check a selection, open two more
// panels once the access token has really expired, keep the deny list, lose the session while asking and get the
// question sent again after signing in, see the disclosure badge for a watched company and mark it read (the web
// shows it read), delete a conversation, sign out; then the packaged store zip, loaded as its own extension, signs in
// and answers against the same backend.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REFRESH_LOCK } from '../lib/auth.js';
import { buildPackage } from '../tools/package.js';
import { EXTENSION_ID } from './chrome-stub.js';
import { chromiumSkip, launchWithExtension, openSignedInPanel, signInThroughPanel, waitUntil } from './browser.js';
import { ACCESS_TOKEN_TTL_S, jarSkip, startRealBackend, unpackedExtensionId } from './real-backend.js';
import { unzip } from './unzip.js';

const skip = chromiumSkip() || jarSkip();
const EMAIL = 'panel-user@example.com';
const PANEL_URL = `chrome-extension://${EXTENSION_ID}/sidepanel/index.html`;
let backend;
let browser;
let workDir;
let packaged; // { dir, id } of the store zip unpacked

/** The store zip unpacked as a user's Chromium holds it; its id follows from where it lies, so the backend can allow it. */
async function unpackStoreZip() {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'finlens-packaged-'));
  const dir = path.join(workDir, 'extension');
  for (const [name, data] of unzip(readFileSync(await buildPackage(workDir)))) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return { dir, id: unpackedExtensionId(dir) };
}

before(async () => {
  if (skip) return;
  packaged = await unpackStoreZip();
  backend = await startRealBackend({ extensionIds: [packaged.id] });
  browser = await openSignedInPanel({ apiBase: backend.baseUrl });
});

after(async () => {
  await browser?.close();
  await backend?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const storedTokens = () => browser.panel.evaluate(async () => (await chrome.storage.local.get('finlens.auth'))['finlens.auth']);

/** A bearer call of the API as this user, on a sign-in of the test's own (the panel's tokens live a few seconds). */
async function api(method, apiPath, body) {
  const { accessToken } = await backend.signIn(EMAIL);
  return backend.call(accessToken, method, apiPath, body);
}

/**
 * Whether the panel's stored sign-in is still alive on the server: under the extension's own refresh lock (so no
 * panel or the service worker spends the same refresh token meanwhile) its refresh token is exchanged as the
 * extension would, the rotated tokens stored, and the session asked with the new access token. A refresh family
 * the backend revoked (a refresh token spent twice) answers 401.
 */
const storedSignInAlive = () => browser.panel.evaluate(({ lock, base }) => navigator.locks.request(lock, async () => {
  const { refreshToken } = (await chrome.storage.local.get('finlens.auth'))['finlens.auth'];
  const refreshed = await fetch(`${base}/auth/extension/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }),
  });
  if (!refreshed.ok) return `refresh answered ${refreshed.status}`;
  const tokens = await refreshed.json();
  await chrome.storage.local.set({ 'finlens.auth': { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 } });
  const session = await fetch(`${base}/api/v1/session`, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
  return (await session.json()).signedIn === true ? 'signed in' : 'not signed in';
}), { lock: REFRESH_LOCK, base: backend.baseUrl });

/** The service worker now running (Chrome stops an idle one and starts another). */
async function worker() {
  const [running] = browser.context.serviceWorkers();
  return running ?? browser.context.waitForEvent('serviceworker');
}

const badge = async () => (await worker()).evaluate(() => chrome.action.getBadgeText({}));

/** Every stored user message of this user, across conversations, as the API lists them. */
async function userMessages() {
  const { body } = await api('GET', '/api/v1/conversations');
  const all = [];
  for (const conversation of body.conversations) {
    const messages = await api('GET', `/api/v1/conversations/${conversation.id}/messages`);
    all.push(...messages.body.messages.filter((m) => m.role === 'user').map((m) => m.content));
  }
  return all;
}

test('the sign-in button names the development sign-in this server offers, and signing in with it works', { skip }, async () => {
  const { context, panel } = browser;
  await panel.locator('#sign-in', { hasText: 'Sign in (development server)' }).waitFor();
  await signInThroughPanel(context, panel, EMAIL);
  const tokens = await storedTokens();
  assert.ok(tokens.accessToken && tokens.refreshToken);
  assert.equal(await storedSignInAlive(), 'signed in');
});

test('the quota line shows what the real backend reports', { skip }, async () => {
  const { panel } = browser;
  await panel.locator('#usage', { hasText: 'questions left today' }).waitFor();
  assert.equal(await panel.locator('#usage').textContent(), '50 of 50 questions left today');
});

test('choosing a company from the real choose-company event answers the same question about it', { skip }, async () => {
  const { panel } = browser;
  await panel.locator('#question').fill('TPC 주가 알려줘');
  await panel.locator('#ask').click();
  // The first question also builds the company directory and loads the embedding model: allow for a busy machine.
  await panel.locator('.choice', { hasText: '티피씨글로벌' }).click({ timeout: 120_000 });
  const followUp = panel.locator('.message.assistant').nth(1);
  await followUp.and(panel.locator('[data-status="complete"]')).waitFor({ timeout: 120_000 });

  assert.deepEqual(await panel.locator('.message.user').allTextContents(), ['TPC 주가 알려줘', 'TPC 주가 알려줘']);
  assert.match(await followUp.locator('.content').textContent(), /티피씨글로벌/);
  assert.ok((await followUp.locator('.sources a').count()) > 0);
});

test('a question about a selection sends it redacted: what left the browser holds no email, phone or address query', { skip }, async () => {
  const { panel } = browser;
  await panel.locator('#new-conversation').evaluate((button) => button.click());
  const sent = [];
  const record = (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/messages')) sent.push(request.postData());
  };
  panel.on('request', record);
  // What "Ask Finlens about selection" hands over from a news page.
  await panel.evaluate(() => chrome.storage.session.set({ 'finlens.pendingContext': {
    selection: '삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다. 문의 ir@samsung.example, 010-1234-5678',
    title: '삼성전자 3분기 실적', url: 'https://news.example.com/articles/42?ref=home', capturedAt: Date.now(),
  } }));
  const redacted = '삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다. 문의 [이메일], [전화번호]';
  await panel.locator('#ctx-selection-value', { hasText: redacted }).waitFor();
  await panel.locator('#question').fill('삼성전자 영업이익 알려줘');
  await panel.locator('#ask').click();
  await panel.locator('.message.assistant[data-status="complete"]').last().waitFor({ timeout: 60_000 });
  panel.off('request', record);

  assert.equal(sent.length, 1);
  const body = JSON.parse(sent[0]);
  assert.equal(body.content, '삼성전자 영업이익 알려줘');
  assert.equal(body.context.selection, redacted);
  assert.equal(body.context.url, 'https://news.example.com/articles/42', 'no query by default');
  assert.doesNotMatch(sent[0], /ir@samsung|samsung\.example|010-1234|5678|ref=home/, 'no email, phone or query left the browser');
});

test('"Fact-check with Finlens" previews the redacted selection, and the verdict quotes the figure found with its source', { skip }, async () => {
  const { panel } = browser;
  await panel.locator('#new-conversation').evaluate((button) => button.click());
  // What the context-menu item hands over (the service worker's part is unit-tested in service-worker.test.js).
  await panel.evaluate(() => chrome.storage.session.set({ 'finlens.pendingContext': {
    selection: '삼성전자 2024년 영업이익은 50조원이다. 문의 ir@samsung.example',
    title: '삼성전자 실적 기사', url: 'https://news.example.com/a?session=abc123', purpose: 'claim-check', capturedAt: Date.now(),
  } }));
  await panel.locator('#ctx-selection-value', { hasText: '[이메일]' }).waitFor();
  assert.match(await panel.locator('#ask-status').textContent(), /Fact-check/);
  await panel.locator('#check-claim').click();

  const card = panel.locator('.claim-card');
  await panel.locator('.message.assistant[data-status="complete"]').last().waitFor({ timeout: 60_000 });
  assert.equal(await card.getAttribute('data-verdict'), 'contradicted');
  assert.equal(await card.locator('.claim-verdict').textContent(), 'Contradicted by the source');
  assert.equal(await card.locator('.claim-claimed').textContent(), 'Claimed: 50조원');
  assert.equal(await card.locator('.claim-value').textContent(), '32,725,961,000,000원');
  const sourceLink = card.locator('.claim-found a');
  assert.match(await sourceLink.getAttribute('href'), /^https:\/\/dart\.fss\.or\.kr\//);
  assert.equal(await sourceLink.getAttribute('rel'), 'noopener noreferrer');

  const sent = (await userMessages()).find((content) => content.startsWith('삼성전자 2024년 영업이익은 50조원이다'));
  assert.equal(sent, '삼성전자 2024년 영업이익은 50조원이다. 문의 [이메일]', 'the claim went as previewed, without the email');
});

test('two more panels opened once the access token has really expired refresh it in turn, and all stay signed in', { skip }, async () => {
  const { context } = browser;
  // The backend itself rejects the stored access token now (it lives ACCESS_TOKEN_TTL_S seconds).
  await waitUntil(async () => (await backend.call((await storedTokens()).accessToken, 'GET', '/api/v1/conversations')).status === 401,
    { timeoutMs: ACCESS_TOKEN_TTL_S * 1000 + 15_000, intervalMs: 250 });
  const refreshAnswers = [];
  const record = (response) => {
    if (new URL(response.url()).pathname === '/auth/extension/token') refreshAnswers.push(response.status());
  };
  context.on('response', record);
  const panels = [await context.newPage(), await context.newPage()];
  await Promise.all(panels.map((page) => page.goto(PANEL_URL)));
  // Each panel shows the quota only after an API call with a token the backend accepted.
  for (const page of panels) await page.locator('#usage', { hasText: 'questions left today' }).waitFor({ timeout: 20_000 });
  context.off('response', record);

  assert.ok(refreshAnswers.length >= 1, 'the expired token was refreshed');
  assert.deepEqual(refreshAnswers.filter((status) => status !== 200), [], 'no refresh token was spent twice');
  for (const page of panels) assert.equal(await page.locator('#signed-in-view').isVisible(), true);
  assert.equal(await storedSignInAlive(), 'signed in', 'the backend kept the sign-in: its refresh family was not revoked');
  await Promise.all(panels.map((page) => page.close()));
});

test('the options page keeps the deny list, pre-filled with banks, brokerages and webmail, as the user edits it', { skip }, async () => {
  const { context, pageErrors } = browser;
  const options = await context.newPage();
  options.on('pageerror', (error) => pageErrors.push(error.message));
  await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
  const listed = (await options.locator('#denied-sites').inputValue()).split('\n');
  for (const site of ['kbstar.com', 'kiwoom.com', 'mail.naver.com']) assert.ok(listed.includes(site), site);

  await options.locator('#denied-sites').fill(`${listed.join('\n')}\nhttps://www.mybank.example/login`);
  await options.locator('#denied-form button[type="submit"]').click();
  await options.locator('#denied-status', { hasText: 'Saved' }).waitFor();
  const stored = await options.evaluate(() => chrome.storage.sync.get('finlens.settings'));
  assert.equal(stored['finlens.settings'].deniedSites.at(-1), 'mybank.example');
  assert.equal(stored['finlens.settings'].apiBase, backend.baseUrl);
  assert.deepEqual(pageErrors, []);
  await options.close();
});

test('a selection from a denied site never reaches the panel: it only says the site is denied', { skip }, async () => {
  const { panel } = browser;
  await panel.evaluate(() => chrome.storage.session.set({ 'finlens.pendingContext': { deniedSite: 'kbstar.com', capturedAt: Date.now() } }));
  await panel.locator('#page-status', { hasText: 'kbstar.com' }).waitFor();
  assert.equal(await panel.locator('#context-preview').isVisible(), false);
});

test('a question asked as the session dies is kept, and sent again exactly once after signing in again', { skip }, async () => {
  const { context, panel } = browser;
  const question = '삼성전자 시가총액 알려줘';
  await panel.locator('#new-conversation').evaluate((button) => button.click());
  // Signed out elsewhere (account page, another device): under the refresh lock, so the live token is the one revoked.
  const revoked = await panel.evaluate(({ lock, base }) => navigator.locks.request(lock, async () => {
    const { refreshToken } = (await chrome.storage.local.get('finlens.auth'))['finlens.auth'];
    const response = await fetch(`${base}/auth/extension/revoke`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }),
    });
    return response.ok;
  }), { lock: REFRESH_LOCK, base: backend.baseUrl });
  assert.ok(revoked);
  await panel.locator('#question').fill(question);
  await panel.locator('#ask').click();

  await panel.locator('#signed-out-view').waitFor({ state: 'visible' });
  assert.equal(await panel.locator('#kept-question').isVisible(), true);
  await signInThroughPanel(context, panel, EMAIL);
  await panel.locator('.message.assistant[data-status="complete"]').last().waitFor({ timeout: 60_000 });

  assert.deepEqual(await panel.locator('.message.user').allTextContents(), [question], 'the failed attempt made way for the answer');
  assert.equal(await panel.locator('.message.assistant[data-status="failed"]').count(), 0);
  assert.equal((await userMessages()).filter((content) => content === question).length, 1, 'stored once, not twice');
});

test('a filing of a watched company shows on the badge; "Mark read" clears it and the web feed shows it read', { skip }, async () => {
  const { panel } = browser;
  assert.equal((await api('PUT', '/api/v1/watchlist/005930')).status, 200);
  // The backend's DisclosurePoller goes round every second over the bundled DART recording (two 삼성전자 filings).
  await waitUntil(async () => (await api('GET', '/api/v1/watchlist/feed')).body.unreadCount === 2, { timeoutMs: 60_000 });

  // The extension's poll, as its alarm fires it.
  await (await worker()).evaluate(() => chrome.alarms.create('finlens.feed-poll', { when: Date.now(), periodInMinutes: 1 }));
  await waitUntil(async () => (await badge()) === '2', { timeoutMs: 20_000 });
  await panel.locator('#filings-heading', { hasText: '2 new filings' }).waitFor();
  assert.equal(await panel.locator('#filings-list a').count(), 2);
  assert.match(await panel.locator('#filings-list a').first().getAttribute('href'), /^https:\/\/dart\.fss\.or\.kr\/dsaf001\/main\.do\?rcpNo=\d{14}$/);
  const { etag } = await panel.evaluate(async () => (await chrome.storage.local.get('finlens.feed'))['finlens.feed']);
  assert.ok(etag, 'the next poll asks with If-None-Match');

  await panel.locator('#filings-read').click();
  await waitUntil(async () => (await badge()) === '', { timeoutMs: 20_000 });
  await panel.locator('#filings').waitFor({ state: 'hidden' });
  const web = await backend.webPage(EMAIL, '/watchlist');
  assert.equal((web.match(/data-rcept-no=/g) ?? []).length, 2, 'the web lists both filings');
  assert.doesNotMatch(web, /class="[^"]*\bunread\b/, 'and shows them read');
});

test('a conversation is deleted from the history, on the server too, after a second click confirms', { skip }, async () => {
  const { panel, pageErrors, cspViolations } = browser;
  const before = (await api('GET', '/api/v1/conversations')).body.conversations;
  await panel.locator('#history summary').click();
  const row = panel.locator(`#conversation-list [data-conversation-id="${before[0].id}"]`);
  assert.ok((await row.locator('.conversation-date').textContent()).length > 0, 'each conversation shows its date');
  await row.locator('.conversation-delete').click();
  assert.equal(await row.locator('.conversation-delete').textContent(), 'Delete?');
  await row.locator('.conversation-delete').click();
  await row.waitFor({ state: 'detached' });

  const afterDelete = (await api('GET', '/api/v1/conversations')).body.conversations;
  assert.deepEqual(afterDelete.map((c) => c.id), before.slice(1).map((c) => c.id));
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(cspViolations, []);
});

test('Sign out ends the sign-in on the server too: its refresh token no longer works', { skip }, async () => {
  const { panel } = browser;
  // The panel shows signed out as soon as the tokens are cleared; the revocation answers after that.
  const revoked = panel.waitForResponse((response) => new URL(response.url()).pathname === '/auth/extension/revoke'
    && response.request().method() === 'POST');
  await panel.locator('#sign-out').click();
  await panel.locator('#signed-out-view').waitFor({ state: 'visible' });
  assert.equal(await storedTokens(), undefined);
  const revocation = await revoked;
  assert.equal(revocation.ok(), true);
  const { refreshToken } = revocation.request().postDataJSON();
  const refresh = await fetch(`${backend.baseUrl}/auth/extension/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }),
  });
  assert.equal(refresh.status, 401);
});

test('the packaged zip loads as its own extension, signs in and answers against the backend', { skip }, async () => {
  const store = await launchWithExtension(packaged.dir);
  try {
    const id = new URL(store.worker.url()).host;
    assert.equal(id, packaged.id, 'no key in the store manifest: the id comes from where it is unpacked');
    assert.notEqual(id, EXTENSION_ID);
    assert.equal(await store.worker.evaluate(() => chrome.runtime.getManifest().action.default_icon['16']), 'icons/icon-16.png');
    const errors = [];
    const options = await store.context.newPage();
    options.on('pageerror', (error) => errors.push(`options: ${error.message}`));
    await options.goto(`chrome-extension://${id}/options/options.html`);
    assert.match(await options.locator('#denied-sites').inputValue(), /kbstar\.com/);
    await options.locator('#api-base').fill(backend.baseUrl);
    await options.locator('#settings-form button[type="submit"]').click();
    await waitUntil(async () => (await options.evaluate(() => chrome.storage.sync.get('finlens.settings')))['finlens.settings']?.apiBase === backend.baseUrl);
    await options.close();

    const panel = await store.context.newPage();
    panel.on('pageerror', (error) => errors.push(`panel: ${error.message}`));
    await panel.goto(`chrome-extension://${id}/sidepanel/index.html`);
    await signInThroughPanel(store.context, panel, 'store-user@example.com');
    await panel.locator('#question').fill('삼성전자 시가총액 알려줘');
    await panel.locator('#ask').click();
    const answer = panel.locator('.message.assistant[data-status="complete"]');
    await answer.waitFor({ timeout: 60_000 });
    assert.ok((await answer.locator('.sources a').count()) > 0, 'a cited answer');
    assert.deepEqual(errors, []);
  } finally {
    await store.close();
  }
});
