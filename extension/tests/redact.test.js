import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findRedactions, isDartReceiptNumber, joinParts, passesLuhn, redact, redactionParts } from '../lib/redact.js';

const REDACTED = [
  ['an email address', '문의: hong.gildong+ir@example.co.kr 로 주세요', '문의: [이메일] 로 주세요'],
  ['a Korean mobile number with hyphens', '연락처 010-1234-5678.', '연락처 [전화번호].'],
  ['a Korean mobile number without separators', '010 1234 5678 / 01098765432', '[전화번호] / [전화번호]'],
  ['a Seoul landline', '대표전화 02-123-4567', '대표전화 [전화번호]'],
  ['a landline with the area code in brackets', '(031) 234-5678', '[전화번호]'],
  ['an internet phone number', '070-1234-5678', '[전화번호]'],
  ['an international number with a Korean country code', 'Call +82 10-1234-5678 now', 'Call [전화번호] now'],
  ['a US number', 'Tel: +1 (415) 555-2671', 'Tel: [전화번호]'],
  ['a UK number', '+44 20 7946 0958', '[전화번호]'],
  ['a resident registration number', '주민등록번호 900101-1234567 입니다', '주민등록번호 [주민등록번호] 입니다'],
  ['a resident registration number without the hyphen', '8505152345678', '[주민등록번호]'],
  ['a card number that passes Luhn', '카드 4111 1111 1111 1111 결제', '카드 [카드번호] 결제'],
  ['a card number with hyphens', '5500-0000-0000-0004', '[카드번호]'],
  ['a bank account number', '입금 계좌 110-123-456789 (신한)', '입금 계좌 [계좌번호] (신한)'],
  ['a four-group account number', '1002-345-678901', '[계좌번호]'],
  ['a plain long digit run', '계좌번호는 12345678901234.', '계좌번호는 [계좌번호].'],
  ['several kinds in one text', 'a@b.io, 010-2222-3333, 110-123-456789', '[이메일], [전화번호], [계좌번호]'],
];

const KEPT = [
  ['a stock code', '삼성전자(005930) 주가', '005930'],
  ['a stock code with market suffix', '005930.KS', '005930.KS'],
  ['a price in won', '목표주가 75,000원, 시가총액 473,000,000,000원', ''],
  ['a price with a currency sign and decimals', '$1,234,567.89 and ₩12,345', ''],
  ['an ISO date', '2024-03-15 공시', ''],
  ['a dotted date', '2024.03.15', ''],
  ['a Korean date', '2024년 3월 15일', ''],
  ['a DART receipt number', 'rcpNo=20240315000123', ''],
  ['a DART receipt number in a sentence', '접수번호 20240131800110 참조', ''],
  ['a percentage and a ratio', '+3.5% 상승, PER 12.3배', ''],
  ['a quarter and a year', '2024년 3분기 영업이익 9.2조 원', ''],
  ['a time', '15:30 장 마감', ''],
  ['a short number', '전화 114', ''],
  ['an @ mention without a domain', '@samsung 공식 계정', ''],
  ['four groups of four digits failing the Luhn check', '4111 1111 1111 1112', ''],
];

for (const [name, input, expected] of REDACTED) {
  test(`redacts ${name}`, () => {
    assert.equal(redact(input), expected);
  });
}

for (const [name, input] of KEPT) {
  test(`does not redact ${name}`, () => {
    assert.deepEqual(findRedactions(input), []);
    assert.equal(redact(input), input);
  });
}

test('a plain 16-digit number that fails the Luhn check is not a card, but still a long digit run', () => {
  assert.equal(passesLuhn('4111111111111111'), true);
  assert.equal(passesLuhn('4111111111111112'), false);
  assert.deepEqual(findRedactions('4111111111111112').map((item) => item.kind), ['account']);
  assert.deepEqual(findRedactions('4111111111111111').map((item) => item.kind), ['card']);
});

test('a receipt number needs 14 plain digits starting with a real date', () => {
  assert.equal(isDartReceiptNumber('20240315000123'), true);
  assert.equal(isDartReceiptNumber('20241315000123'), false, 'month 13');
  assert.equal(isDartReceiptNumber('18000101000123'), false, 'before 1990');
  assert.equal(isDartReceiptNumber('2024-0315-000123'), false);
  assert.equal(redact('20241315000123'), '[계좌번호]');
});

test('six digits and seven more are a resident number only when the first six are a date', () => {
  assert.equal(redact('901301-1234567'), '[계좌번호]', 'month 13: not a birth date, still a long digit run');
  assert.deepEqual(findRedactions('900101-1234567').map((item) => item.kind), ['residentId']);
});

test('each redaction can be put back on its own, and the parts rebuild the original exactly', () => {
  const text = '담당 a@b.io, 010-2222-3333 연락';
  const parts = redactionParts(text);
  assert.equal(joinParts(parts), '담당 [이메일], [전화번호] 연락');
  assert.equal(joinParts(parts, new Set([1])), '담당 [이메일], 010-2222-3333 연락');
  assert.equal(joinParts(parts, new Set([0, 1])), text);
  assert.deepEqual(redactionParts(''), []);
});
