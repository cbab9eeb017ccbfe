// Reads the active tab on an explicit user action, via scripts/extract-page.js.

/**
 * Returns { selection, title, url, text } of the active tab in the panel's window, or throws an Error whose message
 * is a UI message key. Chrome grants page access (activeTab) when the user clicks the toolbar icon or our context
 * menu on that tab; restricted pages (chrome://, the Web Store) can never be read.
 */
export async function readActivePage() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) throw new Error('pageUnavailable');
  let results;
  try {
    results = await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['scripts/extract-page.js'] });
  } catch {
    throw new Error('pageNotAllowed');
  }
  const page = results?.[0]?.result;
  if (!page || typeof page !== 'object') throw new Error('pageUnavailable');
  return page;
}
