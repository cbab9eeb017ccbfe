// UI strings. They come from _locales/{en,ko}/messages.json through chrome.i18n.getMessage, which is passed in so
// this module runs under node --test. Korean or English follows the browser's UI language.
import { ErrorKind } from './errors.js';

const ATTRIBUTE_BINDINGS = [
  ['data-i18n-placeholder', 'placeholder'],
  ['data-i18n-title', 'title'],
  ['data-i18n-aria-label', 'aria-label'],
];

/** @param {(key: string, substitutions?: string[]) => string} getMessage chrome.i18n.getMessage or a stub */
export function createMessages(getMessage) {
  const t = (key, substitutions) => getMessage(key, substitutions) || key;

  return {
    t,

    /** Fills data-i18n elements (textContent) and data-i18n-* attributes below root. */
    localize(root) {
      for (const element of root.querySelectorAll('[data-i18n]')) {
        element.textContent = t(element.getAttribute('data-i18n'));
      }
      for (const [dataAttribute, target] of ATTRIBUTE_BINDINGS) {
        for (const element of root.querySelectorAll(`[${dataAttribute}]`)) {
          element.setAttribute(target, t(element.getAttribute(dataAttribute)));
        }
      }
    },

    /** What to tell the user about an ApiError: { title, detail }, always plain text. */
    describeError(error) {
      switch (error?.kind) {
        case ErrorKind.PROBLEM:
          return { title: error.title || t('errorGeneric'), detail: error.detail };
        case ErrorKind.HTTP:
          return { title: t('errorHttp', [String(error.status)]), detail: '' };
        case ErrorKind.NETWORK:
          return { title: t('errorNetwork'), detail: '' };
        case ErrorKind.SIGNED_OUT:
          return { title: t('errorSignedOut'), detail: '' };
        case ErrorKind.ABORTED:
          return { title: t('answerStopped'), detail: '' };
        case ErrorKind.AUTH_FLOW:
          return { title: t('errorSignIn'), detail: error.detail || error.type };
        default:
          return { title: t('errorGeneric'), detail: '' };
      }
    },
  };
}
