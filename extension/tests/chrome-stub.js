// A hand-written stand-in for the parts of the chrome.* API the extension's lib/ modules are given.
import { readFileSync } from 'node:fs';

/** A chrome.storage area: get/set/remove with structured copies, and the change events chrome.storage.onChanged sends. */
export function createStorageArea(name, onChange = () => {}) {
  const items = new Map();
  const copy = (value) => (value === undefined ? undefined : structuredClone(value));
  return {
    name,
    async get(keys) {
      const wanted = keys == null ? [...items.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((key) => items.has(key)).map((key) => [key, copy(items.get(key))]));
    },
    async set(values) {
      const changes = {};
      for (const [key, value] of Object.entries(values)) {
        changes[key] = { oldValue: copy(items.get(key)), newValue: copy(value) };
        items.set(key, copy(value));
      }
      onChange(changes, name);
    },
    async remove(keys) {
      const changes = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (!items.has(key)) continue;
        changes[key] = { oldValue: copy(items.get(key)) };
        items.delete(key);
      }
      onChange(changes, name);
    },
    /** Test helper: the raw stored value. */
    peek(key) {
      return copy(items.get(key));
    },
  };
}

/** chrome.i18n.getMessage over a real _locales/<locale>/messages.json, with $1..$9 substitution like Chrome's. */
export function loadGetMessage(locale) {
  const bundle = JSON.parse(readFileSync(new URL(`../_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
  return (key, substitutions = []) => {
    const entry = bundle[key];
    if (!entry) return '';
    const values = Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\d)/g, (_, index) => values[Number(index) - 1] ?? '');
  };
}

export const EXTENSION_ID = 'ddnnmbjcmeigkckpfgccefnenkbkgghf';

/** A chrome event (onInstalled, onClicked, ...): addListener, plus dispatch for the test to fire it. */
export function createEvent() {
  const listeners = [];
  return {
    addListener: (listener) => listeners.push(listener),
    dispatch: (...args) => listeners.forEach((listener) => listener(...args)),
  };
}

/**
 * A chrome object with storage, i18n, runtime, identity, contextMenus, sidePanel, alarms, action (the badge),
 * permissions and notifications. Calls that matter for ordering
 * (opening the panel, storing session data) are appended to `chrome.calls` as [name, argument]. identity.launchWebAuthFlow resolves with whatever
 * the test put in `chrome.identity.nextResponseUrl` and records each call in `chrome.identity.calls`.
 */
export function createChromeStub({ locale = 'en' } = {}) {
  const listeners = [];
  const notify = (changes, area) => listeners.forEach((listener) => listener(changes, area));
  const identity = {
    calls: [],
    nextResponseUrl: null,
    getRedirectURL: (path = '') => `https://${EXTENSION_ID}.chromiumapp.org/${path}`,
    async launchWebAuthFlow(details) {
      identity.calls.push(details);
      if (identity.nextResponseUrl instanceof Error) throw identity.nextResponseUrl;
      return identity.nextResponseUrl;
    },
  };
  const calls = [];
  const session = createStorageArea('session', notify);
  const sessionSet = session.set;
  session.set = (values) => {
    calls.push(['storage.session.set', values]);
    return sessionSet(values);
  };
  return {
    calls,
    runtime: {
      id: EXTENSION_ID,
      onInstalled: createEvent(),
      onMessage: createEvent(),
      getURL: (path) => `chrome-extension://${EXTENSION_ID}/${path}`,
    },
    alarms: {
      created: [],
      async get(name) {
        return this.created.find((alarm) => alarm.name === name);
      },
      create(name, info) {
        this.created.push({ name, ...info });
      },
      onAlarm: createEvent(),
    },
    action: {
      badge: '',
      async setBadgeText({ text }) {
        this.badge = text;
      },
      async setBadgeBackgroundColor() {},
    },
    permissions: {
      granted: new Set(),
      async contains({ permissions }) {
        return permissions.every((permission) => this.granted.has(permission));
      },
    },
    notifications: {
      shown: [],
      async create(id, options) {
        this.shown.push({ id, ...options });
      },
    },
    i18n: { getMessage: loadGetMessage(locale), getUILanguage: () => locale },
    identity,
    contextMenus: {
      items: [],
      create(properties) {
        this.items.push(properties);
      },
      onClicked: createEvent(),
    },
    sidePanel: {
      behavior: null,
      async setPanelBehavior(behavior) {
        this.behavior = behavior;
      },
      async open(options) {
        calls.push(['sidePanel.open', options]);
      },
    },
    storage: {
      local: createStorageArea('local', notify),
      sync: createStorageArea('sync', notify),
      session,
      onChanged: { addListener: (listener) => listeners.push(listener) },
    },
  };
}

/**
 * A fetch() double: routes "METHOD /path" to handlers returning a Response (or a promise of one) and records
 * every request as { method, path, headers, body }.
 */
export function createFakeFetch(routes) {
  const requests = [];
  const fakeFetch = async (url, init = {}) => {
    const { pathname, search } = new URL(url);
    const request = {
      method: init.method ?? 'GET',
      path: pathname + search,
      headers: Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      body: init.body === undefined ? undefined : JSON.parse(init.body),
      signal: init.signal,
    };
    requests.push(request);
    const handler = routes[`${request.method} ${pathname}`];
    if (!handler) return new Response('not found', { status: 404 });
    return handler(request, requests);
  };
  fakeFetch.requests = requests;
  return fakeFetch;
}

export function jsonResponse(status, body, contentType = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/**
 * navigator.locks as the Web Locks spec has it for exclusive locks: request(name, callback) waits until every
 * earlier request for that name has settled, then resolves with what the callback resolves with. One manager is
 * shared by everything that shares an origin (panels, windows, the service worker); Node 20 has no navigator.locks.
 */
export function createLockManager() {
  const tails = new Map();
  return {
    request(name, callback) {
      const previous = tails.get(name) ?? Promise.resolve();
      const result = previous.then(() => callback());
      tails.set(name, result.catch(() => {}));
      return result;
    },
  };
}
