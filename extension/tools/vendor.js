// Copies the pinned DOMPurify and marked ESM builds (and their licences) from node_modules into lib/vendor/.
// The extension ships these copies as-is, without a bundler; tests/vendor.test.js checks they still match the pins.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const VENDORED = [
  { from: 'node_modules/dompurify/dist/purify.es.mjs', to: 'lib/vendor/purify.es.mjs' },
  { from: 'node_modules/dompurify/LICENSE', to: 'lib/vendor/LICENSE.dompurify.txt' },
  { from: 'node_modules/marked/lib/marked.esm.js', to: 'lib/vendor/marked.esm.js' },
  { from: 'node_modules/marked/LICENSE', to: 'lib/vendor/LICENSE.marked.txt' },
];

// The source maps are not shipped, so the comment pointing at them is dropped.
export function withoutSourceMapComment(text) {
  return text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export async function vendoredContent(from) {
  return withoutSourceMapComment(await readFile(path.join(root, from), 'utf8'));
}

async function main() {
  for (const { from, to } of VENDORED) {
    await writeFile(path.join(root, to), await vendoredContent(from));
    console.log(`${from} -> ${to}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
