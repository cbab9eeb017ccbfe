// Loads the unpacked extension into real Chromium and drives the side panel against a server on 127.0.0.1 that
// replays what the real backend sent (tests/transcripts/, recorded by the backend's AnswerStreamContractTest).
// Google sign-in cannot run headless here, so the test stores tokens directly; the backend side of sign-in is
// tested in the backend with a real OIDC server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID } from './chrome-stub.js';
import { EXTENSION_DIR, chromiumSkip, openSignedInPanel } from './browser.js';
import { ACCESS_TOKEN, REFRESH_TOKEN, recorded, recordedAnswer, recordedStream, startFakeBackend } from './fake-backend.js';

const skip = chromiumSkip();

const PAGE = {
  selection: '삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다. 문의 ir@samsung.example, 010-1234-5678',
  title: '삼성전자 3분기 실적 - Example News',
  url: 'https://news.example.com/articles/42?ref=home',
};

let browser;
let context;
let backend;
let panel;
let pageErrors;
let cspViolations;

before(async () => {
  if (skip) return;
  backend = await startFakeBackend(`chrome-extension://${EXTENSION_ID}`);
  // What a signed-in user who picked "Ask Finlens about selection" on a news page would have in storage.
  browser = await openSignedInPanel({ apiBase: backend.baseUrl, accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN, pendingContext: PAGE });
  ({ context, panel, pageErrors, cspViolations } = browser);
});

after(async () => {
  await browser?.close();
  await backend?.close();
});

const messageRequests = () => backend.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path));

const storedMessages = recorded('messages').body.messages;
const ANSWER = recordedAnswer('answer');
const answerOf = (index) => panel.locator('.message.assistant').nth(index);
/** Events of the recorded answer up to and including its first token: where a held replay pauses. */
const UNTIL_FIRST_TOKEN = recordedStream('answer').findIndex((event) => event.includes('event: token\n')) + 1;
const recordedEvent = (name, event) =>
  JSON.parse(recordedStream(name).find((e) => e.includes(`event: ${event}\n`)).split('\ndata: ')[1]);

test('the preview shows the page context with personal data redacted and reversible per item, and the answer streams in', { skip }, async () => {
  const redactedSelection = '삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다. 문의 [이메일], [전화번호]';
  assert.equal(await panel.locator('#ctx-selection-value').textContent(), redactedSelection);
  assert.equal(await panel.locator('#ctx-title-value').textContent(), PAGE.title);
  assert.equal(await panel.locator('#ctx-url-value').textContent(), 'https://news.example.com/articles/42', 'no query by default');
  // A marker puts its original back and takes it out again, item by item.
  const phone = panel.locator('#ctx-selection-value .redaction[data-kind="phone"]');
  await phone.click();
  assert.equal(await phone.textContent(), '010-1234-5678');
  await phone.click();
  assert.equal(await phone.textContent(), '[전화번호]');
  await panel.locator('#ctx-full-url').check();
  assert.equal(await panel.locator('#ctx-url-value').textContent(), PAGE.url);
  await panel.locator('#ctx-full-url').uncheck();
  const usage = recorded('usage').body;
  assert.equal(await panel.locator('#usage').textContent(), `${usage.remaining} of ${usage.dailyAnswerLimit} questions left today`);

  // The recorded answer stops after its first token until the test lets the rest through.
  const held = backend.replayAnswer('answer', { hold: UNTIL_FIRST_TOKEN });
  await panel.locator('#ctx-title').uncheck();
  await panel.locator('#question').fill(storedMessages[0].content);
  await panel.locator('#ask').click();

  const answer = panel.locator('.message.assistant').last();
  await answer.locator('.content', { hasText: ANSWER.firstToken.trim() }).waitFor();
  assert.ok(!(await answer.locator('.content').textContent()).includes(ANSWER.line), 'the rest is still held back');
  assert.equal(await panel.locator('#stop').isVisible(), true);
  held.release();
  await panel.locator('.message.assistant[data-status="complete"]').waitFor();

  // What the request body holds is asserted on what left the browser for the real backend (real-backend.browser.test.js).
  assert.equal(messageRequests()[0].headers.authorization, `Bearer ${ACCESS_TOKEN}`);
  assert.equal(await panel.locator('#context-preview').isVisible(), false, 'context is sent once, not kept for the next question');

  assert.ok((await answer.locator('.content').textContent()).includes(ANSWER.line));
  assert.ok((await answer.locator('.content li').count()) > 0, 'the Markdown list is rendered as a list');
  assert.equal(await answer.locator('.steps li[data-status="done"]').count(), await answer.locator('.steps li').count());
  const [cited] = ANSWER.sources;
  const source = answer.locator('.sources a').first();
  assert.equal(await source.getAttribute('href'), cited.url);
  assert.equal(await source.getAttribute('target'), '_blank');
  assert.equal(await source.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await source.textContent(), `[${cited.id}] ${cited.title}`);
  assert.equal(await answer.locator('.source-meta').first().textContent(), `${cited.system} · ${cited.asOf}`);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(cspViolations, [], 'the panel needs no inline script, style or remote resource');
});

