// A small stand-in for the Finlens backend, implementing the extension's side of the API contract on 127.0.0.1.
// It records every request and lets a test script each streamed answer, chunk by chunk.
import http from 'node:http';

export const ACCESS_TOKEN = 'test-access-token';
export const REFRESH_TOKEN = 'test-refresh-token';

/** A news page for the page extractor: visible text, a hidden block and a script that must not be read. */
export const ARTICLE_HTML = `<!doctype html><html><head><title>삼성전자 실적 기사</title></head><body>
<h1>삼성전자, 3분기 영업이익 9.2조 원</h1>
<p id="lead">삼성전자는 3분기 영업이익이 크게 늘었다고 밝혔다.</p>
<div style="display:none">숨겨진 광고 문구</div>
<script>window.secret = '스크립트 내용';</script>
<p>${'가나다라 '.repeat(6000)}</p>
</body></html>`;

/** What GET .../messages returns for any conversation. */
export const storedMessages = [
  { id: 'm10', role: 'user', content: 'SK하이닉스 최근 공시는?', status: 'complete', createdAt: '2026-11-20T09:00:00Z', sources: [], flags: [] },
  {
    id: 'm11',
    role: 'assistant',
    content: '최근 공시는 **단일판매ㆍ공급계약체결**입니다 [S1]. <img src=x onerror="window.__pwned=3">',
    status: 'complete',
    createdAt: '2026-11-20T09:00:05Z',
    sources: [{ id: 'S1', title: '단일판매ㆍ공급계약체결', system: 'Open DART', url: 'https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20261120000456', asOf: '2026-11-20' }],
    flags: ['3.1조 원'],
  },
];

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
  const conversations = [];
  const answerScripts = [];
  const openStreams = new Set();
  let currentRefreshToken = REFRESH_TOKEN;

  function send(res, status, body, contentType = 'application/json') {
    res.writeHead(status, { 'Content-Type': contentType });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  function problem(res, status, title, detail) {
    send(res, status, { type: 'about:blank', title, status, detail }, 'application/problem+json');
  }

  /** Runs the next scripted answer: the script gets send(text) and the request record (with its `closed` promise). */
  async function streamAnswer(req, res, record) {
    const script = answerScripts.shift();
    if (!script) {
      problem(res, 500, 'No scripted answer');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    openStreams.add(res);
    await script({ send: (text) => res.write(text), request: record });
    if (!res.writableEnded) res.end();
    openStreams.delete(res);
  }

  async function route(req, res, record) {
    if (req.method === 'GET' && req.url === '/article.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(ARTICLE_HTML);
      return;
    }
    if (req.method === 'POST' && req.url === '/auth/extension/token') {
      // Refresh tokens rotate: only the most recently issued one is accepted.
      if (record.body?.refreshToken !== currentRefreshToken) {
        problem(res, 401, 'Signed out', 'Sign in again.');
        return;
      }
      currentRefreshToken = `refresh-${requests.length}`;
      send(res, 200, { accessToken: ACCESS_TOKEN, refreshToken: currentRefreshToken, expiresIn: 900, tokenType: 'Bearer' });
      return;
    }
    if (req.method === 'POST' && req.url === '/auth/extension/revoke') {
      send(res, 204);
      return;
    }
    if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) {
      problem(res, 401, 'Unauthorized', 'Sign in again.');
      return;
    }
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const messagesPath = pathname.match(/^\/api\/v1\/conversations\/([^/]+)\/messages$/);
    if (req.method === 'GET' && pathname === '/api/v1/usage') {
      send(res, 200, { dailyQuota: 50, usedToday: 3, remainingToday: 47 });
    } else if (req.method === 'GET' && pathname === '/api/v1/conversations') {
      send(res, 200, { conversations });
    } else if (req.method === 'POST' && pathname === '/api/v1/conversations') {
      const now = new Date().toISOString();
      const conversation = { id: conversations.length + 1, title: record.body?.title ?? '', createdAt: now, updatedAt: now };
      conversations.unshift(conversation);
      send(res, 201, conversation);
    } else if (req.method === 'GET' && messagesPath) {
      send(res, 200, { messages: storedMessages });
    } else if (req.method === 'POST' && messagesPath) {
      await streamAnswer(req, res, record);
    } else if (req.method === 'POST' && pathname === '/api/v1/companies/mentions') {
      send(res, 200, { mentions: [] });
    } else {
      problem(res, 404, 'Not found');
    }
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
        if (!res.headersSent) problem(res, 500, 'Fake backend failed');
        else res.destroy();
      });
    });
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Queues the script for the next POST .../messages. */
    scriptAnswer(script) {
      answerScripts.push(script);
    },
    deferred,
    async close() {
      for (const res of openStreams) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** One SSE event in wire format. */
export function sseEvent(name, data) {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
