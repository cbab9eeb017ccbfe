// The side panel: signs in, previews page context, asks questions and streams answers.
import DOMPurify from '../lib/vendor/purify.es.mjs';
import { Marked } from '../lib/vendor/marked.esm.js';
import { createApiClient } from '../lib/api.js';
import { AUTH_KEY, createAuth, createTokenStore } from '../lib/auth.js';
import { PENDING_CONTEXT_KEY } from '../lib/context.js';
import { askAboutCandidate } from '../lib/answer-stream.js';
import { ErrorKind, errorFromFailedEvent } from '../lib/errors.js';
import { createMessages } from '../lib/messages.js';
import { companiesFromMentions } from '../lib/mentions.js';
import { createRenderer } from '../lib/render.js';
import { SETTINGS_KEY, denySite, loadSettings, normaliseSettings } from '../lib/settings.js';
import { createContextPreview } from './context-preview.js';
import { createPageTextPreview } from './page-text-preview.js';
import { readActivePage } from './page.js';
import { createThreadView } from './thread.js';

const TITLE_LENGTH = 60;
const UI_LANG = chrome.i18n.getUILanguage().toLowerCase().startsWith('ko') ? 'ko' : 'en';

const $ = (id) => document.getElementById(id);
const messages = createMessages((key, substitutions) => chrome.i18n.getMessage(key, substitutions));
const { t } = messages;
const renderer = createRenderer({ createDOMPurify: DOMPurify, window, Marked });

let settings = await loadSettings(chrome.storage.sync);
const auth = createAuth({
  tokenStore: createTokenStore(chrome.storage.local),
  fetch: (...args) => fetch(...args),
  getApiBase: () => settings.apiBase,
  identity: chrome.identity,
  locks: navigator.locks,
});
const api = createApiClient({ fetch: (...args) => fetch(...args), getApiBase: () => settings.apiBase, auth });

const thread = createThreadView({ container: $('thread'), renderer, messages });
const redactionLabels = { revealLabel: t('revealRedaction'), hideLabel: t('hideRedaction') };
const preview = createContextPreview($('context-preview'), redactionLabels);
const pageTextPreview = createPageTextPreview($('page-text-preview'), redactionLabels, (text) => findCompanies(text));
let pageUrl = ''; // the address of the page last read, for "Never on this site"
let conversationId = null;
let streaming = null; // the AbortController of the answer being streamed

function showStatus(text) {
  $('status').textContent = text ?? '';
}

function showError(error) {
  if (error?.kind === ErrorKind.SIGNED_OUT) {
    showView();
  }
  const { title, detail } = messages.describeError(error);
  showStatus(detail ? `${title} ${detail}` : title);
}

async function showView() {
  const signedIn = await auth.isSignedIn();
  $('signed-in-view').hidden = !signedIn;
  $('signed-out-view').hidden = signedIn;
  $('sign-out').hidden = !signedIn;
  $('usage').hidden = !signedIn;
  if (signedIn) {
    await Promise.all([loadConversations(), loadUsage()]);
  }
}

async function loadUsage() {
  try {
    const usage = await api.usage();
    $('usage').textContent = t('usageRemaining', [String(usage.remaining), String(usage.dailyAnswerLimit)]);
  } catch {
    $('usage').textContent = '';
  }
}

const dateFormat = new Intl.DateTimeFormat(UI_LANG, { dateStyle: 'medium', timeStyle: 'short' });

/** When a conversation last changed, in the reader's locale and time zone; empty when the server sent no date. */
function lastActivity(isoDate) {
  const time = document.createElement('time');
  time.className = 'conversation-date';
  const date = new Date(isoDate);
  if (isoDate && !Number.isNaN(date.getTime())) {
    time.dateTime = date.toISOString();
    time.textContent = dateFormat.format(date);
  }
  return time;
}

async function loadConversations() {
  try {
    const conversations = await api.listConversations();
    const list = $('conversation-list');
    list.replaceChildren();
    for (const conversation of conversations) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'conversation';
      const title = document.createElement('span');
      title.className = 'conversation-title';
      title.textContent = conversation.title || t('untitledConversation');
      button.append(title, lastActivity(conversation.updatedAt ?? conversation.createdAt));
      button.addEventListener('click', () => openConversation(conversation.id));
      const item = document.createElement('li');
      item.append(button);
      list.append(item);
    }
  } catch (error) {
    showError(error);
  }
}

async function openConversation(id) {
  if (streaming) return;
  try {
    const stored = await api.listMessages(id);
    conversationId = id;
    thread.showStored(stored);
    $('history').open = false;
  } catch (error) {
    showError(error);
  }
}

function setBusy(busy) {
  $('ask').hidden = busy;
  $('stop').hidden = !busy;
  $('question').disabled = busy;
}

/** Asks {content, context?, companyKey?} and streams the answer into a new message of the thread. */
async function ask(question) {
  const { content } = question;
  if (streaming || !content.trim()) return;
  showStatus('');
  streaming = new AbortController();
  setBusy(true);
  thread.addUserMessage(content);
  const answer = thread.addAssistantMessage();
  try {
    if (!conversationId) {
      conversationId = (await api.createConversation(content.trim().slice(0, TITLE_LENGTH))).id;
    }
    let choice = null; // offered once the answer is stored: a click while it still streams would be lost
    const outcome = await api.ask(conversationId, question, {
      signal: streaming.signal,
      onEvent: (event) => {
        if (event.name === 'choose-company') choice = event;
        else showAnswerEvent(answer, event);
      },
      onChunkDone: () => answer.flush(),
    });
    if (outcome.end === 'cut-off') answer.finish('failed');
    if (outcome.end === 'done' && choice) {
      // The user's own question again, about the company they picked; never the clarifying sentence.
      answer.chooseCompany(choice, (candidate) => ask(askAboutCandidate(content, candidate)));
    }
  } catch (error) {
    if (error.kind === ErrorKind.ABORTED) {
      answer.finish('cancelled');
    } else {
      answer.fail(messages.describeError(error));
      if (error.kind === ErrorKind.SIGNED_OUT) showView();
    }
  } finally {
    streaming = null;
    setBusy(false);
    loadConversations();
    loadUsage();
  }
}

