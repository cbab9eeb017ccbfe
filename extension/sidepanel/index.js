// The side panel: signs in, previews page context, asks questions or checks claims and streams answers, lists new
// filings from the watchlist.
import DOMPurify from '../lib/vendor/purify.es.mjs';
import { Marked } from '../lib/vendor/marked.esm.js';
import { createApiClient } from '../lib/api.js';
import { AUTH_KEY, createAuth, createTokenStore } from '../lib/auth.js';
import { PENDING_CONTEXT_KEY } from '../lib/context.js';
import { FEED_KEY, POLL_MESSAGE } from '../lib/feed.js';
import { askAboutCandidate } from '../lib/answer-stream.js';
import { ErrorKind, errorFromFailedEvent } from '../lib/errors.js';
import { createMessages } from '../lib/messages.js';
import { companiesFromMentions } from '../lib/mentions.js';
import { createRenderer } from '../lib/render.js';
import { SETTINGS_KEY, denySite, loadSettings, normaliseSettings } from '../lib/settings.js';
import { renderChips } from './chips.js';
import { createContextPreview } from './context-preview.js';
import { createPageTextPreview } from './page-text-preview.js';
import { readActivePage } from './page.js';
import { createThreadView } from './thread.js';

const TITLE_LENGTH = 60;
const MAX_CLAIM = 4_000; // the backend's limit for content
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
// A question whose answer stopped because the session died: asked again, once, after the next sign-in.
let kept = null;

/** Shows text in the message slot next to what it is about (an element with the error class); '' hides it. */
function note(slotId, text) {
  const slot = $(slotId);
  slot.textContent = text ?? '';
  slot.hidden = !text;
}

function errorText(error) {
  const { title, detail } = messages.describeError(error);
  return detail ? `${title} ${detail}` : title;
}

/** An error of a call made for slotId's part of the panel, shown there; a lost session shows the sign-in view. */
function showError(slotId, error) {
  if (error?.kind === ErrorKind.SIGNED_OUT) showView();
  note(slotId, errorText(error));
}

async function showView() {
  const signedIn = await auth.isSignedIn();
  $('signed-in-view').hidden = !signedIn;
  $('signed-out-view').hidden = signedIn;
  $('sign-out').hidden = !signedIn;
  $('usage').hidden = !signedIn;
  $('kept-question').hidden = !kept;
  if (signedIn) {
    resumeKept();
    chrome.runtime.sendMessage({ type: POLL_MESSAGE }).catch(() => {}); // the worker refreshes badge and feed
    await Promise.all([loadConversations(), loadUsage(), showFilings()]);
  } else {
    await nameSignIn();
  }
}

/** The button names the sign-in this server really offers (Google, or the local development sign-in). */
async function nameSignIn() {
  try {
    const { google, development } = await auth.signInMethods();
    $('sign-in').textContent = t(google ? 'signInGoogle' : development ? 'signInDevelopment' : 'signIn');
    note('sign-in-error', '');
  } catch {
    $('sign-in').textContent = t('signIn');
    note('sign-in-error', t('signInMethodsUnavailable', [settings.apiBase]));
  }
}

/** Sends the kept question again, exactly once: it is taken before anything is awaited. */
function resumeKept() {
  const question = kept;
  kept = null;
  if (!question) return;
  for (const element of question.shown) element.remove();
  conversationId = question.conversationId;
  ask(question.body);
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
      const name = conversation.title || t('untitledConversation');
      title.textContent = name;
      button.append(title, lastActivity(conversation.updatedAt ?? conversation.createdAt));
      button.addEventListener('click', () => openConversation(conversation.id));
      const item = document.createElement('li');
      item.className = 'conversation-row';
      item.dataset.conversationId = String(conversation.id);
      item.append(button, deleteButton(conversation.id, name));
      list.append(item);
    }
    note('history-error', '');
  } catch (error) {
    showError('history-error', error);
  }
}

