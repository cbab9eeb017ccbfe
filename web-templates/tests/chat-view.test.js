// The ask page's answer view fed with answer streams recorded from the real backend (tests/transcripts/, written by
// the backend's AnswerStreamContractTest), decoded by the same answer-stream module the page loads from /static/lib/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { askAboutCandidate, readAnswerStream } from '../../extension/lib/answer-stream.js';
import { createRenderer } from '../../extension/lib/render.js';
import DOMPurify from '../../extension/lib/vendor/purify.es.mjs';
import { Marked } from '../../extension/lib/vendor/marked.esm.js';
import { createChatView } from '../static/js/chat-view.js';

const TEXT = { sources: 'Sources', flags: 'Numbers that could not be traced', failed: 'The answer could not be completed.', stopped: 'Stopped before the end.' };

/** A line of the recorded answer's text as it reads once rendered, and its sources: expectations follow the recording. */
function recordedAnswer(name) {
  const events = readFileSync(new URL(`./transcripts/${name}.sse`, import.meta.url), 'utf8').split('\n\n')
    .filter((e) => e.includes('\nevent: '))
    .map((e) => ({ name: e.match(/event: (.*)\n/)[1], data: JSON.parse(e.split('\ndata: ')[1]) }));
  const text = events.filter((e) => e.name === 'token').map((e) => e.data.text).join('');
  return {
    line: text.split('\n').map((l) => l.replace(/^- /, '').replaceAll('**', '').trim()).filter(Boolean).at(-1),
    sources: events.filter((e) => e.name === 'sources').at(-1).data.sources,
  };
}

function recordedStream(name, { drop } = {}) {
  const text = readFileSync(new URL(`./transcripts/${name}.sse`, import.meta.url), 'utf8');
  const kept = drop ? text.split(/(?<=\n\n)/).filter((e) => !e.includes(`event: ${drop}\n`)).join('') : text;
  const bytes = new TextEncoder().encode(kept);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 5) controller.enqueue(bytes.slice(at, at + 5));
      controller.close();
    },
  });
}

async function replay(name, options) {
  const { window } = new JSDOM('<!doctype html><ol id="messages"></ol><div id="progress"></div>');
  const chosen = [];
  const charts = [];
  const view = createChatView({
    list: window.document.getElementById('messages'),
    progress: window.document.getElementById('progress'),
    text: TEXT,
    renderer: createRenderer({ createDOMPurify: DOMPurify, window, Marked }),
    onChoose: (candidate) => chosen.push(candidate),
    onChart: (host, event) => charts.push({ host, event }),
  });
  view.addQuestion('질문');
  const answer = view.addAnswer();
  const outcome = await readAnswerStream(recordedStream(name, options), { onEvent: answer.apply, onChunkDone: answer.repaint });
  if (outcome.end === 'cut-off') answer.end('failed');
  if (outcome.end === 'done') answer.offerChoices();
  return { li: answer.element, chosen, charts, progress: window.document.getElementById('progress'), outcome };
}

test('a recorded answer renders as sanitised Markdown with its sources and ends complete', async () => {
  const { li, progress } = await replay('answer');
  const recorded = recordedAnswer('answer');
  assert.equal(li.dataset.status, 'complete');
  assert.ok(li.querySelector('.content').textContent.includes(recorded.line));
  assert.ok(li.querySelectorAll('.content li').length > 0, 'the Markdown list is rendered as a list');
  const link = li.querySelector('.sources a');
  assert.equal(link.getAttribute('href'), recorded.sources[0].url);
  assert.equal(link.textContent, recorded.sources[0].title);
  assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(li.querySelector('.sources .cite').textContent, recorded.sources[0].id);
  assert.equal(progress.textContent, '', 'no step is left showing once all are done');
});

test('a recorded company choice offers one button per candidate, and choosing re-asks the question with its key', async () => {
  const { li, chosen } = await replay('choose-company');
  const buttons = [...li.querySelectorAll('.choices button')];
  assert.deepEqual(buttons.map((b) => b.textContent), ['TPC (048770, KOSDAQ)', '티피씨글로벌 (130740, KOSDAQ)']);
  buttons[1].click();
  assert.deepEqual(askAboutCandidate('TPC 주가 알려줘', chosen[0]), { content: 'TPC 주가 알려줘', companyKey: '130740' });
});

test('the recorded follow-up answers about the chosen company', async () => {
  const { li } = await replay('chosen-company');
  assert.equal(li.dataset.status, 'complete');
  assert.match(li.querySelector('.content').textContent, /티피씨글로벌/);
  assert.ok(li.querySelector('.content').textContent.includes(recordedAnswer('chosen-company').line));
  assert.equal(li.querySelector('.choices'), null);
});

test('a recorded failure shows the problem detail and ends failed', async () => {
  const { li, outcome } = await replay('failed');
  assert.equal(outcome.end, 'failed');
  assert.equal(li.dataset.status, 'failed');
  assert.equal(li.querySelector('.status-note').textContent, outcome.failed.detail);
});

test('a stream cut off before done keeps its text and says the answer was not completed', async () => {
  const { li } = await replay('answer', { drop: 'done' });
  assert.equal(li.dataset.status, 'failed');
  assert.ok(li.querySelector('.content').textContent.includes(recordedAnswer('answer').line));
  assert.equal(li.querySelector('.status-note').textContent, TEXT.failed);
});

test('a recorded answer about a share price gets one chart of its company, inside the answer', async () => {
  const { li, charts } = await replay('answer');
  assert.equal(charts.length, 1);
  assert.equal(charts[0].event.company, '005930');
  assert.match(charts[0].event.through, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(charts[0].host.parentElement, li);
});
