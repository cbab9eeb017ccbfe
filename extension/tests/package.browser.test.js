// The store zip, unpacked as a user's Chromium would hold it, loads as an extension: its service worker starts and
// its panel and options pages open without errors. Without the development key it gets an id of its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPackage } from '../tools/package.js';
import { EXTENSION_ID } from './chrome-stub.js';
import { chromiumSkip, launchWithExtension } from './browser.js';
import { unzip } from './unzip.js';

const skip = chromiumSkip();
let workDir;
let browser;

before(async () => {
  if (skip) return;
  workDir = mkdtempSync(path.join(os.tmpdir(), 'finlens-packaged-'));
  const unpacked = path.join(workDir, 'extension');
  for (const [name, data] of unzip(readFileSync(await buildPackage(workDir)))) {
    mkdirSync(path.dirname(path.join(unpacked, name)), { recursive: true });
    writeFileSync(path.join(unpacked, name), data);
  }
  browser = await launchWithExtension(unpacked);
});

after(async () => {
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('the packaged zip loads as an extension whose panel and options pages open without errors', { skip }, async () => {
  const id = new URL(browser.worker.url()).host;
  assert.match(id, /^[a-p]{32}$/);
  assert.notEqual(id, EXTENSION_ID, 'no key in the store manifest, so not the pinned development id');
  const errors = [];
  for (const page of ['sidepanel/index.html', 'options/options.html']) {
    const tab = await browser.context.newPage();
    tab.on('pageerror', (error) => errors.push(`${page}: ${error.message}`));
    await tab.goto(`chrome-extension://${id}/${page}`);
    if (page.startsWith('sidepanel')) await tab.locator('#signed-out-view').waitFor({ state: 'visible' });
    else assert.match(await tab.locator('#denied-sites').inputValue(), /kbstar\.com/);
    await tab.close();
  }
  assert.deepEqual(errors, []);
  const icon = await browser.worker.evaluate(() => chrome.runtime.getManifest().action.default_icon['16']);
  assert.equal(icon, 'icons/icon-16.png');
});
