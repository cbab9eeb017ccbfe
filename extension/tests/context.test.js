import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SELECTION, MAX_TITLE, MAX_URL, buildRequestContext, normaliseContext } from '../lib/context.js';

const page = { selection: '  삼성전자 3분기 영업이익  ', title: 'Article', url: 'https://news.example.com/a' };

test('every ticked, non-empty field is sent, trimmed', () => {
  const context = normaliseContext(page);
  assert.deepEqual(buildRequestContext(context, { selection: true, title: true, url: true }), {
    selection: '삼성전자 3분기 영업이익',
    title: 'Article',
    url: 'https://news.example.com/a',
  });
});

test('an unticked field is left out, and nothing ticked means no context at all', () => {
  const context = normaliseContext(page);
  assert.deepEqual(buildRequestContext(context, { selection: true, title: false, url: true }), {
    selection: '삼성전자 3분기 영업이익',
    url: 'https://news.example.com/a',
  });
  assert.equal(buildRequestContext(context, { selection: false, title: false, url: false }), undefined);
  assert.equal(buildRequestContext(normaliseContext({}), { selection: true, title: true, url: true }), undefined);
});

test('the selection is capped at 8,000 characters and non-string fields are dropped', () => {
  const context = normaliseContext({ selection: 'x'.repeat(MAX_SELECTION + 5), title: { evil: true }, url: 42 });
  assert.equal(context.selection.length, MAX_SELECTION);
  assert.equal(context.selectionTruncated, true);
  assert.equal(context.title, '');
  assert.equal(context.url, '');
});

test('only http(s) addresses within the backend limit are offered, and long titles are cut to its limit', () => {
  for (const url of ['chrome://settings', 'file:///home/me/report.pdf', 'javascript:alert(1)', `https://e.com/${'a'.repeat(MAX_URL)}`, 'not a url']) {
    assert.equal(normaliseContext({ url }).url, '', url);
  }
  assert.equal(normaliseContext({ url: 'http://localhost:8080/x' }).url, 'http://localhost:8080/x');
  assert.equal(normaliseContext({ title: 't'.repeat(MAX_TITLE + 1) }).title.length, MAX_TITLE);
});
