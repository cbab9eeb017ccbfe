// One error type for everything the panel shows after a failed call. Only the problem document's title and detail
// reach the user; raw bodies never do, because they may be HTML error pages or carry internals.

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

const MAX_TEXT = 500;

function cleanText(value) {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : '';
}

/** Maps a non-2xx response to an ApiError, reading the body only when it declares itself a problem document. */
export async function errorFromResponse(response) {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('application/problem+json')) {
    const problem = await response.json().catch(() => null);
    if (problem && typeof problem === 'object' && (problem.title || problem.detail)) {
      return new ApiError({
        kind: ErrorKind.PROBLEM,
        status: Number.isInteger(problem.status) ? problem.status : response.status,
        type: cleanText(problem.type),
        title: cleanText(problem.title),
        detail: cleanText(problem.detail),
      });
    }
  }
  return new ApiError({ kind: ErrorKind.HTTP, status: response.status });
}

/** Maps a problem carried inside the event stream ({type,title,detail}) the same way. */
export function errorFromStreamEvent(data) {
  return new ApiError({
    kind: ErrorKind.PROBLEM,
    type: cleanText(data?.type),
    title: cleanText(data?.title),
    detail: cleanText(data?.detail),
  });
}

/** fetch() rejects with an AbortError when our AbortController fires, and with a TypeError when the network fails. */
export function errorFromFetchFailure(cause) {
  if (cause instanceof ApiError) return cause;
  if (cause?.name === 'AbortError') return new ApiError({ kind: ErrorKind.ABORTED });
  return new ApiError({ kind: ErrorKind.NETWORK });
}
