import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, ErrorKind } from '../lib/errors.js';
import { badgeText, createFeedStore, pollFeed } from '../lib/feed.js';
import { createStorageArea } from './chrome-stub.js';

const FILING = { rceptNo: '20240131000326', companyKey: '005930', companyName: '삼성전자', reportName: '기업설명회(IR)개최', receivedOn: '2024-01-31', url: 'https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20240131000326', unread: true };

function setUp({ signedIn = true, answers }) {
  const store = createFeedStore(createStorageArea('local'));
  const sent = [];
  const badges = [];
  const notified = [];
  const api = {
    async feed(etag) {
      sent.push(etag);
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    },
  };
  const poll = () => pollFeed({
    api,
    isSignedIn: async () => signedIn,
    store,
    showBadge: async (text) => badges.push(text),
    notify: async (state) => notified.push(state.unreadCount),
  });
  return { poll, store, sent, badges, notified };
}

test('the badge shows the unread count, nothing for none, and 99+ above 99', () => {
  assert.deepEqual([0, 1, 99, 100].map(badgeText), ['', '1', '99', '99+']);
});

test('a poll sends the last ETag; a 304 keeps the count, a changed feed replaces it and notifies only of growth', async () => {
  const { poll, sent, badges, notified, store } = setUp({
    answers: [
      { changed: true, etag: '"v1"', feed: { items: [FILING, { ...FILING, rceptNo: '2', unread: false }], unreadCount: 1, cursor: 7, offline: true } },
      { changed: false },
      { changed: true, etag: '"v2"', feed: { items: [{ ...FILING, unread: false }], unreadCount: 0, cursor: 7, offline: true } },
    ],
  });
  await poll();
  assert.deepEqual((await store.load()).unread.map((f) => f.rceptNo), ['20240131000326'], 'only unread filings are kept');
  await poll();
  await poll();
  assert.deepEqual(sent, [undefined, '"v1"', '"v1"']);
  assert.deepEqual(badges, ['1', '1', '']);
  assert.deepEqual(notified, [1]);
  assert.equal((await store.load()).etag, '"v2"');
});

test('signed out, or signed out by the server, the poll forgets the feed and clears the badge', async () => {
  const out = setUp({ signedIn: false, answers: [] });
  assert.equal(await out.poll(), null);
  assert.deepEqual(out.sent, []);
  assert.deepEqual(out.badges, ['']);

  const revoked = setUp({ answers: [{ changed: true, etag: '"v1"', feed: { items: [FILING], unreadCount: 1, cursor: 1 } }, new ApiError({ kind: ErrorKind.SIGNED_OUT })] });
  await revoked.poll();
  assert.equal(await revoked.poll(), null);
  assert.equal(await revoked.store.load(), null);
  assert.deepEqual(revoked.badges, ['1', '']);
});

test('a network failure keeps the stored feed and reaches the caller', async () => {
  const { poll, store } = setUp({ answers: [{ changed: true, etag: '"v1"', feed: { items: [FILING], unreadCount: 1, cursor: 1 } }, new ApiError({ kind: ErrorKind.NETWORK })] });
  await poll();
  await assert.rejects(poll(), (error) => error.kind === ErrorKind.NETWORK);
  assert.equal((await store.load()).unreadCount, 1);
});
