// Injected into the active tab with chrome.scripting.executeScript, only when the user asks for it in the panel.
// Its completion value is the result. Everything read here is untrusted page content: the panel shows it as text
// and only sends what the user leaves ticked.
(() => {
  const MAX_TEXT = 20000;
  const selection = String(window.getSelection?.() ?? '');
  // innerText follows rendering, so hidden elements and scripts are left out.
  const text = (document.body?.innerText ?? '').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').slice(0, MAX_TEXT);
  return { selection, title: document.title, url: location.href, text };
})();
