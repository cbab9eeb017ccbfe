import { test } from 'node:test';
import assert from 'node:assert/strict';
import { companiesFromMentions } from '../lib/mentions.js';

const samsung = { krxCode: '005930', name: '삼성전자', nameEn: 'Samsung Electronics', market: 'KOSPI', yahooSymbol: '005930.KS' };
const hyundai = { krxCode: '005380', name: '현대차', nameEn: 'Hyundai Motor', market: 'KOSPI', yahooSymbol: '005380.KS' };

test('each company appears once, in the order it was first mentioned', () => {
  const mentions = [
    { text: '삼성전자', start: 0, end: 4, confidence: 0.98, company: samsung },
    { text: '현대차', start: 10, end: 13, confidence: 0.95, company: hyundai },
    { text: 'Samsung', start: 20, end: 27, confidence: 0.9, company: samsung },
  ];
  assert.deepEqual(companiesFromMentions(mentions).map((c) => [c.krxCode, c.name]), [['005930', '삼성전자'], ['005380', '현대차']]);
});

test('mentions without a resolved company and malformed input give no chips', () => {
  assert.deepEqual(companiesFromMentions([{ text: '현대', company: null }, null, { text: 'x', company: { name: 'no code' } }]), []);
  assert.deepEqual(companiesFromMentions(undefined), []);
});
