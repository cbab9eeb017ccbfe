// Replays what the real backend sent, on 127.0.0.1: every response and answer stream is a file of tests/transcripts/,
// recorded from the real backend by AnswerStreamContractTest (never written by hand). The test chooses which
// recorded answer the next question gets, and may hold it after its first events to watch streaming.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const TRANSCRIPTS = new URL('./transcripts/', import.meta.url);

/** A recorded JSON response: { status, contentType, body }. */
export function recorded(name) {
  return JSON.parse(readFileSync(new URL(`${name}.json`, TRANSCRIPTS), 'utf8'));
}

/** A recorded answer stream, as the list of its SSE events in wire format (comments and heartbeats included). */
export function recordedStream(name) {
  return readFileSync(new URL(`${name}.sse`, TRANSCRIPTS), 'utf8').split(/(?<=\n\n)/);
}

/**
 * What a recorded answer says, for assertions that follow the recording rather than a hand-typed copy of it: the
 * first token, a line of its text as it reads once rendered (no list marker or bold), its sources and its end.
 */
export function recordedAnswer(name) {
  const events = recordedStream(name)
    .filter((e) => e.includes('\nevent: '))
    .map((e) => ({ name: e.match(/event: (.*)\n/)[1], data: JSON.parse(e.split('\ndata: ')[1]) }));
  const tokens = events.filter((e) => e.name === 'token').map((e) => e.data.text);
  const lines = tokens.join('').split('\n').map((line) => line.replace(/^- /, '').replaceAll('**', '').trim());
  return {
    firstToken: tokens[0],
    line: lines.filter(Boolean).at(-1),
    sources: events.filter((e) => e.name === 'sources').at(-1)?.data.sources ?? [],
    last: events.at(-1),
  };
}

/** The recorded sign-in: the access token the recorded refresh answer carries is the one this server accepts. */
export const ACCESS_TOKEN = recorded('token-refreshed').body.accessToken;
export const REFRESH_TOKEN = 'recorded-refresh-token';

/** A news page for the page extractor: visible text, a hidden block and a script that must not be read. */
export const ARTICLE_HTML = `<!doctype html><html><head><title>삼성전자 실적 기사</title></head><body>
<h1>삼성전자, 3분기 영업이익 9.2조 원</h1>
<p id="lead">삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다.</p>
<div style="display:none">숨겨진 광고 문구</div>
<script>window.secret = '스크립트 내용';</script>
<p>${'가나다라 '.repeat(6000)}</p>
</body></html>`;

function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * @param {string} extensionOrigin chrome-extension://<id>, the only origin CORS allows (as the real backend does)
 */
export async function startFakeBackend(extensionOrigin) {
  const requests = [];
  const answers = [];
  const openStreams = new Set();
  let refreshTokens = new Set([REFRESH_TOKEN]);

  function replay(res, name) {
    const { status, contentType, body } = recorded(name);
    res.writeHead(status, { 'Content-Type': contentType });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  /** Streams the next queued recording; `hold` keeps the rest back after that many events until released. */
  async function streamAnswer(res, record) {
    const next = answers.shift();
    if (!next) {
      replay(res, 'problem-invalid');
      return;
    }
    const events = recordedStream(next.name).filter((event) => !next.drop || !event.includes(`event: ${next.drop}\n`));
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    openStreams.add(res);
    for (const [index, event] of events.entries()) {
      if (index === next.hold) await Promise.race([next.release.promise, record.closed]);
      if (res.writableEnded || record.closedByClient) break;
      res.write(event);
    }
    if (next.holdOpen) await record.closed;
    if (!res.writableEnded) res.end();
    openStreams.delete(res);
  }

  async function route(req, res, record) {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'GET' && pathname === '/article.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(ARTICLE_HTML);
      return;
    }
    if (req.method === 'POST' && pathname === '/auth/extension/token') {
      // Refresh tokens rotate: a spent one gets the backend's recorded refusal.
      if (!refreshTokens.has(record.body?.refreshToken)) {
        replay(res, 'token-rejected');
        return;
      }
      refreshTokens = new Set([recorded('token-refreshed').body.refreshToken]);
      replay(res, 'token-refreshed');
      return;
    }
    if (req.method === 'POST' && pathname === '/auth/extension/revoke') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === 'GET' && pathname === '/api/v1/sign-in/methods') {
      replay(res, 'sign-in-methods');
      return;
    }
    if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) {
      replay(res, 'problem-unauthorized');
      return;
    }
    const messagesPath = /^\/api\/v1\/conversations\/[^/]+\/messages$/.test(pathname);
    if (req.method === 'GET' && pathname === '/api/v1/usage') replay(res, 'usage');
    else if (req.method === 'GET' && pathname === '/api/v1/conversations') replay(res, 'conversations');
    else if (req.method === 'POST' && pathname === '/api/v1/conversations') replay(res, 'conversation-created');
    else if (req.method === 'GET' && messagesPath) replay(res, 'messages');
    else if (req.method === 'POST' && messagesPath) await streamAnswer(res, record);
    else if (req.method === 'POST' && pathname === '/api/v1/companies/mentions') replay(res, 'mentions');
    else replay(res, 'problem-invalid');
  }

  const server = http.createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin === extensionOrigin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const closed = deferred();
      const record = {
        method: req.method,
        path: req.url,
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
        closedByClient: false,
        closed: closed.promise,
      };
      // A response that closes before we ended it was aborted by the client (the Stop button).
      res.on('close', () => {
        record.closedByClient = !res.writableFinished;
        closed.resolve(record.closedByClient);
      });
      requests.push(record);
      route(req, res, record).catch((error) => {
        console.error(error);
        res.destroy();
      });
    });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /**
     * Queues the recorded answer the next question gets. hold: stop after that many events until release();
     * holdOpen: keep the stream open after the last event until the client goes away; drop: leave out the events
     * of that name (drop "done" for a stream that was cut off).
     */
    replayAnswer(name, { hold, holdOpen = false, drop } = {}) {
      const release = deferred();
      answers.push({ name, hold, holdOpen, drop, release });
      return { release: () => release.resolve() };
    },
    async close() {
      for (const res of openStreams) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
