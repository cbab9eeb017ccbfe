// Event wiring only: the MV3 service worker may be stopped at any time, so it keeps no state of its own.
// Work (sign-in, questions, streaming) happens in the side panel; data reaches it through chrome.storage.session.
import { PENDING_CONTEXT_KEY } from './lib/context.js';
import { deniedSiteFor, loadSettings } from './lib/settings.js';

const MENU_ASK_SELECTION = 'finlens-ask-selection';

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({
    id: MENU_ASK_SELECTION,
    title: chrome.i18n.getMessage('contextMenuAsk'),
    contexts: ['selection'],
  });
});

// Clicking the toolbar icon opens the panel (and grants activeTab for that tab).
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error) => console.error(error));

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ASK_SELECTION || !tab) return;
  // sidePanel.open must run while the click's user gesture is still active, so before any await.
  chrome.sidePanel.open({ windowId: tab.windowId }).catch((error) => console.error(error));
  handOver(info, tab).catch((error) => console.error(error));
});

/** The selection goes to the panel through session storage, unless the site is denied: then only that fact does. */
async function handOver(info, tab) {
  const url = info.pageUrl ?? tab.url ?? '';
  const denied = deniedSiteFor(url, (await loadSettings(chrome.storage.sync)).deniedSites);
  const pending = denied
    ? { deniedSite: denied, capturedAt: Date.now() }
    : { selection: info.selectionText ?? '', title: tab.title ?? '', url, capturedAt: Date.now() };
  await chrome.storage.session.set({ [PENDING_CONTEXT_KEY]: pending });
}
