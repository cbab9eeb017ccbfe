// The real Finlens backend for the extension's browser test: the jar `./mvnw verify` builds before this module's
// tests, started on 127.0.0.1 with its embedded defaults (embedded MariaDB, offline composer, bundled market data)
// in a temporary data directory, under `timeout` so it cannot outlive a hung test, and stopped by its PID. The
// disclosure poll runs every second over the bundled DART data, a revoked token stops working at once, and an access
// token lives ACCESS_TOKEN_TTL_S seconds: the panels' refresh runs for real, on tokens the backend really rejects.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR } from './browser.js';
import { EXTENSION_ID } from './chrome-stub.js';

export const JAR = path.resolve(EXTENSION_DIR, '../backend/target/finlens.jar');
const START_LIMIT_MS = 180_000;
export const ACCESS_TOKEN_TTL_S = 5;

/** false when the jar is built, else the reason to skip. */
export function jarSkip() {
  return existsSync(JAR) ? false : `${JAR} not built: run ./mvnw -q -pl backend -am package -DskipTests first`;
}

// A free port below the kernel's ephemeral range (32768 and up): a port handed out for "port 0" and closed again
// can be handed to the next "port 0" bind, and the jar itself binds port 0 for its embedded MariaDB and management
// listener before its HTTP listener, which then found its own port taken ("Address already in use").
async function freePort() {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 20000-31999 on 127.0.0.1');
}

/**
 * The id Chromium gives an unpacked extension without a manifest `key`: the SHA-256 of its absolute directory path,
 * first 32 hex digits written with the letters a-p. The backend must know it before Chromium loads the extension.
 */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** @param {{ extensionIds?: string[] }} options further extension ids allowed to sign in and call the API */
export async function startRealBackend({ extensionIds = [] } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'finlens-ext-backend-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = [];
  const child = spawn('timeout', ['600', 'java', '-jar', JAR], {
    env: {
      ...process.env,
      FINLENS_HOST: '127.0.0.1',
      FINLENS_PORT: String(port),
      FINLENS_PUBLIC_URL: baseUrl,
      FINLENS_DATA_DIR: dataDir,
      // Metrics on any free port: the default 9464 belongs to whichever Finlens already runs on this machine.
      FINLENS_MANAGEMENT_PORT: '0',
      FINLENS_WATCHLIST_POLL_INTERVAL: '1s',
      FINLENS_AUTH_CACHE_TTL: '0s',
      FINLENS_ACCESS_TOKEN_TTL: `${ACCESS_TOKEN_TTL_S}s`,
      // Every panel call refreshes a token this short-lived: the per-minute sign-in limit is not under test here.
      FINLENS_SIGNIN_RATE_PER_MINUTE: '10000',
      FINLENS_EXTENSION_IDS: [EXTENSION_ID, ...extensionIds].join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => log.push(chunk.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const giveUpAt = Date.now() + START_LIMIT_MS;
  for (;;) {
    const ready = await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > giveUpAt) {
      child.kill('SIGTERM');
      throw new Error(`the backend did not become ready:\n${log.join('').slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    /** The bundled extension's development sign-in, as the panel's sign-in window would complete it. */
    async signIn(email) {
      const redirect = `https://${EXTENSION_ID}.chromiumapp.org/oauth`;
      const response = await fetch(`${baseUrl}/auth/extension/dev`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ redirect_uri: redirect, email }),
      });
      const fragment = new URLSearchParams(new URL(response.headers.get('location')).hash.slice(1));
      return { accessToken: fragment.get('access_token'), refreshToken: fragment.get('refresh_token') };
    },
    /** A bearer call of the JSON API, as a script would make it; resolves { status, body }. */
    async call(accessToken, method, path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    /** A page of the web UI as the same user sees it after the web's development sign-in (cookie session). */
    async webPage(email, pagePath) {
      const signedIn = await fetch(`${baseUrl}/auth/dev`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email }),
      });
      const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return (await fetch(`${baseUrl}${pagePath}`, { headers: { Cookie: cookie } })).text();
    },
    async close() {
      child.kill('SIGTERM'); // the jar stops its embedded MariaDB on the way out
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