/** Delete asks once more on the button itself ("Delete?"), then calls the API; the row goes when the server agrees. */
function deleteButton(id, name) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'conversation-delete';
  button.textContent = t('deleteConversation');
  button.setAttribute('aria-label', t('deleteConversationLabel', [name]));
  button.addEventListener('click', async () => {
    if (button.dataset.confirm !== 'true') {
      button.dataset.confirm = 'true';
      button.textContent = t('deleteConversationConfirm');
      return;
    }
    try {
      await api.deleteConversation(id);
      if (conversationId === id && !streaming) {
        conversationId = null;
        thread.clear();
      }
      await loadConversations();
    } catch (error) {
      showError('history-error', error);
    }
  });
  return button;
}

async function openConversation(id) {
  if (streaming) return;
  try {
    const stored = await api.listMessages(id);
    conversationId = id;
    thread.showStored(stored);
    $('history').open = false;
  } catch (error) {
    showError('history-error', error);
  }
}

function setBusy(busy) {
  $('ask').hidden = busy;
  $('check-claim').hidden = busy;
  $('stop').hidden = !busy;
  $('question').disabled = busy;
}

/**
 * Asks {content, context?, companyKey?, mode?} and streams the answer into a new message of the thread. When the
 * session dies on the way (the refresh token was revoked or expired), the question is kept for after sign-in.
 */
async function ask(question) {
  const { content } = question;
  if (streaming || !content.trim()) return;
  note('ask-status', '');
  streaming = new AbortController();
  setBusy(true);
  const claimCheck = question.mode === 'claim-check';
  const asked = thread.addUserMessage(content, claimCheck ? t('claimQuestionLabel') : '');
  const answer = thread.addAssistantMessage();
  const startedIn = conversationId;
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
    } else if (error.kind === ErrorKind.SIGNED_OUT) {
      // Nothing reached the backend's answer route with a dead session: sending it again stores it once.
      answer.fail({ title: t('errorSignedOut'), detail: t('questionKept') });
      kept = { body: question, conversationId: conversationId ?? startedIn, shown: [asked, answer] };
      showView();
    } else {
      answer.fail(messages.describeError(error));
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
    case 'claim-check':
      answer.setClaim(event);
      break;
    case 'done':
      if (event.flags.length > 0) answer.setFlags(event.flags);
      answer.finish(event.status);
      break;
    case 'failed':
      answer.fail(messages.describeError(errorFromFailedEvent(event)));
      break;
    default:
      break; // start changes nothing on screen; choose-company waits for done
  }
}

function showPage(page) {
  pageUrl = page.url ?? '';
  $('never-on-site').hidden = !/^https?:/.test(pageUrl);
  preview.show(page);
}

/** A selection handed over by a context-menu item: previewed first; "Fact-check with Finlens" readies that button. */
async function showPendingContext(raw) {
  if (!raw) return;
  if (raw.deniedSite) {
    note('page-status', t('siteDenied', [raw.deniedSite]));
  } else {
    note('page-status', '');
    showPage(raw);
    if (raw.purpose === 'claim-check') {
      note('ask-status', t('checkClaimReady'));
      $('check-claim').focus();
    }
  }
  // Handed over once: the next panel load must not silently bring it back.
  await chrome.storage.session.remove(PENDING_CONTEXT_KEY);
}

function pageErrorText(error) {
  if (error?.message === 'siteDenied') return t('siteDenied', [error.site]);
  return t(error?.message === 'pageNotAllowed' ? 'pageNotAllowed' : 'pageUnavailable');
}

async function usePage() {
  note('page-status', '');
  try {
    showPage(await readActivePage(settings.deniedSites));
  } catch (error) {
    note('page-status', pageErrorText(error));
  }
}

/** Reads the page and previews its visible text; only Send in that preview passes it to findCompanies. */
async function previewPageText() {
  note('page-status', '');
  try {
    const page = await readActivePage(settings.deniedSites);
    pageUrl = page.url ?? '';
    pageTextPreview.show(page.text ?? '');
  } catch (error) {
    note('page-status', pageErrorText(error));
  }
}

/** The companies the user watches, for the marker on their chips; none when the list cannot be read. */
async function watchedKeys() {
  try {
    return new Set((await api.watchlist()).map((item) => item.companyKey));
  } catch {
    return new Set();
  }
}

