// Numbers on the price chart, written as the pages write them (platform/format/AmountFormat.java): share prices
// with currency and fixed decimals, share counts in 만/억 or K/M/B, signed percentages. Both are tested against
// one case table (tests/amount-cases.json), so keep this a mirror of the Java rules, not a second opinion.

const EN_UNITS = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M']];

function grouped(abs, decimals) {
  const [whole, fraction] = abs.toFixed(decimals).split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${digits}.${fraction}` : digits;
}

function money(lang, negative, number, currency) {
  const sign = negative ? '-' : '';
  if (!currency) return sign + number;
  if (lang === 'ko') {
    if (currency === 'KRW') return `${sign}${number}원`;
    return `${sign}${number} ${currency === 'USD' ? '달러' : currency}`;
  }
  if (currency === 'KRW') return `${sign}₩${number}`;
  if (currency === 'USD') return `${sign}$${number}`;
  return `${sign}${number} ${currency}`;
}

function koreanUnits(abs) {
  const units = Math.round(abs / 1e4);
  const parts = [[Math.floor(units / 1e8), '조'], [Math.floor(units / 1e4) % 1e4, '억'], [units % 1e4, '만']];
  return parts.filter(([n]) => n > 0).map(([n, unit]) => grouped(n, 0) + unit).join(' ') || '0';
}

/** 76,600원 / ₩76,600, 245.27 달러 / $245.27. */
export function price(value, currency, lang) {
  return money(lang, value < 0, grouped(Math.abs(value), currency === 'KRW' ? 0 : 2), currency);
}

/** 1,213만 / 2억 8,637만 in Korean; 12.13M, 45.8K in English. */
export function count(value, lang) {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (lang === 'ko') return sign + (abs < 1e4 ? grouped(abs, 0) : koreanUnits(abs));
  const unit = EN_UNITS.find(([size]) => abs >= size);
  if (unit) return `${sign}${grouped(abs / unit[0], 2)}${unit[1]}`;
  return abs >= 1e4 ? `${sign}${grouped(abs / 1e3, 1)}K` : sign + grouped(abs, 0);
}

/** +3.4%, -1.3%, 0.0%. */
export function percent(value) {
  const rounded = grouped(Math.abs(value), 1);
  const sign = rounded === '0.0' ? '' : value < 0 ? '-' : '+';
  return `${sign}${rounded}%`;
}
