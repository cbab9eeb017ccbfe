// The ask page: creates the conversation on the first question, posts the question and renders the streamed
// answer as it arrives, through the answer-stream module and problem reader the extension uses (/static/lib/).
// Without this script the same form posts to /chat/ask and the answer shows on reload.
import { askAboutCandidate, readAnswerStream } from '/static/lib/answer-stream.js';
import { readProblem } from '/static/lib/problem.js';
import { createRenderer } from '/static/lib/render.js';
import createDOMPurify from '/static/lib/vendor/purify.es.mjs';
import { Marked } from '/static/lib/vendor/marked.esm.js';
import { createChatView } from './chat-view.js';
import { format, problemMessage } from './problem-text.js';

// Answers are Markdown from a model: rendered only through marked + DOMPurify (no raw HTML, http(s) links only).
const renderer = createRenderer({ createDOMPurify, window, Marked });

const main = document.querySelector('main.chat');
const form = document.getElementById('ask');
const question = document.getElementById('question');
const send = document.getElementById('send');
const stop = document.getElementById('stop');
const errorBox = document.getElementById('error');
const progress = document.getElementById('progress');
const text = { ...document.getElementById('i18n').dataset };
text.problems = JSON.parse(text.problems || '{}');
const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
let conversationId = main.dataset.conversationId || null;
let controller = null;
let lastQuestion = '';
let answering = null; // the answer under way: a promise that settles once it has ended

function headers() {
  return { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-CSRF-Token': csrf };
}

/** An Error whose message is the localized sentence for the response's problem type. */
async function failure(response) {
  return new Error(problemMessage(await readProblem(response), text.problems));
}

async function watchCompany(company) {
  const response = await fetch(`/api/v1/watchlist/${encodeURIComponent(company.key)}`, {
    method: 'PUT', headers: headers(),
  });
  if (!response.ok) {
    const err = await failure(response);
    showError(err.message);
    throw err;
  }
}

const view = createChatView({
  list: document.getElementById('messages'),
  progress,
  text,
  renderer,
  // The user's own question again, about the company they picked (never the clarifying sentence).
  onChoose: (candidate) => askNext(askAboutCandidate(lastQuestion, candidate)),
  onRetry: (asked) => askNext({ content: asked }),
  onCopy: (answer) => navigator.clipboard.writeText(answer),
  onWatch: watchCompany,
  // An answer about a price carries its company's chart, the one the company page draws (loaded when first needed).
  onChart: async (host, event) => (await import('./price-chart.js')).mountPriceChart(host, {
    company: event.company,
    today: event.through,
    lang: document.documentElement.lang === 'ko' ? 'ko' : 'en',
    text: document.getElementById('chart-i18n').dataset,
  }),
});

for (const stored of document.querySelectorAll('li.message.assistant')) view.enhanceStored(stored);
// Stored answers about companies have plain watchlist forms; with the script they add in place instead.
for (const watchForm of document.querySelectorAll('form.watch-form')) {
  watchForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = watchForm.querySelector('button');
    button.disabled = true;
    try {
      await watchCompany({ key: watchForm.dataset.companyKey });
      const done = document.createElement('span');
      done.className = 'watched';
      done.setAttribute('role', 'status');
      done.textContent = format(text.watched, watchForm.dataset.companyName);
      watchForm.replaceWith(done);
    } catch {
      button.disabled = false;
    }
  });
}

function showError(message) {
  errorBox.textContent = message || text.problems.generic;
  errorBox.hidden = false;
}

async function ensureConversation() {
  if (conversationId) return conversationId;
  const response = await fetch('/api/v1/conversations', { method: 'POST', headers: headers(), body: '{}' });
  if (!response.ok) throw await failure(response);
  conversationId = String((await response.json()).id);
  history.replaceState(null, '', `/chat/${conversationId}`);
  form.elements.conversationId.value = conversationId;
  return conversationId;
}

/** The stored message behind a finished answer: which companies it is about and what the model cost. */
async function showDetails(answer) {
  const id = answer.element.dataset.messageId;
  const response = await fetch(`/api/v1/conversations/${conversationId}/messages`, { headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const stored = (await response.json()).messages.find((m) => String(m.id) === id);
  if (stored) view.renderDetails(answer.element, stored);
}

/** Posts {content, companyKey?} and streams the answer into the page. */
async function ask(body) {
  errorBox.hidden = true;
  const id = await ensureConversation();
  document.getElementById('suggestions')?.remove();
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
    if (outcome.end === 'done') {
      answer.offerChoices();
      await showDetails(answer);
    }
  } catch (err) {
    if (err.name === 'AbortError') answer.end('cancelled');
    else throw err;
  }
}

/** Asks, unless an answer is under way; the returned promise settles when that answer has ended. */
function submit(body) {
  if (!answering) answering = answer(body).finally(() => { answering = null; });
  return answering;
}

// A choice or retry button can be clicked while its own answer is still finishing (the candidates arrive before
// the answer's end): the click then asks right after that answer, instead of being dropped.
function askNext(body) {
  (answering ?? Promise.resolve()).then(() => submit(body));
}

async function answer(body) {
  lastQuestion = body.content;
  send.disabled = true;
  stop.hidden = false;
  try {
    await ask(body);
  } catch (err) {
    if (err.name !== 'AbortError') showError(err instanceof TypeError ? text.problems.network : err.message);
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

// An answer still being written when the page loaded (asked from a plain form, or the page was reloaded): look
// again every few seconds, for a few minutes at most, and show the page anew once it is stored.
if (conversationId && document.querySelector('li.message.assistant[data-status=streaming]')) {
  let looks = 0;
  const timer = setInterval(async () => {
    looks += 1;
    const response = await fetch(`/api/v1/conversations/${conversationId}/messages`, { headers: { Accept: 'application/json' } });
    const done = response.ok && !(await response.json()).messages.some((m) => m.status === 'streaming');
    if (done) location.reload();
    if (done || looks >= 100) clearInterval(timer);
  }, 3000);
}
// Enter sends and Shift+Enter breaks the line; never while an IME (Korean, Japanese ...) is still composing a
// syllable, when the Enter only confirms the composition (isComposing, or keyCode 229 in older engines).
question.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
  e.preventDefault();
  form.requestSubmit();
});
