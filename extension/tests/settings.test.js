import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  DEFAULT_DENIED_SITES,
  deniedSiteFor,
  denySite,
  parseSiteList,
  saveDeniedSites,
  loadSettings,
  saveApiBase,
  validateApiBase,
} from '../lib/settings.js';
import { createStorageArea } from './chrome-stub.js';

test('settings default to the local embedded backend', async () => {
  const settings = await loadSettings(createStorageArea('sync'));
  assert.equal(settings.apiBase, 'http://localhost:8080');
  assert.equal(settings.version, DEFAULT_SETTINGS.version);
});

test('https addresses are accepted and normalised without a trailing slash', () => {
  assert.deepEqual(validateApiBase(' https://finlens.example.com/ '), { ok: true, value: 'https://finlens.example.com' });
  assert.deepEqual(validateApiBase('https://example.com/finlens/'), { ok: true, value: 'https://example.com/finlens' });
  assert.deepEqual(validateApiBase('http://127.0.0.1:8080'), { ok: true, value: 'http://127.0.0.1:8080' });
});

test('plain http to a remote host, other schemes, credentials, queries and garbage are refused', () => {
  assert.equal(validateApiBase('http://finlens.example.com').error, 'apiBaseNeedsHttps');
  assert.equal(validateApiBase('').error, 'apiBaseRequired');
  for (const bad of ['ftp://example.com', 'javascript:alert(1)', 'not a url', 'https://u:p@example.com', 'https://example.com/?x=1', 'https://example.com/#x']) {
    assert.equal(validateApiBase(bad).error, 'apiBaseInvalid', bad);
  }
});

test('the deny list starts with Korean banks, brokerages and webmail, and covers their subdomains', async () => {
  const { deniedSites } = await loadSettings(createStorageArea('sync'));
  assert.deepEqual(deniedSites, DEFAULT_DENIED_SITES);
  for (const url of ['https://obank.kbstar.com/quics', 'https://www.kiwoom.com/', 'https://mail.naver.com/v2/folders/0', 'https://mail.google.com/mail/u/0/']) {
    assert.ok(deniedSiteFor(url, deniedSites), url);
  }
  for (const url of ['https://news.naver.com/article/1', 'https://finance.naver.com/item/main.naver?code=005930', 'https://dart.fss.or.kr/', 'https://notkbstar.com/', 'not a url']) {
    assert.equal(deniedSiteFor(url, deniedSites), null, url);
  }
});

test('typed sites are cleaned to host names, and "never on this site" adds the page host', async () => {
  assert.deepEqual(parseSiteList('https://www.Example.com/path?q=1\n*.bank.co.kr\n\nnot-a-host\nexample.com'), ['example.com', 'bank.co.kr']);
  const sync = createStorageArea('sync');
  await saveDeniedSites(sync, 'bank.example');
  const saved = await denySite(sync, 'https://www.broker.example/account?id=7');
  assert.deepEqual(saved.deniedSites, ['bank.example', 'broker.example']);
  assert.deepEqual((await loadSettings(sync)).deniedSites, ['bank.example', 'broker.example']);
  assert.equal((await loadSettings(sync)).apiBase, DEFAULT_SETTINGS.apiBase);
});

test('a saved address is read back, and a stored value that no longer validates falls back to the default', async () => {
  const sync = createStorageArea('sync');
  await saveApiBase(sync, 'https://finlens.example.com/');
  assert.equal((await loadSettings(sync)).apiBase, 'https://finlens.example.com');
  assert.equal(sync.peek(SETTINGS_KEY).version, DEFAULT_SETTINGS.version);

  await sync.set({ [SETTINGS_KEY]: { version: 1, apiBase: 'http://evil.example.com' } });
  assert.equal((await loadSettings(sync)).apiBase, DEFAULT_SETTINGS.apiBase);
  await assert.rejects(saveApiBase(sync, 'http://evil.example.com'), /apiBaseNeedsHttps/);
});
