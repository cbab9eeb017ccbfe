// Options: the Finlens server address (validated), the sites Finlens never reads, and filing notifications.
import { createTokenStore, REDIRECT_PATH } from '../lib/auth.js';
import { createMessages } from '../lib/messages.js';
import { loadSettings, saveApiBase, saveDeniedSites, saveNotifyFilings, validateApiBase } from '../lib/settings.js';

const $ = (id) => document.getElementById(id);
const { t, localize } = createMessages((key, substitutions) => chrome.i18n.getMessage(key, substitutions));

function showStatus(text) {
  $('options-status').textContent = text;
}

async function save(apiBase) {
  const previous = await loadSettings(chrome.storage.sync);
  const saved = await saveApiBase(chrome.storage.sync, apiBase);
  // Tokens belong to the server that issued them; another server would reject them anyway.
  if (saved.apiBase !== previous.apiBase) await createTokenStore(chrome.storage.local).clear();
  $('api-base').value = saved.apiBase;
  showStatus(t('saved'));
}

document.documentElement.lang = chrome.i18n.getUILanguage().toLowerCase().startsWith('ko') ? 'ko' : 'en';
localize(document);
$('extension-id').textContent = chrome.runtime.id;
$('redirect-url').textContent = chrome.identity.getRedirectURL(REDIRECT_PATH);
const current = await loadSettings(chrome.storage.sync);
$('api-base').value = current.apiBase;
$('denied-sites').value = current.deniedSites.join('\n');
$('notify-filings').checked = current.notifyFilings;

// The notifications permission is optional: asked for only when the user switches notifications on (a click, as
// chrome.permissions.request requires), and the setting stays off when it is refused.
$('notify-filings').addEventListener('change', async (event) => {
  const on = event.target.checked;
  const granted = !on || (await chrome.permissions.request({ permissions: ['notifications'] }));
  await saveNotifyFilings(chrome.storage.sync, on && granted);
  event.target.checked = on && granted;
  $('notify-status').textContent = granted ? t('saved') : t('notifyFilingsDenied');
});

$('settings-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const checked = validateApiBase($('api-base').value);
  if (!checked.ok) {
    showStatus(t(checked.error));
    return;
  }
  save(checked.value).catch(() => showStatus(t('errorGeneric')));
});

$('denied-form').addEventListener('submit', (event) => {
  event.preventDefault();
  saveDeniedSites(chrome.storage.sync, $('denied-sites').value)
    .then((saved) => {
      $('denied-sites').value = saved.deniedSites.join('\n');
      $('denied-status').textContent = t('saved');
    })
    .catch(() => {
      $('denied-status').textContent = t('errorGeneric');
    });
});
