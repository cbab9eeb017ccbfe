// The side panel in real Chromium against the real backend jar (embedded defaults, no keys): an ambiguous company
// name comes back as a choice, and clicking a candidate answers the user's question about that company.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumSkip, openSignedInPanel } from './browser.js';
import { jarSkip, startRealBackend } from './real-backend.js';

const skip = chromiumSkip() || jarSkip();
let backend;
let browser;

before(async () => {
  if (skip) return;
  backend = await startRealBackend();
  const tokens = await backend.signIn('panel-user@example.com');
  browser = await openSignedInPanel({ apiBase: backend.baseUrl, ...tokens });
});

after(async () => {
  await browser?.close();
  await backend?.close();
});

test('the quota line shows what the real backend reports', { skip }, async () => {
  const { panel } = browser;
  await panel.locator('#usage', { hasText: 'questions left today' }).waitFor();
  assert.equal(await panel.locator('#usage').textContent(), '50 of 50 questions left today');
});

test('choosing a company from the real choose-company event answers the same question about it', { skip }, async () => {
  const { panel, pageErrors, cspViolations } = browser;
  await panel.locator('#question').fill('TPC 주가 알려줘');
  await panel.locator('#ask').click();
  // The first question also builds the company directory and loads the embedding model: allow for a busy machine.
  await panel.locator('.choice', { hasText: '티피씨글로벌' }).click({ timeout: 120_000 });
  const followUp = panel.locator('.message.assistant').nth(1);
  await followUp.and(panel.locator('[data-status="complete"]')).waitFor({ timeout: 120_000 });

  assert.deepEqual(await panel.locator('.message.user').allTextContents(), ['TPC 주가 알려줘', 'TPC 주가 알려줘']);
  assert.match(await followUp.locator('.content').textContent(), /티피씨글로벌/);
  assert.ok((await followUp.locator('.sources a').count()) > 0);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(cspViolations, []);
});