test('Stop aborts the streaming request and keeps the partial answer marked as stopped', { skip }, async () => {
  backend.replayAnswer('answer', { hold: UNTIL_FIRST_TOKEN });
  await panel.locator('#question').fill('그리고 매출은?');
  await panel.locator('#ask').click();
  const answer = panel.locator('.message.assistant').last();
  await answer.locator('.content', { hasText: ANSWER.firstToken.trim() }).waitFor();

  await panel.locator('#stop').click();
  const request = messageRequests()[1];
  assert.equal(await request.closed, true, 'the server saw the client close the request');
  await panel.locator('.message.assistant[data-status="cancelled"]').waitFor();
  assert.equal(await answer.locator('.message-status').textContent(), 'Stopped. The partial answer is kept.');
  assert.equal(request.body.context, undefined);
  assert.equal(await panel.locator('#ask').isVisible(), true);
  assert.equal(await panel.locator('#stop').isVisible(), false);
});

test('an ambiguous company is offered as buttons that re-ask the same question with the chosen company key', { skip }, async () => {
  backend.replayAnswer('choose-company');
  backend.replayAnswer('chosen-company');
  await panel.locator('#question').fill('TPC 주가 알려줘');
  await panel.locator('#ask').click();
  await panel.locator('.choice', { hasText: '티피씨글로벌' }).click();

  await panel.locator('.message.assistant .content', { hasText: recordedAnswer('chosen-company').line }).waitFor();
  await panel.locator('.message.assistant[data-status="complete"]').last().waitFor();
  assert.deepEqual(messageRequests()[3].body, { content: 'TPC 주가 알려줘', companyKey: '130740' });
  assert.equal(await panel.locator('.message.user').last().textContent(), 'TPC 주가 알려줘');
  const [latest] = recorded('conversations').body.conversations;
  assert.equal(await panel.locator('#conversation-list .conversation-title').first().textContent(), latest.title);
  const date = panel.locator('#conversation-list .conversation-date').first();
  assert.equal(await date.getAttribute('datetime'), new Date(latest.updatedAt).toISOString());
  assert.equal(await date.textContent(), await panel.evaluate((iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)), latest.updatedAt));
});

test('a failed answer shows the problem the backend sent', { skip }, async () => {
  backend.replayAnswer('failed');
  await panel.locator('#question').fill('What is the capital of Peru?');
  await panel.locator('#ask').click();
  const answer = panel.locator('.message.assistant').last();
  await answer.and(panel.locator('[data-status="failed"]')).waitFor();
  const { title, detail } = recordedEvent('failed', 'failed');
  assert.equal(await answer.locator('.message-status').textContent(), `${title} ${detail}`);
});

test('an answer whose stream ends without "done" is marked as not completed', { skip }, async () => {
  backend.replayAnswer('answer', { drop: 'done' });
  const earlierAnswers = await panel.locator('.message.assistant').count();
  await panel.locator('#question').fill('끊겨도 괜찮나요?');
  await panel.locator('#ask').click();
  const answer = answerOf(earlierAnswers);
  await answer.and(panel.locator('[data-status="failed"]')).waitFor();
  assert.ok((await answer.locator('.content').textContent()).includes(ANSWER.line));
  assert.equal(await answer.locator('.message-status').textContent(), 'The answer could not be completed.');
  assert.equal(await answer.getAttribute('aria-busy'), null);
});

test('opening a conversation from the history shows its stored messages, with sources', { skip }, async () => {
  await panel.locator('#new-conversation').evaluate((button) => button.click());
  assert.equal(await panel.locator('.message').count(), 0);
  await panel.locator('#history summary').click();
  await panel.locator('#conversation-list .conversation').first().click();
  await panel.locator('.message.user', { hasText: storedMessages[0].content }).waitFor();
  assert.equal(await panel.locator('.message').count(), storedMessages.length);
  const answer = panel.locator('.message.assistant').first();
  assert.ok((await answer.locator('.content').textContent()).includes(ANSWER.line));
  assert.equal(await answer.locator('.sources a').first().getAttribute('href'), storedMessages[1].sources[0].url);
  assert.equal(await panel.locator('#thread img').count(), 0);
});

test('the options page refuses a plain-http remote server and shows the id and redirect needed for sign-in', { skip }, async () => {
  const options = await context.newPage();
  options.on('pageerror', (error) => pageErrors.push(error.message));
  await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
  assert.equal(await options.locator('#api-base').inputValue(), backend.baseUrl);
  assert.equal(await options.locator('#extension-id').textContent(), EXTENSION_ID);
  assert.equal(await options.locator('#redirect-url').textContent(), `https://${EXTENSION_ID}.chromiumapp.org/oauth`);

  await options.locator('#api-base').fill('http://finlens.example.com');
  await options.locator('#settings-form button[type="submit"]').click();
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
  backend.replayAnswer('answer');
  await panel.locator('#ask').click();
  await panel.locator('.message.assistant[data-status="complete"]').waitFor();
  // The service worker's feed poll may come in between: it is not the panel's doing.
  const paths = backend.requests.slice(before).filter((r) => !r.path.startsWith('/api/v1/watchlist'))
    .map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`.trim());
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
