// The conversation on the ask page: questions as text, answers as sanitised Markdown built from the decoded events
// of the answer stream (/static/lib/answer-stream.js). Only relative imports, so node --test runs it under jsdom with the same
// renderer the page uses. Everything from the server is inserted as text or through the renderer, never as HTML.
// Finished answers get their [S1] markers as links to the source, unverified figures marked with the reason, and
// retry / copy / add-to-watchlist controls.
import { format, problemMessage } from './problem-text.js';

const CITATION = /\[(S\d+(?:\s*,\s*S\d+)*)\]/g;

/**
 * @param {object} deps
 * @param {HTMLOListElement} deps.list the messages list
 * @param {HTMLElement} deps.progress where the running step's label shows
 * @param {object} deps.text localized strings (sources, flags, flagReason, failed, stopped, retry, copy, copied,
 *   watch, watched, usage, cite) and problems ({type: message})
 * @param {{renderMarkdown: Function}} deps.renderer lib/render.js
 * @param {(candidate: object) => void} deps.onChoose re-asks the question about a chosen company
 * @param {(question: string) => void} [deps.onRetry] asks the same question again
 * @param {(text: string) => Promise<void>} [deps.onCopy] copies an answer's text
 * @param {(company: object) => Promise<void>} [deps.onWatch] adds a company to the watchlist
 * @param {(host: HTMLElement, event: object) => void} [deps.onChart] draws a price chart into host (price-chart.js)
 */
