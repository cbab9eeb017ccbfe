// The ask page: creates the conversation on the first question, posts the question and renders the streamed
// answer as it arrives. Everything from the server is inserted as text (textContent), never as HTML.
import { createSseParser } from './sse.js';

const main = document.querySelector('main.chat');
const form = document.getElementById('ask');
const question = document.getElementById('question');
const send = document.getElementById('send');
const stop = document.getElementById('stop');
const errorBox = document.getElementById('error');
const list = document.getElementById('messages');
const progress = document.getElementById('progress');
const text = document.getElementById('i18n').dataset;
const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
let conversationId = main.dataset.conversationId || null;
let controller = null;

function headers() {
  return { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'X-CSRF-Token': csrf };
}

async function problemText(response) {
  try {
    const p = await response.json();
    return p.detail || p.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

function bubble(role) {
  const li = document.createElement('li');
  li.className = `message ${role}`;
  const content = document.createElement('div');
  content.className = 'content';
  li.append(content);
  list.append(li);
  return li;
}

function renderSources(li, sources) {
  li.querySelector('.sources')?.remove();
  if (!sources.length) return;
  const ul = document.createElement('ul');
  ul.className = 'sources';
  ul.setAttribute('aria-label', text.sources);
  for (const s of sources) {
    const item = document.createElement('li');
    const cite = document.createElement('span');
    cite.className = 'cite';
    cite.textContent = s.id;
    item.append(cite);
    const safeUrl = typeof s.url === 'string' && /^https?:\/\//i.test(s.url) ? s.url : null;
    const label = document.createElement(safeUrl ? 'a' : 'span');
    label.textContent = s.title || s.url || s.system;
    if (safeUrl) {
      label.href = safeUrl;
      label.rel = 'noopener noreferrer';
      label.target = '_blank';
    }
    item.append(label);
    if (s.system) {
      const system = document.createElement('span');
      system.className = 'muted';
      system.textContent = ` ${s.system}${s.asOf ? ` · ${s.asOf}` : ''}`;
      item.append(system);
    }
    ul.append(item);
  }
  li.append(ul);
}

function note(li, className, message) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = message;
  li.append(p);
}

async function ensureConversation() {
  if (conversationId) return conversationId;
  const response = await fetch('/api/v1/conversations', { method: 'POST', headers: headers(), body: '{}' });
  if (!response.ok) throw new Error(await problemText(response));
  conversationId = String((await response.json()).id);
  history.replaceState(null, '', `/chat/${conversationId}`);
  return conversationId;
}

async function ask(content) {
  errorBox.hidden = true;
  const id = await ensureConversation();
  bubble('user').querySelector('.content').textContent = content;
  const answer = bubble('assistant');
  const body = answer.querySelector('.content');
  controller = new AbortController();
  const response = await fetch(`/api/v1/conversations/${id}/messages`, {
    method: 'POST', headers: headers(), body: JSON.stringify({ content }), signal: controller.signal,
  });
  if (!response.ok) {
    answer.remove();
    throw new Error(await problemText(response));
  }
  const parser = createSseParser((event, data) => {
    const payload = JSON.parse(data);
    if (event === 'token') body.textContent += payload.text;
    else if (event === 'step') progress.textContent = payload.status === 'done' ? '' : payload.label;
    else if (event === 'sources') renderSources(answer, payload.sources);
    else if (event === 'number-check' && payload.flags?.length) note(answer, 'flags', `${text.flags}: ${payload.flags.join(', ')}`);
    else if (event === 'error') note(answer, 'status-note', payload.detail || payload.title || text.failed);
    else if (event === 'done') {
      answer.dataset.status = payload.status;
      progress.textContent = '';
    }
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(value);
  }
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const content = question.value.trim();
  if (!content) return;
  question.value = '';
  send.disabled = true;
  stop.hidden = false;
  try {
    await ask(content);
  } catch (err) {
    if (err.name === 'AbortError') {
      const last = list.lastElementChild;
      if (last) note(last, 'status-note', text.stopped);
    } else {
      errorBox.textContent = err.message;
      errorBox.hidden = false;
    }
  } finally {
    send.disabled = false;
    stop.hidden = true;
    progress.textContent = '';
    controller = null;
  }
});

stop.addEventListener('click', () => controller?.abort());
question.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) form.requestSubmit();
});
