// Event wiring only: the MV3 service worker may be stopped at any time, so it keeps no state of its own.
// Work (sign-in, questions, streaming) happens in the side panel; data reaches it through chrome.storage.session.
import { PENDING_CONTEXT_KEY } from './lib/context.js';

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
  chrome.storage.session
    .set({
      [PENDING_CONTEXT_KEY]: {
        selection: info.selectionText ?? '',
        title: tab.title ?? '',
        url: info.pageUrl ?? tab.url ?? '',
        capturedAt: Date.now(),
      },
    })
    .catch((error) => console.error(error));
});
