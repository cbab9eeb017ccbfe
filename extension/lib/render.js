// Safe rendering of untrusted text. Model output is Markdown turned into HTML by marked and then cleaned by
// DOMPurify; everything else (titles, names, errors, page text) is set with textContent.

// Enough for answers (paragraphs, lists, tables, code); no images, forms, media or styles from a model.
const ALLOWED_TAGS = [
  'a', 'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
];
const ALLOWED_ATTR = ['href', 'title', 'align', 'start'];

/** The URL if it is absolute http(s), otherwise null: javascript:, data:, relative and malformed links are refused. */
export function safeHttpUrl(href) {
  if (typeof href !== 'string' || href.trim() === '') return null;
  let url;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

function hardenLink(anchor, href) {
  const safe = safeHttpUrl(href);
  if (safe) {
    anchor.setAttribute('href', safe);
    anchor.setAttribute('target', '_blank');
    anchor.setAttribute('rel', 'noopener noreferrer');
  } else {
    anchor.removeAttribute('href');
  }
}

/**
 * @param {object} deps
 * @param {Function} deps.createDOMPurify DOMPurify's default export (a factory taking a window)
 * @param {Window} deps.window the window whose document receives the output
 * @param {Function} deps.Marked marked's Marked class
 */
export function createRenderer({ createDOMPurify, window, Marked }) {
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') hardenLink(node, node.getAttribute('href'));
  });
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  const config = { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, RETURN_DOM_FRAGMENT: true };
  const document = window.document;

  return {
    /** Replaces element's children with the sanitised rendering of markdown (a fragment, no innerHTML). */
    renderMarkdown(element, markdown) {
      const fragment = purify.sanitize(marked.parse(String(markdown ?? '')), config);
      element.replaceChildren(fragment);
    },

    /** Appends the sanitised rendering of markdown after element's children (a finished block of an answer). */
    appendMarkdown(element, markdown) {
      element.append(purify.sanitize(marked.parse(String(markdown ?? '')), config));
    },

    /** A link that opens in a new tab, or plain text when the URL is not http(s). */
    link(href, text) {
      const safe = safeHttpUrl(href);
      const element = document.createElement(safe ? 'a' : 'span');
      element.textContent = text || href || '';
      if (safe) hardenLink(element, safe);
      return element;
    },

    /** An element with the given class and text, set with textContent. */
    text(tag, className, text) {
      const element = document.createElement(tag);
      if (className) element.className = className;
      element.textContent = text ?? '';
      return element;
    },
  };
}
