// Reads the active tab on an explicit user action, via scripts/extract-page.js, unless the site is denied.
import { deniedSiteFor } from '../lib/settings.js';

/** An Error whose message is a UI message key; site names the denied entry when the deny list stopped the read. */
function pageError(key, site) {
  return Object.assign(new Error(key), { site });
}

/**
 * Returns { selection, title, url, text } of the active tab in the panel's window, or throws (see pageError).
 * Chrome grants page access (activeTab) when the user clicks the toolbar icon or our context menu on that tab, and
 * only then does the tab carry its address; restricted pages (chrome://, the Web Store) can never be read. The deny
 * list is checked against that address before any script runs, so on a denied site nothing is read at all.
 */
export async function readActivePage(deniedSites) {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) throw pageError('pageUnavailable');
  if (!tab.url) throw pageError('pageNotAllowed');
  const denied = deniedSiteFor(tab.url, deniedSites);
  if (denied) throw pageError('siteDenied', denied);
  let results;
  try {
    results = await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['scripts/extract-page.js'] });
  } catch {
    throw pageError('pageNotAllowed');
  }
  const page = results?.[0]?.result;
  if (!page || typeof page !== 'object') throw pageError('pageUnavailable');
  return page;
}
