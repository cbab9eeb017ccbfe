// The side panel in real Chromium against the real backend jar (embedded defaults, no keys, bundled market and DART
// data), used as a new user would, in order: sign in through chrome.identity, see the quota, answer an ambiguous
// company, fact-check a selection, lose the session while asking and get the question sent again after signing in,
// see the disclosure badge for a watched company and mark it read (the web shows it read), delete a conversation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumSkip, openSignedInPanel, signInThroughPanel, waitUntil } from './browser.js';
import { jarSkip, startRealBackend } from './real-backend.js';

const skip = chromiumSkip() || jarSkip();
const EMAIL = 'panel-user@example.com';
let backend;
let browser;

before(async () => {
  if (skip) return;
  backend = await startRealBackend();
  browser = await openSignedInPanel({ apiBase: backend.baseUrl });
});

after(async () => {
  await browser?.close();
  await backend?.close();
});

const storedTokens = () => browser.panel.evaluate(async () => (await chrome.storage.local.get('finlens.auth'))['finlens.auth']);

/** The service worker now running (Chrome stops an idle one and starts another). */
async function worker() {
  const [running] = browser.context.serviceWorkers();
  return running ?? browser.context.waitForEvent('serviceworker');
}

const badge = async () => (await worker()).evaluate(() => chrome.action.getBadgeText({}));

/** Every stored user message of this user, across conversations, as the API lists them. */
async function userMessages() {
  const { accessToken } = await storedTokens();
  const { body } = await backend.call(accessToken, 'GET', '/api/v1/conversations');
  const all = [];
  for (const conversation of body.conversations) {
    const messages = await backend.call(accessToken, 'GET', `/api/v1/conversations/${conversation.id}/messages`);
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
  const session = await backend.call(tokens.accessToken, 'GET', '/api/v1/session');
  assert.equal(session.body.signedIn, true);
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

test('a question asked as the session dies is kept, and sent again exactly once after signing in again', { skip }, async () => {
  const { context, panel } = browser;
  const question = '삼성전자 시가총액 알려줘';
  await panel.locator('#new-conversation').evaluate((button) => button.click());
  await backend.revoke((await storedTokens()).refreshToken); // signed out elsewhere (account page, another device)
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
  const { accessToken } = await storedTokens();
  assert.equal((await backend.call(accessToken, 'PUT', '/api/v1/watchlist/005930')).status, 200);
  // The backend's DisclosurePoller goes round every second over the bundled DART recording (two 삼성전자 filings).
  await waitUntil(async () => (await backend.call(accessToken, 'GET', '/api/v1/watchlist/feed')).body.unreadCount === 2, { timeoutMs: 60_000 });

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
  const { accessToken } = await storedTokens();
  const before = (await backend.call(accessToken, 'GET', '/api/v1/conversations')).body.conversations;
  await panel.locator('#history summary').click();
  const row = panel.locator(`#conversation-list [data-conversation-id="${before[0].id}"]`);
  assert.ok((await row.locator('.conversation-date').textContent()).length > 0, 'each conversation shows its date');
  await row.locator('.conversation-delete').click();
  assert.equal(await row.locator('.conversation-delete').textContent(), 'Delete?');
  await row.locator('.conversation-delete').click();
  await row.waitFor({ state: 'detached' });

  const afterDelete = (await backend.call(accessToken, 'GET', '/api/v1/conversations')).body.conversations;
  assert.deepEqual(afterDelete.map((c) => c.id), before.slice(1).map((c) => c.id));
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(cspViolations, []);
});
