// The vendored chart library is the pinned npm package, unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const packageJson = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const FILES = [
  ['node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.mjs',
    'static/vendor/lightweight-charts/lightweight-charts.standalone.production.mjs'],
  ['node_modules/lightweight-charts/LICENSE', 'static/vendor/lightweight-charts/LICENSE'],
];

test('the vendored lightweight-charts files match the pinned npm package (see its VENDORED.txt after a bump)', async () => {
  for (const [from, to] of FILES) {
    const shipped = await readFile(new URL(`../${to}`, import.meta.url));
    assert.ok(shipped.equals(await readFile(new URL(`../${from}`, import.meta.url))), to);
  }
});

test('the vendored build names the pinned version and its licence', async () => {
  const head = (await readFile(new URL(`../${FILES[0][1]}`, import.meta.url), 'utf8')).slice(0, 300);
  assert.match(head, new RegExp(`Lightweight Charts™ v${packageJson.devDependencies['lightweight-charts'].replace(/\./g, '\\.')}\\b`));
  assert.match(head, /Apache License 2\.0/);
});
