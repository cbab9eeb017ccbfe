// The conversation on screen: user questions as text, assistant answers as sanitised Markdown with their steps,
// sources, unverified-number flags, company choices and claim verdicts.
import { createBlockSplitter } from '../lib/markdown-blocks.js';

const VERDICT_KEYS = { supported: 'verdictSupported', contradicted: 'verdictContradicted', cannot_verify: 'verdictCannotVerify' };

/**
 * @param {object} deps
 * @param {HTMLElement} deps.container
 * @param {ReturnType<import('../lib/render.js').createRenderer>} deps.renderer
 * @param {ReturnType<import('../lib/messages.js').createMessages>} deps.messages
 */
export function createThreadView({ container, renderer, messages }) {
  const { t } = messages;

  function article(role) {
    const element = document.createElement('article');
    element.className = `message ${role}`;
    container.append(element);
    return element;
  }

  function scrollToEnd() {
    container.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  function addAssistantMessage() {
    const root = article('assistant');
    const steps = document.createElement('ol');
    steps.className = 'steps';
    const content = document.createElement('div');
    content.className = 'content markdown';
    // Finished blocks are rendered once into `done`; only the block still arriving is re-rendered, into `tail`.
    const done = document.createElement('div');
    const tail = document.createElement('div');
    content.append(done, tail);
    const claim = document.createElement('div');
    claim.className = 'claim';
    const choices = document.createElement('div');
    choices.className = 'choices';
    const flags = document.createElement('div');
    flags.className = 'flags';
    const sources = document.createElement('div');
    sources.className = 'sources';
    const status = document.createElement('p');
    status.className = 'message-status';
    root.append(steps, claim, content, choices, flags, sources, status);
    // Screen readers announce the answer once it is complete rather than token by token.
    root.setAttribute('aria-busy', 'true');

    const blocks = createBlockSplitter();
    let dirty = false;
    let sourceList = [];
    let verdict = null;
    const stepItems = new Map();

    /** The verdict card: what was claimed, the primary-source figures found, each linked to its source. */
    function paintClaim() {
      claim.replaceChildren();
      if (!verdict) return;
      const card = document.createElement('section');
      card.className = 'claim-card';
      card.dataset.verdict = verdict.verdict;
      card.append(renderer.text('h3', 'claim-verdict', t(VERDICT_KEYS[verdict.verdict] ?? 'verdictCannotVerify')));
      if (verdict.claimed) card.append(renderer.text('p', 'claim-claimed', t('claimClaimed', [verdict.claimed])));
      const found = Array.isArray(verdict.found) ? verdict.found : [];
      if (found.length === 0) {
        card.append(renderer.text('p', 'claim-found', t('claimNothingFound')));
      } else {
        card.append(renderer.text('p', '', t('claimFound')));
        const ul = document.createElement('ul');
        for (const figure of found) {
          const li = document.createElement('li');
          li.className = 'claim-found';
          li.append(renderer.text('strong', 'claim-value', figure.value ?? ''));
          const about = [figure.company, figure.label, figure.period].filter(Boolean).join(' · ');
          if (about) li.append(document.createTextNode(` (${about}) `));
          const source = sourceList.find((s) => s.id === figure.sourceId);
          li.append(source ? renderer.link(source.url, `[${figure.sourceId}]`) : renderer.text('span', '', `[${figure.sourceId}]`));
          ul.append(li);
        }
        card.append(ul);
      }
      claim.append(card);
    }

    const view = {
      step({ step: name, label, status: stepStatus }) {
        let item = stepItems.get(name);
        if (!item) {
          item = document.createElement('li');
          stepItems.set(name, item);
          steps.append(item);
        }
        item.textContent = label || name || '';
        item.dataset.status = stepStatus || '';
      },

      appendToken(piece) {
        if (typeof piece !== 'string' || piece === '') return;
        const completed = blocks.push(piece);
        if (completed) renderer.appendMarkdown(done, completed);
        dirty = true;
      },

      /** Repaints the trailing block once per network chunk rather than once per token. */
      flush() {
        if (!dirty) return;
        dirty = false;
        renderer.renderMarkdown(tail, blocks.tail());
        scrollToEnd();
      },

      setContent(markdown) {
        done.replaceChildren();
        renderer.renderMarkdown(tail, markdown ?? '');
      },

      /** The claim-check event: the card shows at once, its source links once the sources arrive. */
      setClaim(event) {
        verdict = event;
        paintClaim();
      },

      setSources(list) {
        sources.replaceChildren();
        sourceList = Array.isArray(list) ? list : [];
        paintClaim();
        if (sourceList.length === 0) return;
        sources.append(renderer.text('h3', '', t('sourcesHeading')));
        const ol = document.createElement('ol');
        for (const source of list) {
          const li = document.createElement('li');
          const label = source.id ? `[${source.id}] ${source.title ?? ''}` : source.title ?? '';
          li.append(renderer.link(source.url, label.trim() || source.url));
          const meta = [source.system, source.asOf].filter(Boolean).join(' · ');
          if (meta) li.append(renderer.text('span', 'source-meta', meta));
          ol.append(li);
        }
        sources.append(ol);
      },

      setFlags(list) {
        flags.replaceChildren();
        if (!Array.isArray(list) || list.length === 0) return;
        flags.append(renderer.text('h3', '', t('flagsHeading')));
        const ul = document.createElement('ul');
        for (const flag of list) ul.append(renderer.text('li', '', typeof flag === 'string' ? flag : JSON.stringify(flag)));
        flags.append(ul);
      },

      /** Offers the candidates of a choose-company event; onChoose(candidate) re-asks about the one clicked. */
      chooseCompany({ candidates }, onChoose) {
        choices.replaceChildren(renderer.text('p', '', t('chooseCompany')));
        for (const candidate of candidates) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'choice';
          button.textContent = [candidate.name, candidate.ticker, candidate.market].filter(Boolean).join(' · ');
          button.addEventListener('click', () => onChoose(candidate));
          choices.append(button);
        }
      },

      finish(finalStatus) {
        view.flush();
        root.removeAttribute('aria-busy');
        root.dataset.status = finalStatus || 'complete';
        const key = { cancelled: 'answerStopped', failed: 'answerFailed', streaming: 'answerStreaming' }[finalStatus];
        status.textContent = key ? t(key) : '';
      },

      fail({ title, detail }) {
        view.flush();
        root.removeAttribute('aria-busy');
        root.dataset.status = 'failed';
        status.replaceChildren(renderer.text('strong', '', title));
        if (detail) status.append(document.createTextNode(` ${detail}`));
      },

      remove() {
        root.remove();
      },
    };
    return view;
  }

  return {
    clear() {
      container.replaceChildren();
    },

    /** Shows the user's question (or, with a label, the claim they asked to check); returns its element. */
    addUserMessage(content, label) {
      const element = article('user');
      if (label) element.append(renderer.text('span', 'message-label', `${label} `));
      element.append(renderer.text('div', 'content', content));
      scrollToEnd();
      return element;
    },

    addAssistantMessage,

    /** Shows messages loaded from GET .../messages. */
    showStored(list) {
      container.replaceChildren();
      for (const message of list) {
        if (message.role === 'user') {
          this.addUserMessage(message.content ?? '');
          continue;
        }
        const view = addAssistantMessage();
        view.setContent(message.content);
        view.setSources(message.sources);
        view.setFlags(message.flags);
        view.finish(message.status);
      }
    },
  };
}