async function findCompanies(text) {
  try {
    const [mentions, watched] = await Promise.all([api.findMentions(text), watchedKeys()]);
    const companies = companiesFromMentions(mentions);
    renderChips($('company-chips'), companies, watched, {
      t,
      renderer,
      onChoose: (company) => {
        $('question').value = t('chipQuestion', [company.name, company.krxCode]);
        $('question').focus();
      },
    });
    note('page-status', companies.length === 0 ? t('noCompaniesFound') : '');
  } catch (error) {
    showError('page-status', error);
  }
}

/** New filings of watched companies, as the service worker last polled them (chrome.storage.local). */
async function showFilings(state) {
  const feed = state === undefined ? (await chrome.storage.local.get(FEED_KEY))[FEED_KEY] : state;
  const unread = feed?.unread ?? [];
  $('filings').hidden = !(feed?.unreadCount > 0);
  if ($('filings').hidden) return;
  $('filings-heading').textContent = t('filingsHeading', [String(feed.unreadCount)]);
  const list = $('filings-list');
  list.replaceChildren();
  for (const filing of unread) {
    const item = document.createElement('li');
    item.append(renderer.link(filing.url, `${filing.companyName} · ${filing.reportName}`));
    item.append(renderer.text('span', 'source-meta', [filing.receivedOn, feed.offline ? t('filingsOffline') : ''].filter(Boolean).join(' · ')));
    list.append(item);
  }
}

/** "Mark read" marks the same feed read on the server (the web shows it read too), then the worker polls again. */
async function markFilingsRead() {
  const feed = (await chrome.storage.local.get(FEED_KEY))[FEED_KEY];
  if (!feed) return;
  try {
    await api.markFeedRead(feed.cursor);
    note('filings-error', '');
    await chrome.runtime.sendMessage({ type: POLL_MESSAGE });
  } catch (error) {
    showError('filings-error', error);
  }
}

/**
 * Fact-check: the claim is the previewed selection as it will be sent (redactions and all), else the text typed in
 * the box. It goes as an explicit claim check; the page title and address go along only if still ticked.
 */
function checkClaim() {
  const { selection, ...rest } = preview.requestContext() ?? {};
  const claim = (selection ?? $('question').value).trim().slice(0, MAX_CLAIM);
  if (!claim) {
    note('ask-status', t('checkClaimNothing'));
    return;
  }
  if (selection === undefined) $('question').value = '';
  preview.clear();
  const body = { content: claim, mode: 'claim-check' };
  if (Object.keys(rest).length > 0) body.context = rest;
  ask(body);
}

async function neverOnThisSite() {
  preview.clear();
  pageTextPreview.clear();
  const host = new URL(pageUrl).hostname;
  settings = await denySite(chrome.storage.sync, pageUrl);
  note('page-status', t('siteDeniedAdded', [host]));
}

async function signIn() {
  note('sign-in-error', '');
  await auth.signIn();
  await showView();
}

async function signOut() {
  if (streaming) streaming.abort();
  kept = null; // signing out on purpose drops a kept question too
  await auth.signOut();
  conversationId = null;
  thread.clear();
  await showView();
}

document.documentElement.lang = UI_LANG;
messages.localize(document);

$('sign-in').addEventListener('click', () => signIn().catch((error) => showError('sign-in-error', error)));
$('sign-out').addEventListener('click', () => signOut().catch((error) => showError('sign-in-error', error)));
$('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
$('new-conversation').addEventListener('click', () => {
  if (streaming) return;
  conversationId = null;
  thread.clear();
  $('history').open = false;
});
$('use-page').addEventListener('click', usePage);
$('find-companies').addEventListener('click', previewPageText);
$('never-on-site').addEventListener('click', () => neverOnThisSite().catch((error) => showError('page-status', error)));
$('check-claim').addEventListener('click', checkClaim);
$('filings-read').addEventListener('click', markFilingsRead);
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
  if (area === 'local' && changes[FEED_KEY]) {
    showFilings(changes[FEED_KEY].newValue ?? null);
  }
  if (area === 'session' && changes[PENDING_CONTEXT_KEY]?.newValue) {
    showPendingContext(changes[PENDING_CONTEXT_KEY].newValue);
  }
});

await showPendingContext((await chrome.storage.session.get(PENDING_CONTEXT_KEY))[PENDING_CONTEXT_KEY]);
await showView();