/** Applies one decoded answer event (lib/answer-stream.js) to the answer on screen. */
function showAnswerEvent(answer, event) {
  switch (event.name) {
    case 'step':
      answer.step(event);
      break;
    case 'token':
      answer.appendToken(event.text);
      break;
    case 'sources':
      answer.setSources(event.sources);
      break;
    case 'number-check':
      answer.setFlags(event.flags);
      break;
    case 'done':
      if (event.flags.length > 0) answer.setFlags(event.flags);
      answer.finish(event.status);
      break;
    case 'failed':
      answer.fail(messages.describeError(errorFromFailedEvent(event)));
      break;
    default:
      break; // start and claim-check change nothing on screen yet; choose-company waits for done
  }
}

function showPage(page) {
  pageUrl = page.url ?? '';
  $('never-on-site').hidden = !/^https?:/.test(pageUrl);
  preview.show(page);
}

async function showPendingContext(raw) {
  if (!raw) return;
  if (raw.deniedSite) showStatus(t('siteDenied', [raw.deniedSite]));
  else showPage(raw);
  // Handed over once: the next panel load must not silently bring it back.
  await chrome.storage.session.remove(PENDING_CONTEXT_KEY);
}

function pageErrorText(error) {
  if (error?.message === 'siteDenied') return t('siteDenied', [error.site]);
  return t(error?.message === 'pageNotAllowed' ? 'pageNotAllowed' : 'pageUnavailable');
}

async function usePage() {
  showStatus('');
  try {
    showPage(await readActivePage(settings.deniedSites));
  } catch (error) {
    showStatus(pageErrorText(error));
  }
}

/** Reads the page and previews its visible text; only Send in that preview passes it to findCompanies. */
async function previewPageText() {
  showStatus('');
  try {
    const page = await readActivePage(settings.deniedSites);
    pageUrl = page.url ?? '';
    pageTextPreview.show(page.text ?? '');
  } catch (error) {
    showStatus(pageErrorText(error));
  }
}

async function findCompanies(text) {
  try {
    const companies = companiesFromMentions(await api.findMentions(text));
    const chips = $('company-chips');
    chips.replaceChildren();
    for (const company of companies) {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip';
      chip.textContent = company.name;
      chip.title = [company.krxCode, company.market, company.nameEn].filter(Boolean).join(' · ');
      chip.addEventListener('click', () => {
        $('question').value = t('chipQuestion', [company.name, company.krxCode]);
        $('question').focus();
      });
      chips.append(chip);
    }
    if (companies.length === 0) showStatus(t('noCompaniesFound'));
  } catch (error) {
    showError(error);
  }
}

async function neverOnThisSite() {
  preview.clear();
  pageTextPreview.clear();
  const host = new URL(pageUrl).hostname;
  settings = await denySite(chrome.storage.sync, pageUrl);
  showStatus(t('siteDeniedAdded', [host]));
}

async function signIn() {
  showStatus('');
  await auth.signIn();
  await showView();
}

async function signOut() {
  if (streaming) streaming.abort();
  await auth.signOut();
  conversationId = null;
  thread.clear();
  await showView();
}

document.documentElement.lang = UI_LANG;
messages.localize(document);

$('sign-in').addEventListener('click', () => signIn().catch(showError));
$('sign-out').addEventListener('click', () => signOut().catch(showError));
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('new-conversation').addEventListener('click', () => {
  if (streaming) return;
  conversationId = null;
  thread.clear();
  $('history').open = false;
});
$('use-page').addEventListener('click', usePage);
$('find-companies').addEventListener('click', previewPageText);
$('never-on-site').addEventListener('click', () => neverOnThisSite().catch(showError));
$('clear-context').addEventListener('click', () => preview.clear());
$('stop').addEventListener('click', () => streaming?.abort());
$('question').addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter breaks the line; never while an IME is composing (Enter then picks the Hangul/kanji).
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  $('ask-form').requestSubmit();
});
$('ask-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const content = $('question').value;
  const context = preview.requestContext();
  $('question').value = '';
  preview.clear();
  ask(context ? { content, context } : { content });
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes[SETTINGS_KEY]) {
    settings = normaliseSettings(changes[SETTINGS_KEY].newValue);
  }
  // Signed in or out elsewhere (another panel, the options page); token rotation alone changes nothing on screen.
  if (area === 'local' && changes[AUTH_KEY] && Boolean(changes[AUTH_KEY].oldValue) !== Boolean(changes[AUTH_KEY].newValue)) {
    showView();
  }
  if (area === 'session' && changes[PENDING_CONTEXT_KEY]?.newValue) {
    showPendingContext(changes[PENDING_CONTEXT_KEY].newValue);
  }
});

await showPendingContext((await chrome.storage.session.get(PENDING_CONTEXT_KEY))[PENDING_CONTEXT_KEY]);
await showView();
