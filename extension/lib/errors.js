// One error type for everything the panel shows after a failed call. Problem documents are read by problem.js (the
// reader the web pages share); only their title and detail reach the user.
import { problemFrom, readProblem } from './problem.js';

export const ErrorKind = Object.freeze({
  PROBLEM: 'problem', // the backend answered application/problem+json
  HTTP: 'http', // an error status without a problem document
  NETWORK: 'network', // no response at all (offline, refused, blocked)
  SIGNED_OUT: 'signed-out', // no usable tokens: the user must sign in again
  ABORTED: 'aborted', // the user pressed Stop
  AUTH_FLOW: 'auth-flow', // the sign-in redirect carried an error or was malformed
});

export class ApiError extends Error {
  constructor({ kind, status = 0, type = '', title = '', detail = '' }) {
    super(title || detail || kind);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
  }
}

/** Maps a non-2xx response to an ApiError, reading the body only when it declares itself a problem document. */
export async function errorFromResponse(response) {
  const problem = await readProblem(response);
  return problem
    ? new ApiError({ kind: ErrorKind.PROBLEM, ...problem })
    : new ApiError({ kind: ErrorKind.HTTP, status: response.status });
}

/** Maps the problem of a "failed" answer event the same way. */
export function errorFromFailedEvent(event) {
  return new ApiError({ kind: ErrorKind.PROBLEM, ...(problemFrom(event) ?? { title: '', detail: '' }) });
}

/** fetch() rejects with an AbortError when our AbortController fires, and with a TypeError when the network fails. */
export function errorFromFetchFailure(cause) {
  if (cause instanceof ApiError) return cause;
  if (cause?.name === 'AbortError') return new ApiError({ kind: ErrorKind.ABORTED });
  return new ApiError({ kind: ErrorKind.NETWORK });
}
