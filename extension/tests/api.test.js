import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient } from '../lib/api.js';
import { AUTH_KEY, createAuth, createTokenStore } from '../lib/auth.js';
import { ErrorKind, errorFromResponse } from '../lib/errors.js';
import { createMessages } from '../lib/messages.js';
import { createChromeStub, createFakeFetch, createLockManager, jsonResponse, loadGetMessage } from './chrome-stub.js';
import { recorded, recordedStream } from './fake-backend.js';

const API_BASE = 'https://finlens.example.com';

/** A recorded response of the real backend (tests/transcripts/<name>.json) as a fetch Response. */
function recordedResponse(name) {
  const { status, contentType, body } = recorded(name);
  return jsonResponse(status, body, contentType);
}

async function setUp(routes) {
  const chrome = createChromeStub();
  const fetch = createFakeFetch(routes);
  const auth = createAuth({ tokenStore: createTokenStore(chrome.storage.local), fetch, getApiBase: () => API_BASE, identity: chrome.identity, locks: createLockManager() });
  await chrome.storage.local.set({ [AUTH_KEY]: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: Date.now() + 600_000 } });
  return { chrome, fetch, api: createApiClient({ fetch, getApiBase: () => API_BASE, auth }) };
}

function sseResponse(pieces) {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const piece of pieces) controller.enqueue(encoder.encode(piece));
        controller.close();
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  );
}

test('requests carry the bearer token and JSON', async () => {
  const { fetch, api } = await setUp({ 'POST /api/v1/conversations': () => jsonResponse(201, { id: 'c1', title: 'Q' }) });
  assert.deepEqual(await api.createConversation('Q'), { id: 'c1', title: 'Q' });
  const [request] = fetch.requests;
  assert.equal(request.headers.authorization, 'Bearer at-1');
  assert.equal(request.headers['content-type'], 'application/json');
  assert.deepEqual(request.body, { title: 'Q' });
});

test('a 401 triggers one refresh and one retry with the new token', async () => {
  const refreshed = recorded('token-refreshed').body;
  const { fetch, api, chrome } = await setUp({
    'GET /api/v1/usage': (request) =>
      recordedResponse(request.headers.authorization === `Bearer ${refreshed.accessToken}` ? 'usage' : 'problem-unauthorized'),
    'POST /auth/extension/token': () => recordedResponse('token-refreshed'),
  });
  assert.deepEqual(await api.usage(), recorded('usage').body);
  assert.deepEqual(fetch.requests.map((r) => r.path), ['/api/v1/usage', '/auth/extension/token', '/api/v1/usage']);
  assert.equal(chrome.storage.local.peek(AUTH_KEY).refreshToken, refreshed.refreshToken);
});

test('a second 401 after refreshing signs the user out', async () => {
  const { api, chrome } = await setUp({
    'GET /api/v1/conversations': () => recordedResponse('problem-unauthorized'),
    'POST /auth/extension/token': () => recordedResponse('token-refreshed'),
  });
  await assert.rejects(api.listConversations(), (error) => error.kind === ErrorKind.SIGNED_OUT);
  assert.equal(chrome.storage.local.peek(AUTH_KEY), undefined);
});

test('a problem document becomes an error with its title and detail', async () => {
  const problem = recorded('problem-invalid').body;
  const { api } = await setUp({ 'GET /api/v1/usage': () => recordedResponse('problem-invalid') });
  await assert.rejects(api.usage(), (error) => {
    assert.equal(error.kind, ErrorKind.PROBLEM);
    assert.deepEqual([error.status, error.type, error.title, error.detail], [400, problem.type, problem.title, problem.detail]);
    return true;
  });
});

test('a non-problem error body is never shown: only a generic message with the status', async () => {
  const error = await errorFromResponse(new Response('<html><script>alert(1)</script>stack trace</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
  assert.equal(error.kind, ErrorKind.HTTP);
  const { title, detail } = createMessages(loadGetMessage('en')).describeError(error);
  assert.equal(title, 'The server answered with an error (502).');
  assert.equal(detail, '');
  assert.ok(!error.message.includes('script'));
});

test('a network failure and an abort are told apart', async () => {
  const { api } = await setUp({ 'GET /api/v1/usage': () => Promise.reject(new TypeError('Failed to fetch')) });
  await assert.rejects(api.usage(), (error) => error.kind === ErrorKind.NETWORK);

  const aborted = await setUp({ 'GET /api/v1/usage': () => Promise.reject(new DOMException('The operation was aborted.', 'AbortError')) });
  await assert.rejects(aborted.api.usage(), (error) => error.kind === ErrorKind.ABORTED);
});

test('a recorded answer streams its decoded events in order, with the question sent as given', async () => {
  // The recording cut into pieces of 7 bytes' worth of text: events, names and Hangul split across chunks.
  const whole = recordedStream('answer').join('');
  const pieces = whole.match(/[^]{1,7}/g);
  const { fetch, api } = await setUp({ 'POST /api/v1/conversations/c1/messages': () => sseResponse(pieces) });
  const events = [];
  const outcome = await api.ask('c1', { content: 'Hi', context: { selection: 'sel' } }, { onEvent: (event) => events.push(event) });
  assert.equal(outcome.end, 'done');
  assert.equal(events[0].name, 'start');
  assert.equal(events.at(-1).name, 'done');
  assert.equal(events.filter((e) => e.name === 'token').map((e) => e.text).join(''), recorded('messages').body.messages[1].content);
  assert.deepEqual(fetch.requests[0].body, { content: 'Hi', context: { selection: 'sel' } });
  assert.equal(fetch.requests[0].headers.accept, 'text/event-stream');
});

test('mention lookups send at most 20,000 characters of page text', async () => {
  const { fetch, api } = await setUp({ 'POST /api/v1/companies/mentions': () => jsonResponse(200, { mentions: [] }) });
  await api.findMentions('가'.repeat(25_000));
  assert.equal(fetch.requests[0].body.text.length, 20_000);
});

test('the feed is asked with If-None-Match; a 304 means unchanged, a 200 brings the new ETag', async () => {
  let etag = '"v1"';
  const { fetch, api } = await setUp({
    'GET /api/v1/watchlist/feed': (request) => (request.headers['if-none-match'] === etag
      ? new Response(null, { status: 304 })
      : new Response(JSON.stringify({ items: [], unreadCount: 0, cursor: 3 }), { status: 200, headers: { 'Content-Type': 'application/json', ETag: etag } })),
  });
  const first = await api.feed(undefined);
  assert.deepEqual(first, { changed: true, etag: '"v1"', feed: { items: [], unreadCount: 0, cursor: 3 } });
  assert.deepEqual(await api.feed('"v1"'), { changed: false });
  etag = '"v2"';
  assert.equal((await api.feed('"v1"')).etag, '"v2"');
  assert.equal(fetch.requests[0].headers['if-none-match'], undefined);
  assert.equal(fetch.requests[1].headers['if-none-match'], '"v1"');
});

test('mark read posts the feed cursor; delete removes a conversation by id', async () => {
  const { fetch, api } = await setUp({
    'POST /api/v1/watchlist/feed/read': () => new Response(null, { status: 204 }),
    'DELETE /api/v1/conversations/42': () => new Response(null, { status: 204 }),
  });
  await api.markFeedRead(17);
  await api.deleteConversation(42);
  assert.deepEqual(fetch.requests[0].body, { upTo: 17 });
  assert.equal(fetch.requests[1].method, 'DELETE');
  assert.equal(fetch.requests[1].headers.authorization, 'Bearer at-1');
});
