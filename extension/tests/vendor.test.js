import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { VENDORED, vendoredContent } from '../tools/vendor.js';

const packageJson = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

test('the vendored DOMPurify and marked copies match the pinned npm packages (run npm run vendor after a bump)', async () => {
  for (const { from, to } of VENDORED) {
    const shipped = await readFile(new URL(`../${to}`, import.meta.url), 'utf8');
    assert.equal(shipped, await vendoredContent(from), to);
  }
});

test('the vendored files carry their licence headers with the pinned versions', async () => {
  const purify = await readFile(new URL('../lib/vendor/purify.es.mjs', import.meta.url), 'utf8');
  const marked = await readFile(new URL('../lib/vendor/marked.esm.js', import.meta.url), 'utf8');
  assert.ok(purify.startsWith(`/*! @license DOMPurify ${packageJson.devDependencies.dompurify} `));
  assert.match(marked.slice(0, 200), new RegExp(`marked v${packageJson.devDependencies.marked.replace(/\./g, '\\.')} `));
  assert.match(marked.slice(0, 300), /MIT License/);
});
