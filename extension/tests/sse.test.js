import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser, readEventStream } from '../lib/sse.js';

function parseAll(pieces) {
  const events = [];
  const parser = new SseParser((event) => events.push(event));
  for (const piece of pieces) parser.push(piece);
  parser.end();
  return events;
}

/** Every way of cutting the text into two pieces must give the same events as the whole text. */
function assertSameForEverySplit(text, expected) {
  assert.deepEqual(parseAll([text]), expected);
  for (let cut = 1; cut < text.length; cut += 1) {
    assert.deepEqual(parseAll([text.slice(0, cut), text.slice(cut)]), expected, `split at ${cut}`);
  }
}

test('named events with JSON data are parsed', () => {
  const events = parseAll(['event: token\ndata: {"text":"삼성"}\n\nevent: done\ndata: {"status":"complete"}\n\n']);
  assert.deepEqual(events.map((e) => [e.event, JSON.parse(e.data)]), [
    ['token', { text: '삼성' }],
    ['done', { status: 'complete' }],
  ]);
});

test('an event split at any chunk boundary is parsed the same', () => {
  assertSameForEverySplit('event: step\ndata: {"name":"resolve"}\n\nevent: token\ndata: {"text":"hi"}\n\n', [
    { event: 'step', data: '{"name":"resolve"}', id: '' },
    { event: 'token', data: '{"text":"hi"}', id: '' },
  ]);
});

test('CRLF, lone CR and LF line endings are all accepted, even with CRLF split across chunks', () => {
  const expected = [
    { event: 'a', data: '1', id: '' },
    { event: 'b', data: '2', id: '' },
    { event: 'c', data: '3', id: '' },
  ];
  assertSameForEverySplit('event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\revent: c\ndata: 3\n\n', expected);
  assert.deepEqual(parseAll(['event: a\r', '\ndata: 1\r', '\n\r', '\n']), [expected[0]]);
});

test('comment lines such as heartbeats are ignored', () => {
  assert.deepEqual(parseAll([': ping\n\n:another\nevent: token\n: inside\ndata: x\n\n']), [
    { event: 'token', data: 'x', id: '' },
  ]);
});

test('several data lines join with newlines and a missing event name means "message"', () => {
  assertSameForEverySplit('data: first\ndata:second\ndata\n\n', [{ event: 'message', data: 'first\nsecond\n', id: '' }]);
});

test('only one space after the colon is removed and ids are remembered', () => {
  assert.deepEqual(parseAll(['id: 7\nevent: token\ndata:  two spaces\n\n']), [
    { event: 'token', data: ' two spaces', id: '7' },
  ]);
});

test('an event without its terminating blank line is dropped when the stream ends', () => {
  assert.deepEqual(parseAll(['event: token\ndata: {"text":"a"}\n\nevent: token\ndata: {"text":"b"}']), [
    { event: 'token', data: '{"text":"a"}', id: '' },
  ]);
});

test('a leading byte order mark is skipped', () => {
  assert.deepEqual(parseAll(['\uFEFFdata: x\n\n']), [{ event: 'message', data: 'x', id: '' }]);
});

test('readEventStream decodes UTF-8 split inside a multi-byte character and reports each chunk', async () => {
  const bytes = new TextEncoder().encode('event: token\ndata: {"text":"삼성전자"}\n\n');
  const cut = bytes.indexOf(0xec) + 1; // inside the first Hangul syllable
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, cut));
      controller.enqueue(bytes.slice(cut));
      controller.close();
    },
  });
  const events = [];
  let chunks = 0;
  await readEventStream(body, (event) => events.push(event), () => (chunks += 1));
  assert.deepEqual(events.map((e) => JSON.parse(e.data).text), ['삼성전자']);
  assert.ok(chunks >= 2);
});
