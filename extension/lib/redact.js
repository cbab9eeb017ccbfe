// Finds personal data in page text before anything leaves the browser. Every match becomes a marker such as
// [이메일] in what is sent; the panel shows each marker and lets the user put the original back, one item at a time.
//
// Rules, applied in this order; a later rule never touches text an earlier one already matched:
//   email, 주민등록번호 (YYMMDD with a real month/day, then 1-8 and six digits), international phone (+ and 8-15
//   digits), Korean phone (mobile 01x, area codes, 070), card number (13-19 digits passing the Luhn check), account
//   number (a run of 10-16 digits, plain or hyphenated, such as 110-123-456789).
// Never redacted: stock codes (6 digits, 005930), prices with thousands separators (75,000원), dates (2024-03-15,
// 2024.03.15) and DART receipt numbers: 14 plain digits that start with a real date from 1990 on (20240315000123).
// A receipt number names a public filing, not a person, and answers cite it; an account number shaped exactly like
// one is the price of that rule, and the user still sees it in the preview before sending.
// Markers are Korean whatever the UI language: the server's answers are Korean and the model reads them as labels.

export const RedactionKind = Object.freeze({
  EMAIL: 'email',
  RESIDENT_ID: 'residentId',
  PHONE: 'phone',
  CARD: 'card',
  ACCOUNT: 'account',
});

export const MARKERS = Object.freeze({
  email: '[이메일]',
  residentId: '[주민등록번호]',
  phone: '[전화번호]',
  card: '[카드번호]',
  account: '[계좌번호]',
});

const digitsOf = (text) => text.replace(/\D/g, '');

function isCalendarDay(month, day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isResidentId(match) {
  const digits = digitsOf(match);
  return isCalendarDay(Number(digits.slice(2, 4)), Number(digits.slice(4, 6)));
}

/** 14 plain digits starting with a real date: the rcpNo of a DART filing, which stays readable. */
export function isDartReceiptNumber(match) {
  if (!/^\d{14}$/.test(match)) return false;
  const year = Number(match.slice(0, 4));
  return year >= 1990 && year <= 2099 && isCalendarDay(Number(match.slice(4, 6)), Number(match.slice(6, 8)));
}

export function passesLuhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const digitCountBetween = (min, max) => (match) => {
  const count = digitsOf(match).length;
  return count >= min && count <= max;
};

// No digit (or a digit followed by a decimal/thousands separator) on either side: a match is a whole number.
const START = String.raw`(?<!\d|\d[.,])`;
const END = String.raw`(?!\d|[.,]\d)`;

const RULES = [
  { kind: RedactionKind.EMAIL, pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: RedactionKind.RESIDENT_ID, pattern: new RegExp(`${START}\\d{6}[- ]?[1-8]\\d{6}${END}`, 'g'), accept: isResidentId },
  {
    kind: RedactionKind.PHONE,
    pattern: /(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?!\d)/g,
    accept: digitCountBetween(8, 15),
  },
  {
    kind: RedactionKind.PHONE,
    pattern: new RegExp(`${START}(?:01[016789]|\\(?0(?:2|[3-6][1-5]|70)\\)?)[-. ]?\\d{3,4}[-. ]?\\d{4}${END}`, 'g'),
  },
  {
    kind: RedactionKind.CARD,
    pattern: new RegExp(`${START}\\d(?:[ -]?\\d){12,18}${END}`, 'g'),
    accept: (match) => !isDartReceiptNumber(match) && passesLuhn(digitsOf(match)),
  },
  {
    kind: RedactionKind.ACCOUNT,
    pattern: new RegExp(`${START}(?:\\d{2,6}(?:-\\d{2,8}){1,4}|\\d{10,16})${END}`, 'g'),
    accept: (match) => !isDartReceiptNumber(match) && digitCountBetween(10, 16)(match),
  },
];

/** Non-overlapping matches, ordered by position: [{ start, end, kind, original }]. */
export function findRedactions(text) {
  const found = [];
  const overlaps = (start, end) => found.some((item) => start < item.end && item.start < end);
  for (const { kind, pattern, accept } of RULES) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if ((!accept || accept(match[0])) && !overlaps(start, end)) found.push({ start, end, kind, original: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The text split into plain parts and redactions, so the preview can draw each marker and what is sent is built
 * from the very same parts: [{ text } | { kind, original, marker }].
 */
export function redactionParts(text) {
  const parts = [];
  let at = 0;
  for (const item of findRedactions(text)) {
    if (item.start > at) parts.push({ text: text.slice(at, item.start) });
    parts.push({ kind: item.kind, original: item.original, marker: MARKERS[item.kind] });
    at = item.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The text to send: every redaction as its marker unless its index (among the redactions) is in restored. */
export function joinParts(parts, restored = new Set()) {
  let index = -1;
  return parts
    .map((part) => {
      if (part.text !== undefined) return part.text;
      index += 1;
      return restored.has(index) ? part.original : part.marker;
    })
    .join('');
}

/** Everything redacted: what is sent when the user puts nothing back. */
export function redact(text) {
  return joinParts(redactionParts(text));
}
