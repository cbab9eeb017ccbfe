// The ask page: creates the conversation on the first question, posts the question and renders the streamed
// answer as it arrives, through the answer-stream module and problem reader the extension uses (/static/lib/).
import { askAboutCandidate, readAnswerStream } from '/static/lib/answer-stream.js';
import { problemText, readProblem } from '/static/lib/problem.js';
import { createRenderer } from '/static/lib/render.js';
import createDOMPurify from '/static/lib/vendor/purify.es.mjs';
import { Marked } from '/static/lib/vendor/marked.esm.js';
import { createChatView } from './chat-view.js';

// Answers are Markdown from a model: rendered only through marked + DOMPurify (no raw HTML, http(s) links only).
const renderer = createRenderer({ createDOMPurify, window, Marked });

const main = document.querySelector('main.chat');
const form = document.getElementById('ask');
const question = document.getElementById('question');
const send = document.getElementById('send');
const stop = document.getElementById('stop');
const errorBox = document.getElementById('error');
const progress = document.getElementById('progress');
const text = document.getElementById('i18n').dataset;
const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
let conversationId = main.dataset.conversationId || null;
let controller = null;

const view = createChatView({
  list: document.getElementById('messages'),
  progress,
  text,
  renderer,
  // The user's own question again, about the company they picked (never the clarifying sentence).
  onChoose: (candidate) => submit(askAboutCandidate(lastQuestion, candidate)),
  // An answer about a price carries its company's chart, the one the company page draws (loaded when first needed).
  onChart: async (host, event) => (await import('./price-chart.js')).mountPriceChart(host, {
    company: event.company,
    today: event.through,
    lang: document.documentElement.lang === 'ko' ? 'ko' : 'en',
    text: document.getElementById('chart-i18n').dataset,
  }),
});

for (const stored of document.querySelectorAll('li.message.assistant .content')) {
  renderer.renderMarkdown(stored, stored.textContent);
}
const preset = new URLSearchParams(location.search).get('q');
if (preset && !question.value) question.value = preset;
let lastQuestion = '';

function headers() {
  return { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-CSRF-Token': csrf };
}

async function failure(response) {
  return new Error(problemText(await readProblem(response)) || `HTTP ${response.status}`);
}

async function ensureConversation() {
  if (conversationId) return conversationId;
  const response = await fetch('/api/v1/conversations', { method: 'POST', headers: headers(), body: '{}' });
  if (!response.ok) throw await failure(response);
  conversationId = String((await response.json()).id);
  history.replaceState(null, '', `/chat/${conversationId}`);
  return conversationId;
}

/** Posts {content, companyKey?} and streams the answer into the page. */
async function ask(body) {
  errorBox.hidden = true;
  const id = await ensureConversation();
  view.addQuestion(body.content);
  controller = new AbortController();
  const response = await fetch(`/api/v1/conversations/${id}/messages`, {
    method: 'POST', headers: headers(), body: JSON.stringify(body), signal: controller.signal,
  });
  if (!response.ok) throw await failure(response);
  const answer = view.addAnswer();
  try {
    const outcome = await readAnswerStream(response.body, {
      onEvent: answer.apply,
      onChunkDone: () => requestAnimationFrame(answer.repaint),
    });
    if (outcome.end === 'cut-off') answer.end('failed');
    // Offered only once the stream is over: a click while it still streamed would be ignored.
    if (outcome.end === 'done') answer.offerChoices();
  } catch (err) {
    if (err.name === 'AbortError') answer.end('cancelled');
    else throw err;
  }
}

async function submit(body) {
  if (controller) return;
  lastQuestion = body.content;
  send.disabled = true;
  stop.hidden = false;
  try {
    await ask(body);
  } catch (err) {
    if (err.name !== 'AbortError') {
      errorBox.textContent = err.message;
      errorBox.hidden = false;
    }
  } finally {
    send.disabled = false;
    stop.hidden = true;
    progress.textContent = '';
    controller = null;
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const content = question.value.trim();
  if (!content) return;
  question.value = '';
  submit({ content });
});

stop.addEventListener('click', () => controller?.abort());
question.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) form.requestSubmit();
});
