// Options: the Finlens server address, validated, with host permission requested for exactly that origin.
import { createTokenStore, REDIRECT_PATH } from '../lib/auth.js';
import { createMessages } from '../lib/messages.js';
import { hostPermissionPattern, loadSettings, saveApiBase, validateApiBase } from '../lib/settings.js';

const $ = (id) => document.getElementById(id);
const { t, localize } = createMessages((key, substitutions) => chrome.i18n.getMessage(key, substitutions));

function showStatus(text) {
  $('options-status').textContent = text;
}

async function save(apiBase, granted) {
  if (!granted) {
    showStatus(t('permissionDenied'));
    return;
  }
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
$('api-base').value = (await loadSettings(chrome.storage.sync)).apiBase;

$('settings-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const checked = validateApiBase($('api-base').value);
  if (!checked.ok) {
    showStatus(t(checked.error));
    return;
  }
  // permissions.request needs the click's user gesture, so nothing is awaited before it.
  chrome.permissions
    .request({ origins: [hostPermissionPattern(checked.value)] })
    .then((granted) => save(checked.value, granted))
    .catch(() => showStatus(t('errorGeneric')));
});
