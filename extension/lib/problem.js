// The one reader of application/problem+json (RFC 9457) for every Finlens client: the side panel, and the web pages
// through /static/lib/. Only the problem's type, title, status and detail are kept, as bounded plain text: raw
// bodies never reach the user, because they may be HTML error pages or carry internals.

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const MAX_TEXT = 500;

const clean = (value) => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : '');

/** A problem object ({type, title, status, detail}) from parsed JSON, or null when it is not one. */
export function problemFrom(json, fallbackStatus = 0) {
  if (!json || typeof json !== 'object' || !(json.title || json.detail)) return null;
  return {
    type: clean(json.type),
    title: clean(json.title),
    status: Number.isInteger(json.status) ? json.status : fallbackStatus,
    detail: clean(json.detail),
  };
}

/** The problem a failed fetch() response carries, or null when it declares no problem document. */
export async function readProblem(response) {
  if (!(response.headers.get('content-type') ?? '').includes(PROBLEM_MEDIA_TYPE)) return null;
  return problemFrom(await response.json().catch(() => null), response.status);
}

/** One line for the user: the detail when there is one, else the title. */
export function problemText(problem) {
  return problem ? problem.detail || problem.title : '';
}
