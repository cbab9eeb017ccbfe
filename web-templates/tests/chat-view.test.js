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

const TEXT = {
  sources: 'Sources', flags: 'Numbers that could not be traced', flagReason: 'no source has it', failed: 'The answer could not be completed.',
  stopped: 'Stopped before the end.', retry: 'Ask again', copy: 'Copy', copied: 'Copied', cite: 'Show source {0}',
  watch: 'Watch {0}', watched: '{0} watched', usage: 'Model {0} · {1} s · ${2}',
  problems: { generic: 'Something went wrong.', 'llm-unavailable': '언어 모델을 사용할 수 없습니다.' },
};

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
  const retried = [];
  const watched = [];
  const charts = [];
  const view = createChatView({
    onRetry: (q) => retried.push(q),
    onWatch: async (c) => { watched.push(c.key); },
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
  return { li: answer.element, chosen, charts, retried, watched, view, window, progress: window.document.getElementById('progress'), outcome };
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

test('a recorded failure shows the localized message for its problem type, never the backend detail', async () => {
  const { li, outcome } = await replay('failed');
  assert.equal(outcome.end, 'failed');
  assert.equal(li.dataset.status, 'failed');
  const type = outcome.failed.type.split('/').pop();
  assert.equal(li.querySelector('.status-note').textContent, TEXT.problems[type] ?? TEXT.problems.generic);
  assert.notEqual(li.querySelector('.status-note').textContent, outcome.failed.detail);
});

test('citation markers of a finished answer link to their sources, and a click highlights the source', async () => {
  const { li, window } = await replay('answer');
  const link = li.querySelector('.content a.cite-link');
  assert.ok(link, 'an [S1] marker became a link');
  assert.match(li.querySelector('.content').textContent, /\[S1\]/, 'the marker still reads [S1]');
  const target = window.document.getElementById(link.getAttribute('href').slice(1));
  assert.equal(target.closest('ul').className, 'sources');
  link.dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
  assert.ok(target.classList.contains('highlight'));
  assert.equal(window.document.activeElement, target);
});

test('a finished answer offers retry with its own question', async () => {
  const { li, retried } = await replay('answer');
  li.querySelector('.message-tools button.retry').click();
  assert.deepEqual(retried, ['질문']);
});

test('an answer about a company offers to watch it, then says it is watched', async () => {
  const { li, view, watched } = await replay('answer');
  view.renderDetails(li, { companies: [{ key: '005930', name: '삼성전자', ticker: '005930' }], usage: null });
  li.querySelector('.watch button').click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(watched, ['005930']);
  assert.equal(li.querySelector('.watch .watched').textContent, '삼성전자 watched');
});

test('figures the number check could not trace are marked in the text with the reason', async () => {
  const { window } = new JSDOM('<!doctype html><ol id="messages"></ol><div id="progress"></div>');
  const view = createChatView({
    list: window.document.getElementById('messages'), progress: window.document.getElementById('progress'), text: TEXT,
    renderer: createRenderer({ createDOMPurify: DOMPurify, window, Marked }), onChoose: () => {},
  });
  const answer = view.addAnswer();
  for (const event of [{ name: 'start', messageId: 7 }, { name: 'token', text: '영업이익은 1,234억원입니다 [S1].' },
    { name: 'number-check', checked: 1, traced: 0, flagged: 1, flags: ['1,234억원'] },
    { name: 'sources', sources: [{ id: 'S1', title: 'DART', system: 'dart' }] }, { name: 'done', messageId: 7, status: 'complete', flags: ['1,234억원'] }]) {
    answer.apply(event);
  }
  const mark = answer.element.querySelector('.content mark.flagged');
  assert.equal(mark.textContent, '1,234억원');
  assert.equal(mark.title, TEXT.flagReason);
  assert.match(answer.element.querySelector('p.flags').textContent, /no source has it/);
  assert.equal(answer.element.querySelector('.content a.cite-link').getAttribute('href'), '#src-7-S1');
  assert.equal(answer.element.getAttribute('aria-busy'), null, 'no longer busy once done');
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

test('a stored answer about a share price draws its chart again from the page, inside the answer', () => {
  const { window } = new JSDOM('<!doctype html><ol id="messages"><li class="message assistant" data-status="complete">'
    + '<div class="content">삼성전자 종가</div><div class="answer-chart" data-company="005930" data-name="삼성전자"'
    + ' data-through="2026-08-20"></div></li></ol>');
  const charts = [];
  const list = window.document.getElementById('messages');
  const view = createChatView({
    list, progress: window.document.createElement('div'), text: TEXT,
    renderer: createRenderer({ createDOMPurify: DOMPurify, window, Marked }),
    onChoose: () => {}, onChart: (host, event) => charts.push({ host, event }),
  });
  view.enhanceStored(list.querySelector('li'));
  assert.equal(charts.length, 1);
  assert.deepEqual({ ...charts[0].event }, { company: '005930', name: '삼성전자', through: '2026-08-20' });
  assert.equal(charts[0].host.parentElement, list.querySelector('li'));
});
