// The disclosure badge: the service worker polls the watchlist feed with the ETag of the last feed it saw (the
// server answers an unchanged feed with 304), keeps the unread filings in chrome.storage.local for the panel, shows
// their count on the toolbar badge and, when the user switched it on, notifies of new ones. No chrome.* here: the
// storage area, badge and notifier are passed in, so the logic runs under node --test.
import { ErrorKind } from './errors.js';

export const FEED_KEY = 'finlens.feed';
export const FEED_ALARM = 'finlens.feed-poll';
// The shortest period Chrome allows an alarm in a packed extension (30 s from Chrome 120): DART filings are not
// that urgent, and the server's 304 makes an unchanged poll cheap.
export const POLL_PERIOD_MINUTES = 1;
export const POLL_MESSAGE = 'finlens.poll-feed';
// The panel lists this many unread filings; the badge counts all of them.
export const MAX_LISTED = 20;

/** "" for none, "99+" above 99: the badge has room for about four characters. */
export function badgeText(unreadCount) {
  if (!(unreadCount > 0)) return '';
  return unreadCount > 99 ? '99+' : String(unreadCount);
}

export function createFeedStore(storageArea) {
  return {
    async load() {
      return (await storageArea.get(FEED_KEY))[FEED_KEY] ?? null;
    },
    save(state) {
      return storageArea.set({ [FEED_KEY]: state });
    },
    clear() {
      return storageArea.remove(FEED_KEY);
    },
  };
}

/**
 * One poll. Signed out: forgets the feed and clears the badge without a request. Otherwise asks for the feed with the
 * stored ETag; a 304 keeps the stored state. Returns the state now shown ({etag, unreadCount, cursor, unread,
 * offline}) or null when signed out.
 *
 * @param {object} deps
 * @param {{feed: Function}} deps.api lib/api.js client
 * @param {() => Promise<boolean>} deps.isSignedIn
 * @param {ReturnType<typeof createFeedStore>} deps.store
 * @param {(text: string) => Promise<void>} deps.showBadge
 * @param {(state: object) => Promise<void>} deps.notify called when the unread count grew
 */
export async function pollFeed({ api, isSignedIn, store, showBadge, notify }) {
  const forget = async () => {
    await store.clear();
    await showBadge('');
    return null;
  };
  if (!(await isSignedIn())) return forget();
  const previous = await store.load();
  let result;
  try {
    result = await api.feed(previous?.etag);
  } catch (error) {
    if (error?.kind === ErrorKind.SIGNED_OUT) return forget();
    throw error;
  }
  if (!result.changed && previous) {
    await showBadge(badgeText(previous.unreadCount));
    return previous;
  }
  const feed = result.feed ?? {};
  const items = Array.isArray(feed.items) ? feed.items : [];
  const state = {
    etag: result.etag ?? '',
    unreadCount: Number(feed.unreadCount) || 0,
    cursor: Number(feed.cursor) || 0,
    unread: items.filter((item) => item.unread).slice(0, MAX_LISTED),
    offline: Boolean(feed.offline),
  };
  await store.save(state);
  await showBadge(badgeText(state.unreadCount));
  if (state.unreadCount > (previous?.unreadCount ?? 0)) await notify(state);
  return state;
}