export function createChatView({ list, progress, text, renderer, onChoose, onRetry, onCopy, onWatch, onChart }) {
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
    return p;
  }

  function sourceId(li, id) {
    return `src-${li.dataset.messageId || 'live'}-${id}`;
  }

  function renderSources(li, sources) {
    li.querySelector('.sources')?.remove();
    if (!sources.length) return;
    const ul = doc.createElement('ul');
    ul.className = 'sources';
    ul.setAttribute('aria-label', text.sources);
    for (const s of sources) {
      const item = doc.createElement('li');
      item.id = sourceId(li, s.id);
      item.tabIndex = -1;
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
    const before = li.querySelector('.usage, .watch, .message-tools');
    li.insertBefore(ul, before);
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

  function flagNote(li, flags) {
    if (!flags.length) return;
    const p = doc.createElement('p');
    p.className = 'flags';
    p.append(`${text.flags}: `);
    flags.forEach((f, i) => {
      const mark = doc.createElement('mark');
      mark.className = 'flagged';
      mark.textContent = f;
      p.append(mark, i < flags.length - 1 ? ', ' : '');
    });
    p.append(` — ${text.flagReason}`);
    li.insertBefore(p, li.querySelector('.sources'));
  }

  /** Text nodes of the rendered answer outside links and code, where markers and figures may be replaced. */
  function textNodes(root) {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest('a, code, pre, mark')) nodes.push(n);
    }
    return nodes;
  }

  /** Replaces each match of pattern in the answer's text with build(match) (a node or several). */
  function replaceInText(root, pattern, build) {
    for (const node of textNodes(root)) {
      const value = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(value)) continue;
      pattern.lastIndex = 0;
      const fragment = doc.createDocumentFragment();
      let at = 0;
      for (const m of value.matchAll(pattern)) {
        fragment.append(value.slice(at, m.index), ...build(m));
        at = m.index + m[0].length;
      }
      fragment.append(value.slice(at));
      node.replaceWith(fragment);
    }
  }

  function linkCitations(li) {
    const content = li.querySelector('.content');
    const known = new Set([...li.querySelectorAll('.sources li[id]')].map((s) => s.id));
    replaceInText(content, CITATION, (m) => {
      const parts = ['['];
      m[1].split(/\s*,\s*/).forEach((id, i) => {
        if (i > 0) parts.push(', ');
        const target = sourceId(li, id);
        if (!known.has(target)) {
          parts.push(id);
          return;
        }
        const a = doc.createElement('a');
        a.className = 'cite-link';
        a.href = `#${target}`;
        a.textContent = id;
        a.setAttribute('aria-label', format(text.cite, id));
        parts.push(a);
      });
      parts.push(']');
      return parts;
    });
  }

  function markFlags(li, flags) {
    const content = li.querySelector('.content');
    for (const flag of flags) {
      const escaped = flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      replaceInText(content, new RegExp(escaped, 'g'), (m) => {
        const mark = doc.createElement('mark');
        mark.className = 'flagged';
        mark.title = text.flagReason;
        mark.textContent = m[0];
        return [mark];
      });
    }
  }

  function addTools(li) {
    if (li.querySelector('.message-tools') || li.dataset.status === 'streaming') return;
    const question = li.previousElementSibling?.classList.contains('user')
      ? li.previousElementSibling.querySelector('.content').textContent : '';
    const tools = doc.createElement('div');
    tools.className = 'message-tools';
    if (question && onRetry) {
      const retry = doc.createElement('button');
      retry.type = 'button';
      retry.className = 'secondary retry';
      retry.textContent = text.retry;
      retry.addEventListener('click', () => onRetry(question));
      tools.append(retry);
    }
    if (onCopy) {
      const copy = doc.createElement('button');
      copy.type = 'button';
      copy.className = 'secondary copy';
      copy.textContent = text.copy;
      copy.addEventListener('click', async () => {
        await onCopy(li.querySelector('.content').innerText ?? li.querySelector('.content').textContent);
        copy.textContent = text.copied;
      });
      tools.append(copy);
    }
    li.append(tools);
  }

  /** Links citations, marks unverified figures and adds the controls of a finished answer. */
  function decorate(li, flags) {
    linkCitations(li);
    markFlags(li, flags);
    addTools(li);
  }

  /** The "add to watchlist" buttons of an answer about companies, and the model's cost when one wrote it. */
  function renderDetails(li, message) {
    if (message.usage && !li.querySelector('.usage')) {
      const u = message.usage;
      const p = doc.createElement('p');
      p.className = 'usage muted';
      p.textContent = format(text.usage, u.model ?? '-', (u.totalMillis / 1000).toFixed(1), u.estimatedCostUsd.toFixed(4));
      li.insertBefore(p, li.querySelector('.message-tools'));
    }
    const companies = message.companies ?? [];
    if (!companies.length || li.querySelector('.watch') || !onWatch) return;
    const box = doc.createElement('div');
    box.className = 'watch';
    for (const c of companies) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.dataset.companyKey = c.key;
      button.textContent = format(text.watch, c.name);
      button.addEventListener('click', () => watch(button, c));
      box.append(button);
    }
    li.insertBefore(box, li.querySelector('.message-tools'));
  }

  async function watch(control, company) {
    control.disabled = true;
    try {
      await onWatch(company);
      const done = doc.createElement('span');
      done.className = 'watched';
      done.setAttribute('role', 'status');
      done.textContent = format(text.watched, company.name);
      control.replaceWith(done);
    } catch {
      control.disabled = false;
    }
  }

  /** One answer being streamed: apply(event) for each decoded event, repaint() once per network chunk. */
  function addAnswer() {
    const li = bubble('assistant');
    li.setAttribute('aria-busy', 'true');
    li.dataset.status = 'streaming';
    const body = li.querySelector('.content');
    let markdown = '';
    let dirty = false;
    let flags = [];
    let choice = null; // offered once the answer is stored: a click while it still streams would be lost
    const finished = (status) => {
      answer.repaint();
      li.dataset.status = status;
      li.removeAttribute('aria-busy');
    };
    const answer = {
      element: li,
      apply(event) {
        switch (event.name) {
          case 'start':
            li.dataset.messageId = String(event.messageId);
            break;
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
            flags = event.flags;
            flagNote(li, flags);
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
            finished('failed');
            note(li, 'status-note', problemMessage(event, text.problems) || text.failed);
            decorate(li, flags);
            break;
          case 'done':
            finished(event.status);
            decorate(li, flags);
            break;
          default:
            break; // claim-check changes nothing on this page yet
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
        finished(status);
        note(li, 'status-note', status === 'cancelled' ? text.stopped : text.failed);
        decorate(li, flags);
      },
    };
    return answer;
  }

  /** Moves to a cited source and highlights it (a click on an [S1] link). */
  function showSource(id) {
    const target = doc.getElementById(id);
    if (!target) return false;
    for (const old of list.querySelectorAll('.sources li.highlight')) old.classList.remove('highlight');
    target.classList.add('highlight');
    target.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    target.focus({ preventScroll: true });
    return true;
  }

  list.addEventListener('click', (e) => {
    const link = e.target.closest?.('a.cite-link');
    if (link && showSource(link.getAttribute('href').slice(1))) e.preventDefault();
  });

  return {
    addQuestion(content) {
      bubble('user').querySelector('.content').textContent = content;
    },
    addAnswer,
    /** A stored answer the server rendered: Markdown, citation links, flag marks and controls. */
    enhanceStored(li) {
      const content = li.querySelector('.content');
      renderer.renderMarkdown(content, content.textContent);
      const chart = li.querySelector('.answer-chart');
      if (chart && onChart) {
        const { company, name, through } = chart.dataset;
        onChart(chart, { company, name, through });
      }
      decorate(li, [...li.querySelectorAll('p.flags mark.flagged')].map((m) => m.textContent));
    },
    renderDetails,
    showSource,
  };
}
