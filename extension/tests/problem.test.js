import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemFrom, problemText, readProblem } from '../lib/problem.js';
import { recorded } from './fake-backend.js';

function response(name) {
  const { status, contentType, body } = recorded(name);
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

test('the recorded problem documents of the real backend are read with type, title, status and detail', async () => {
  for (const name of ['problem-invalid', 'problem-unauthorized', 'token-rejected']) {
    const { body } = recorded(name);
    assert.deepEqual(await readProblem(response(name)), { type: body.type, title: body.title, status: body.status, detail: body.detail }, name);
  }
});

test('a body that does not declare itself a problem is never read', async () => {
  const html = new Response('<html>stack trace</html>', { status: 502, headers: { 'Content-Type': 'text/html' } });
  assert.equal(await readProblem(html), null);
});

test('problem text is bounded plain text: the detail, else the title', () => {
  const long = problemFrom({ title: 'T', detail: 'x'.repeat(2000), status: 400 });
  assert.equal(long.detail.length, 500);
  assert.equal(problemText(problemFrom({ title: 'Only a title' })), 'Only a title');
  assert.equal(problemFrom({ status: 500 }), null);
});
