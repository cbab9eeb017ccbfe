import { test } from 'node:test';
import assert from 'node:assert/strict';
import { companiesFromMentions } from '../lib/mentions.js';
import { recorded } from './fake-backend.js';

test('each company of the recorded mention lookup appears once, in the order it was first mentioned', () => {
  // "삼성전자와 현대차, 그리고 삼성전자 실적" as the real backend answered it
  const { mentions } = recorded('mentions').body;
  assert.ok(mentions.length >= 3);
  assert.deepEqual(companiesFromMentions(mentions).map((c) => [c.krxCode, c.name, c.market]), [
    ['005930', '삼성전자', 'KOSPI'],
    ['005380', '현대차', 'KOSPI'],
  ]);
});

test('mentions without a resolved company and malformed input give no chips', () => {
  assert.deepEqual(companiesFromMentions([{ text: '현대', company: null }, null, { text: 'x', company: { name: 'no code' } }]), []);
  assert.deepEqual(companiesFromMentions(undefined), []);
});
