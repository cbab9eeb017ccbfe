// The Finlens JSON API as the panel uses it: bearer token, one retry after a 401, problem+json errors, SSE answers.
import { ApiError, ErrorKind, errorFromFetchFailure, errorFromResponse } from './errors.js';
import { readAnswerStream } from './answer-stream.js';

export const MAX_MENTION_TEXT = 20_000;

/**
 * @param {object} deps
 * @param {typeof fetch} deps.fetch
 * @param {() => string} deps.getApiBase
 * @param {{accessToken: Function, accessTokenAfterRejection: Function, signOutLocally: Function}} deps.auth
 */
export function createApiClient({ fetch, getApiBase, auth }) {
  async function send(method, path, { body, accept = 'application/json', signal, headers: extra = {} } = {}) {
    const attempt = async (token) => {
      const headers = { ...extra, Authorization: `Bearer ${token}`, Accept: accept };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      try {
        return await fetch(`${getApiBase()}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (cause) {
        throw errorFromFetchFailure(cause);
      }
    };
    const token = await auth.accessToken();
    let response = await attempt(token);
    if (response.status === 401) {
      const retried = await auth.accessTokenAfterRejection(token);
      response = await attempt(retried);
      if (response.status === 401) {
        await auth.signOutLocally(retried);
        throw new ApiError({ kind: ErrorKind.SIGNED_OUT, status: 401 });
      }
    }
    // 304 answers a conditional request: not an error, the caller keeps what it had.
    if (!response.ok && response.status !== 304) throw await errorFromResponse(response);
    return response;
  }

  async function json(method, path, body) {
    const response = await send(method, path, { body });
    return response.json();
  }

  return {
    createConversation(title) {
      return json('POST', '/api/v1/conversations', title ? { title } : {});
    },

    async listConversations() {
      return (await json('GET', '/api/v1/conversations')).conversations ?? [];
    },

    async deleteConversation(conversationId) {
      await send('DELETE', `/api/v1/conversations/${encodeURIComponent(conversationId)}`);
    },

    async listMessages(conversationId) {
      return (await json('GET', `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`)).messages ?? [];
    },

    async findMentions(text) {
      const body = { text: String(text).slice(0, MAX_MENTION_TEXT) };
      return (await json('POST', '/api/v1/companies/mentions', body)).mentions ?? [];
    },

    usage() {
      return json('GET', '/api/v1/usage');
    },

    async watchlist() {
      return (await json('GET', '/api/v1/watchlist')).items ?? [];
    },

    /**
     * The disclosure feed, asked conditionally: with the ETag of the last feed seen, an unchanged feed costs the
     * server one query and answers 304. Resolves { changed: false } or { changed: true, etag, feed }.
     */
    async feed(etag) {
      const response = await send('GET', '/api/v1/watchlist/feed', { headers: etag ? { 'If-None-Match': etag } : {} });
      if (response.status === 304) return { changed: false };
      return { changed: true, etag: response.headers.get('ETag') ?? '', feed: await response.json() };
    },

    /** Marks the feed read up to cursor (the feed's own), as the web's "mark all read" does. */
    async markFeedRead(cursor) {
      await send('POST', '/api/v1/watchlist/feed/read', { body: { upTo: cursor } });
    },

    /**
     * Posts a question ({content, context?, companyKey?, mode?}; mode "claim-check" makes content a claim to check)
     * and streams the answer through answer-stream.js:
     * onEvent(event) receives each decoded event; onChunkDone runs once per network chunk. Resolves with how the
     * stream ended ({end: 'done'|'failed'|'cut-off'}); rejects with an ApiError of kind "aborted" when signal
     * fires (the backend keeps the partial answer as cancelled).
     */
    async ask(conversationId, question, { signal, onEvent, onChunkDone }) {
      const response = await send('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        body: question,
        accept: 'text/event-stream',
        signal,
      });
      if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
        throw new ApiError({ kind: ErrorKind.HTTP, status: response.status });
      }
      try {
        return await readAnswerStream(response.body, { onEvent, onChunkDone });
      } catch (cause) {
        throw errorFromFetchFailure(cause);
      }
    },
  };
}
