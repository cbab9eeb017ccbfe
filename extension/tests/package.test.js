import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from '../tools/crc32.js';
import { ICON_SIZES, iconPng } from '../tools/icons.js';
import { buildPackage } from '../tools/package.js';
import { unzip } from './unzip.js';

const root = new URL('../', import.meta.url);
const sourceManifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8'));
const outDir = mkdtempSync(path.join(os.tmpdir(), 'finlens-package-'));
const zipFile = await buildPackage(outDir);
const entries = unzip(readFileSync(zipFile));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));

const filesIn = (dir) => readdirSync(new URL(`${dir}/`, root), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(new URL('.', root).pathname, path.join(entry.parentPath, entry.name)));

test('the zip is named after the version and holds exactly the runtime files', () => {
  assert.equal(path.basename(zipFile), `finlens-extension-${sourceManifest.version}.zip`);
  const expected = ['manifest.json', 'service-worker.js', ...['sidepanel', 'options', 'lib', 'scripts', '_locales', 'icons'].flatMap(filesIn)].sort();
  assert.deepEqual([...entries.keys()].sort(), expected);
  for (const name of entries.keys()) {
    assert.doesNotMatch(name, /^(tests|tools|node_modules|target)\/|^(pom\.xml|package(-lock)?\.json|eslint\..*|README\.md|PERMISSIONS\.md)$/, name);
  }
});

test('every file in the zip is byte for byte the source, except the manifest, which loses only its key', () => {
  for (const [name, data] of entries) {
    if (name === 'manifest.json') continue;
    assert.equal(crc32(data), crc32(readFileSync(new URL(name, root))), name);
  }
  const shipped = JSON.parse(entries.get('manifest.json').toString('utf8'));
  assert.equal(shipped.key, undefined);
  assert.deepEqual({ ...shipped, key: sourceManifest.key }, sourceManifest);
});

test('the manifest names an icon at 16, 32, 48 and 128 px for the store and the toolbar, each a PNG of that size', () => {
  const shipped = JSON.parse(entries.get('manifest.json').toString('utf8'));
  for (const icons of [shipped.icons, shipped.action.default_icon]) {
    assert.deepEqual(Object.keys(icons).map(Number), ICON_SIZES);
    for (const [size, file] of Object.entries(icons)) {
      const png = entries.get(file);
      assert.ok(png, file);
      assert.equal(png.toString('latin1', 1, 4), 'PNG', file);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(size), Number(size)], file);
    }
  }
});

test('the committed icons are what the icon script draws', () => {
  for (const size of ICON_SIZES) {
    assert.ok(iconPng(size).equals(readFileSync(new URL(`icons/icon-${size}.png`, root))), `icons/icon-${size}.png`);
  }
});
