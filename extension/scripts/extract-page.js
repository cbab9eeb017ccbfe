// Injected into the active tab with chrome.scripting.executeScript, only when the user asks for it in the panel.
// Its completion value is the result. It runs in the extension's isolated world, so page scripts cannot change what
// these DOM calls return, but what they return is still untrusted page content: the panel shows it only as text and
// sends only what the user leaves ticked.
(() => {
  const MAX_TEXT = 20000;
  const selection = String(window.getSelection?.() ?? '');
  // innerText follows rendering, so hidden elements and scripts are left out.
  const text = (document.body?.innerText ?? '').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').slice(0, MAX_TEXT);
  return { selection, title: document.title, url: location.href, text };
})();
