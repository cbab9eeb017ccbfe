import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser, askAboutCandidate, decodeAnswerEvent, readAnswerStream, readEventStream } from '../lib/answer-stream.js';
import { recorded, recordedStream } from './fake-backend.js';

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

function body(text, size = text.length) {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
      controller.close();
    },
  });
}

async function replay(name, { size, drop } = {}) {
  const events = [];
  const text = recordedStream(name).filter((e) => !drop || !e.includes(`event: ${drop}\n`)).join('');
  const outcome = await readAnswerStream(body(text, size), { onEvent: (event) => events.push(event) });
  return { events, outcome };
}

test('every recorded answer of the real backend decodes in any chunking to the same events and ending', async () => {
  for (const name of ['answer', 'answer-model', 'choose-company', 'chosen-company', 'failed']) {
    const whole = await replay(name);
    assert.equal(whole.events[0].name, 'start', name);
    assert.notEqual(whole.outcome.end, 'cut-off', name);
    for (const size of [1, 3, 64]) assert.deepEqual(await replay(name, { size }), whole, `${name} in ${size}-byte chunks`);
  }
});

test('a recorded answer ends "done" with the stored status, and its tokens are the stored text', async () => {
  const { events, outcome } = await replay('answer');
  assert.equal(outcome.end, 'done');
  assert.equal(outcome.done.status, 'complete');
  const text = events.filter((e) => e.name === 'token').map((e) => e.text).join('');
  assert.equal(text, recorded('messages').body.messages[1].content);
  assert.ok(events.some((e) => e.name === 'sources' && e.sources.length > 0));
  assert.ok(events.some((e) => e.name === 'step' && e.step === 'resolve' && e.status === 'done'));
});

test('a recorded failure ends "failed" with its problem, and nothing after it counts', async () => {
  const { events, outcome } = await replay('failed');
  assert.equal(outcome.end, 'failed');
  assert.match(outcome.failed.type, /^https:\/\/finlens\.app\/problems\//);
  assert.ok(outcome.failed.title);
  assert.equal(events.at(-1).name, 'failed');
});

test('a stream that ends without done or failed was cut off', async () => {
  assert.deepEqual((await replay('answer', { drop: 'done' })).outcome, { end: 'cut-off' });
});

test('a company choice offers candidates with keys, and the follow-up is the same question with the chosen key', async () => {
  const { events } = await replay('choose-company');
  const choice = events.find((e) => e.name === 'choose-company');
  assert.ok(choice.candidates.length >= 2);
  for (const candidate of choice.candidates) assert.ok(candidate.key && candidate.name);
  assert.deepEqual(askAboutCandidate('TPC 주가 알려줘', choice.candidates[1]), { content: 'TPC 주가 알려줘', companyKey: choice.candidates[1].key });
});

test('unknown events and malformed data are ignored rather than fatal', () => {
  assert.equal(decodeAnswerEvent({ event: 'later-addition', data: '{}' }), null);
  assert.equal(decodeAnswerEvent({ event: 'token', data: '{not json' }), null);
  assert.deepEqual(decodeAnswerEvent({ event: 'token', data: '{"text":5}' }), { name: 'token', text: '' });
});
