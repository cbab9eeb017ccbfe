import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PAGE_TEXT, MAX_SELECTION, MAX_TITLE, MAX_URL, buildRequestContext, capturePageText, captureContext, pageAddress } from '../lib/context.js';
import { joinParts } from '../lib/redact.js';

const page = { selection: '  삼성전자 3분기 영업이익  ', title: 'Article', url: 'https://news.example.com/a?session=abc123#comments' };
const all = { selection: { ticked: true }, title: { ticked: true }, url: { ticked: true } };

test('every ticked, non-empty field is sent, trimmed, and the address goes without query and fragment', () => {
  assert.deepEqual(buildRequestContext(captureContext(page), all), {
    selection: '삼성전자 3분기 영업이익',
    title: 'Article',
    url: 'https://news.example.com/a',
  });
});

test('the full address is sent only when the user picks it', () => {
  const captured = captureContext(page);
  assert.equal(buildRequestContext(captured, { ...all, fullUrl: true }).url, page.url);
  assert.deepEqual(captureContext({ url: 'https://news.example.com/a' }).fullUrl, [], 'nothing to choose when there is no query');
  assert.deepEqual(pageAddress('https://e.com/p/q?x=1#y'), { short: 'https://e.com/p/q', full: 'https://e.com/p/q?x=1#y' });
});

test('an unticked field is left out, and nothing ticked means no context at all', () => {
  const captured = captureContext(page);
  assert.deepEqual(buildRequestContext(captured, { ...all, title: { ticked: false } }), {
    selection: '삼성전자 3분기 영업이익',
    url: 'https://news.example.com/a',
  });
  assert.equal(buildRequestContext(captured, {}), undefined);
  assert.equal(buildRequestContext(captureContext({}), all), undefined);
});

test('personal data in the selection and title is sent as markers unless the user puts an item back', () => {
  const captured = captureContext({ selection: '문의 ir@example.com 또는 010-1234-5678', title: '담당 02-123-4567' });
  assert.deepEqual(buildRequestContext(captured, all), { selection: '문의 [이메일] 또는 [전화번호]', title: '담당 [전화번호]' });
  const restored = buildRequestContext(captured, { ...all, selection: { ticked: true, restored: new Set([1]) } });
  assert.equal(restored.selection, '문의 [이메일] 또는 010-1234-5678');
});

test('the selection is capped at 8,000 characters and non-string fields are dropped', () => {
  const captured = captureContext({ selection: 'x'.repeat(MAX_SELECTION + 5), title: { evil: true }, url: 42 });
  assert.equal(joinParts(captured.selection).length, MAX_SELECTION);
  assert.equal(captured.selectionTruncated, true);
  assert.deepEqual(captured.title, []);
  assert.deepEqual(captured.url, []);
});

test('only http(s) addresses within the backend limit are offered, and long titles are cut to its limit', () => {
  for (const url of ['chrome://settings', 'file:///home/me/report.pdf', 'javascript:alert(1)', `https://e.com/${'a'.repeat(MAX_URL)}`, 'not a url']) {
    assert.deepEqual(captureContext({ url }).url, [], url);
  }
  assert.equal(joinParts(captureContext({ url: 'http://localhost:8080/x' }).url), 'http://localhost:8080/x');
  assert.equal(joinParts(captureContext({ title: 't'.repeat(MAX_TITLE + 1) }).title).length, MAX_TITLE);
});

test('page text for the company finder is capped like the backend and redacted like everything else', () => {
  assert.equal(joinParts(capturePageText('가'.repeat(MAX_PAGE_TEXT + 10))).length, MAX_PAGE_TEXT);
  assert.equal(joinParts(capturePageText('삼성전자(005930) 기자 kim@news.example.com')), '삼성전자(005930) 기자 [이메일]');
});
