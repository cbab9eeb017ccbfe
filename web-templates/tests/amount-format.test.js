// The chart's number formatter against the case table the Java formatter (AmountFormatTest) also runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { count, percent, price } from '../static/js/amount-format.js';

const { cases } = JSON.parse(await readFile(new URL('./amount-cases.json', import.meta.url), 'utf8'));
const formatters = {
  price: (c) => price(Number(c.value), c.currency, c.lang),
  count: (c) => count(Number(c.value), c.lang),
  percent: (c) => percent(Number(c.value)),
};

for (const [fn, format] of Object.entries(formatters)) {
  test(`${fn} writes every case of the shared table as the Java formatter does`, () => {
    const rows = cases.filter((c) => c.fn === fn);
    assert.ok(rows.some((c) => c.lang === 'ko') && rows.some((c) => c.lang === 'en'), `${fn} has cases in ko and en`);
    for (const c of rows) assert.equal(format(c), c.expected, `${fn}(${c.value}, ${c.currency ?? ''}, ${c.lang})`);
  });
}
