// Knowledge page: add documents (file or URL), list them with their ingestion status (polled while a job runs),
// delete, and search. All server text is inserted with textContent; errors are read by the shared problem reader.
import { readProblem } from '/static/lib/problem.js';
import { problemMessage } from './problem-text.js';

const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
const text = document.getElementById('i18n').dataset;
const problems = JSON.parse(text.problems || '{}');
const tbody = document.querySelector('#documents tbody');
const empty = document.getElementById('empty');
const addError = document.getElementById('add-error');
let pollTimer = null;

async function problem(response) {
  return problemMessage(await readProblem(response), problems);
}

function statusText(doc) {
  const status = (doc.job?.status || doc.status || '').toLowerCase();
  const label = text[`status${status.charAt(0).toUpperCase()}${status.slice(1)}`] || status;
  if (status === 'running' && doc.job?.chunksTotal) return `${label} ${doc.job.chunksIndexed}/${doc.job.chunksTotal}`;
  // The stored reason is the ingester's English text: the page says what to do instead.
  if (status === 'failed') return `${label} — ${text.failedHint}`;
  return label;
}

async function refresh() {
  const response = await fetch('/api/v1/knowledge/documents', { headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const { documents } = await response.json();
  tbody.replaceChildren();
  empty.hidden = documents.length > 0;
  let busy = false;
  for (const doc of documents) {
    const status = (doc.job?.status || doc.status || '').toLowerCase();
    busy ||= status === 'queued' || status === 'running';
    const tr = document.createElement('tr');
    const title = document.createElement('td');
    title.textContent = doc.title || doc.sourceUrl || `#${doc.id}`;
    const state = document.createElement('td');
    state.textContent = statusText(doc);
    state.className = `status ${status}`;
    const chunks = document.createElement('td');
    chunks.textContent = doc.chunks ?? '';
    const actions = document.createElement('td');
    const del = document.createElement('button');
    del.type = 'button';
    del.className = 'link';
    del.textContent = text.delete;
    del.addEventListener('click', async () => {
      if (!confirm(text.confirm)) return;
      await fetch(`/api/v1/knowledge/documents/${doc.id}`, { method: 'DELETE', headers: { 'X-CSRF-Token': csrf } });
      refresh();
    });
    actions.append(del);
    tr.append(title, state, chunks, actions);
    tbody.append(tr);
  }
  clearTimeout(pollTimer);
  if (busy) pollTimer = setTimeout(refresh, 1500);
}

async function add(request) {
  addError.hidden = true;
  const response = await request();
  if (!response.ok) {
    addError.textContent = await problem(response);
    addError.hidden = false;
  }
  refresh();
}

document.getElementById('upload').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  if (!form.get('file')?.size) return;
  add(() => fetch('/api/v1/knowledge/documents', { method: 'POST', headers: { 'X-CSRF-Token': csrf }, body: form }));
  e.target.reset();
});

document.getElementById('add-url').addEventListener('submit', (e) => {
  e.preventDefault();
  const url = document.getElementById('url').value.trim();
  if (!url) return;
  add(() => fetch('/api/v1/knowledge/documents', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    body: JSON.stringify({ url }),
  }));
  e.target.reset();
});

document.getElementById('search').addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = document.getElementById('q').value.trim();
  const results = document.getElementById('results');
  results.replaceChildren();
  if (!q) return;
  const response = await fetch(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}&k=10`);
  if (!response.ok) {
    const li = document.createElement('li');
    li.className = 'error';
    li.textContent = await problem(response);
    results.append(li);
    return;
  }
  const body = await response.json();
  if (!body.results.length) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = text.none;
    results.append(li);
  }
  for (const r of body.results) {
    const li = document.createElement('li');
    li.className = 'passage';
    const head = document.createElement('strong');
    head.textContent = `${r.title} · #${r.position + 1} · ${Number(r.score).toFixed(3)}`;
    const p = document.createElement('p');
    p.textContent = r.text;
    li.append(head, p);
    results.append(li);
  }
});

refresh();
