// The conversation on the ask page: questions as text, answers as sanitised Markdown built from the decoded events
// of the answer stream (/static/lib/answer-stream.js). No imports, so node --test runs it under jsdom with the same
// renderer the page uses. Everything from the server is inserted as text or through the renderer, never as HTML.

/**
 * @param {object} deps
 * @param {HTMLOListElement} deps.list the messages list
 * @param {HTMLElement} deps.progress where the running step's label shows
 * @param {DOMStringMap} deps.text localized strings (sources, flags, failed, stopped)
 * @param {{renderMarkdown: Function}} deps.renderer lib/render.js
 * @param {(candidate: object) => void} deps.onChoose re-asks the question about a chosen company
 * @param {(host: HTMLElement, event: object) => void} [deps.onChart] draws a price chart into host (price-chart.js)
 */
export function createChatView({ list, progress, text, renderer, onChoose, onChart }) {
  const doc = list.ownerDocument;

  function bubble(role) {
    const li = doc.createElement('li');
    li.className = `message ${role}`;
    const content = doc.createElement('div');
    content.className = 'content';
    li.append(content);
    list.append(li);
    return li;
  }

  function note(li, className, message) {
    const p = doc.createElement('p');
    p.className = className;
    p.textContent = message;
    li.append(p);
  }

  function renderSources(li, sources) {
    li.querySelector('.sources')?.remove();
    if (!sources.length) return;
    const ul = doc.createElement('ul');
    ul.className = 'sources';
    ul.setAttribute('aria-label', text.sources);
    for (const s of sources) {
      const item = doc.createElement('li');
      const cite = doc.createElement('span');
      cite.className = 'cite';
      cite.textContent = s.id;
      item.append(cite);
      const safeUrl = typeof s.url === 'string' && /^https?:\/\//i.test(s.url) ? s.url : null;
      const label = doc.createElement(safeUrl ? 'a' : 'span');
      label.textContent = s.title || s.url || s.system;
      if (safeUrl) {
        label.href = safeUrl;
        label.rel = 'noopener noreferrer';
        label.target = '_blank';
      }
      item.append(label);
      if (s.system) {
        const system = doc.createElement('span');
        system.className = 'muted';
        system.textContent = ` ${s.system}${s.asOf ? ` · ${s.asOf}` : ''}`;
        item.append(system);
      }
      ul.append(item);
    }
    li.append(ul);
  }

  function renderChoices(li, event) {
    const choices = doc.createElement('div');
    choices.className = 'choices';
    for (const c of event.candidates) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = `${c.name} (${c.ticker || c.key}${c.market ? `, ${c.market}` : ''})`;
      button.addEventListener('click', () => onChoose(c));
      choices.append(button);
    }
    li.append(choices);
  }

  /** One answer being streamed: apply(event) for each decoded event, repaint() once per network chunk. */
  function addAnswer() {
    const li = bubble('assistant');
    const body = li.querySelector('.content');
    let markdown = '';
    let dirty = false;
    let choice = null; // offered once the answer is stored: a click while it still streams would be lost
    const answer = {
      element: li,
      apply(event) {
        switch (event.name) {
          case 'token':
            markdown += event.text;
            dirty = true;
            break;
          case 'step':
            progress.textContent = event.status === 'started' ? event.label : '';
            break;
          case 'sources':
            renderSources(li, event.sources);
            break;
          case 'number-check':
            if (event.flags.length) note(li, 'flags', `${text.flags}: ${event.flags.join(', ')}`);
            break;
          case 'choose-company':
            choice = event;
            break;
          case 'price-chart':
            if (onChart) {
              const host = doc.createElement('div');
              li.append(host);
              onChart(host, event);
            }
            break;
          case 'failed':
            answer.repaint();
            li.dataset.status = 'failed';
            note(li, 'status-note', event.detail || event.title || text.failed);
            break;
          case 'done':
            answer.repaint();
            li.dataset.status = event.status;
            break;
          default:
            break; // start and claim-check change nothing on this page yet
        }
      },
      repaint() {
        if (!dirty) return;
        dirty = false;
        renderer.renderMarkdown(body, markdown);
      },
      /** After the stream ended with done: the company choice it asked for, if any (clickable only now). */
      offerChoices() {
        if (choice) renderChoices(li, choice);
      },
      /** The stream ended without done or failed, or the user stopped it. */
      end(status) {
        answer.repaint();
        li.dataset.status = status;
        note(li, 'status-note', status === 'cancelled' ? text.stopped : text.failed);
      },
    };
    return answer;
  }

  return {
    addQuestion(content) {
      bubble('user').querySelector('.content').textContent = content;
    },
    addAnswer,
  };
}
