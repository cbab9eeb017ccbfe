// Cheap guards for things a reviewer would otherwise check by hand: locale files in sync, every UI string defined,
// the manifest's permissions and pinned id, and lib/ loading outside the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { EXTENSION_ID } from './chrome-stub.js';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const readJson = (path) => JSON.parse(read(path));
const en = readJson('_locales/en/messages.json');
const ko = readJson('_locales/ko/messages.json');
const manifest = readJson('manifest.json');

test('the English and Korean message files have the same keys and placeholders', () => {
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    const placeholders = (text) => (text.match(/\$\d/g) ?? []).sort();
    assert.deepEqual(placeholders(ko[key].message), placeholders(en[key].message), key);
  }
});

test('every message key used by the pages, scripts and manifest exists', () => {
  const sources = [
    'sidepanel/index.html', 'options/options.html', 'sidepanel/index.js', 'sidepanel/thread.js', 'sidepanel/chips.js', 'lib/feed.js',
    'options/options.js', 'lib/messages.js', 'service-worker.js', 'manifest.json',
  ].map(read).join('\n');
  const used = new Set();
  for (const pattern of [/data-i18n(?:-[a-z-]+)?="([A-Za-z]+)"/g, /\bt\('([A-Za-z]+)'/g, /getMessage\('([A-Za-z]+)'/g, /__MSG_([A-Za-z]+)__/g]) {
    for (const match of sources.matchAll(pattern)) used.add(match[1]);
  }
  for (const key of ['apiBaseRequired', 'apiBaseInvalid', 'apiBaseNeedsHttps', 'answerStopped', 'answerFailed', 'answerStreaming']) used.add(key);
  assert.ok(used.size > 30);
  assert.deepEqual([...used].filter((key) => !en[key]), []);
});

test('the manifest asks only for the documented permissions and no host permissions up front', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions.sort(), ['activeTab', 'alarms', 'contextMenus', 'identity', 'scripting', 'sidePanel', 'storage']);
  // Notifications are off by default: the options page asks for the permission when the user switches them on.
  assert.deepEqual(manifest.optional_permissions, ['notifications']);
  assert.equal(manifest.host_permissions, undefined);
  // The API allows the extension's origin by CORS, so no host permission (optional or not) would serve anything.
  assert.equal(manifest.optional_host_permissions, undefined);
  const permissionsDoc = read('PERMISSIONS.md');
  for (const permission of [...manifest.permissions, ...manifest.optional_permissions]) {
    assert.match(permissionsDoc, new RegExp(`\`${permission}\``), permission);
  }
});

test('a keyboard shortcut opens the panel: the action command, which opens the side panel like a toolbar click', () => {
  const command = manifest.commands._execute_action;
  assert.deepEqual(command.suggested_key, { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' });
  assert.match(read('README.md'), /Ctrl\+Shift\+Y/);
});

test('the extension pages forbid inline and remote scripts and plugins', () => {
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /connect-src https: http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\*/);
  assert.doesNotMatch(csp, /unsafe-|\*;|https:\/\/\*/);
});

test('the pinned public key gives the documented extension id', () => {
  const der = Buffer.from(manifest.key, 'base64');
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16)))
    .join('');
  assert.equal(id, EXTENSION_ID);
  assert.match(read('README.md'), new RegExp(EXTENSION_ID));
});

test('lib/ modules load without a chrome global, so nothing in them touches chrome.* at the top level', async () => {
  assert.equal(globalThis.chrome, undefined);
  const files = readdirSync(new URL('../lib/', import.meta.url)).filter((name) => name.endsWith('.js'));
  assert.ok(files.length >= 6);
  for (const file of files) await import(`../lib/${file}`);
});
