// Real Chromium with the unpacked extension loaded (playwright-core, Debian's chromium), shared by the browser tests.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { EXTENSION_ID } from './chrome-stub.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** false when Chromium is there, else the reason to skip; on CI a missing Chromium is an error. */
export function chromiumSkip() {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') {
    throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package for the extension browser tests`);
  }
  return `${CHROMIUM} not found: install chromium to run the browser tests`;
}

/** Chromium on a fresh profile with the extension in extensionDir loaded; close() also deletes the profile. */
export async function launchWithExtension(extensionDir) {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'finlens-ext-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  return {
    context,
    worker,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Records the panel's uncaught errors and CSP violations, for the tests to assert there are none. */
function watchPage(page) {
  const pageErrors = [];
  const cspViolations = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // DOMPurify parses dirty markup in an inert DOMParser document; Chromium reports the inline handlers it sees
    // there as CSP violations although nothing can run. Any other report means the panel itself broke the CSP.
    const fromSanitiser = message.location().url.endsWith('/lib/vendor/purify.es.mjs');
    if (/Content Security Policy/i.test(message.text()) && !fromSanitiser) cspViolations.push(message.text());
  });
  return { pageErrors, cspViolations };
}

/**
 * Launches Chromium with the extension on a fresh profile and stores what a signed-in user has: the server
 * address, tokens (unless signing in is part of the test) and optionally a page context handed over by the context
 * menu. Returns the open side panel.
 */
export async function openSignedInPanel({ apiBase, accessToken, refreshToken, pendingContext }) {
  const { context, worker, close } = await launchWithExtension(EXTENSION_DIR);
  assert.equal(new URL(worker.url()).host, EXTENSION_ID, 'the pinned key gives the documented id');
  await worker.evaluate(
    async ({ apiBase, accessToken, refreshToken, pendingContext }) => {
      await chrome.storage.sync.set({ 'finlens.settings': { version: 1, apiBase } });
      if (accessToken) await chrome.storage.local.set({ 'finlens.auth': { accessToken, refreshToken, expiresAt: Date.now() + 3_600_000 } });
      if (pendingContext) await chrome.storage.session.set({ 'finlens.pendingContext': { ...pendingContext, capturedAt: Date.now() } });
    },
    { apiBase, accessToken, refreshToken, pendingContext },
  );
  const panel = await context.newPage();
  const { pageErrors, cspViolations } = watchPage(panel);
  await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel/index.html`);
  await panel.locator(accessToken ? '#signed-in-view' : '#signed-out-view').waitFor({ state: 'visible' });
  return {
    context,
    panel,
    pageErrors,
    cspViolations,
    close,
  };
}

/**
 * Signs in as a user would: the panel's button runs chrome.identity.launchWebAuthFlow, whose window shows the
 * backend's development sign-in form; submitting it redirects to the extension's chromiumapp.org address, which
 * Chrome hands back to the panel. Resolves once the panel shows the signed-in view.
 */
export async function signInThroughPanel(context, panel, email) {
  const windowOpened = context.waitForEvent('page');
  await panel.locator('#sign-in').click();
  const signInWindow = await windowOpened;
  await signInWindow.locator('#email').fill(email);
  await signInWindow.locator("form[action='/auth/extension/dev'] button").click();
  await panel.locator('#signed-in-view').waitFor({ state: 'visible', timeout: 20_000 });
}

/** Polls condition until it is true, failing after timeoutMs: for state no page event announces. */
export async function waitUntil(condition, { timeoutMs = 10_000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
