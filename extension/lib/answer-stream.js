// The answer stream as every Finlens client reads it (the side panel, and the web chat through /static/lib/): the
// text/event-stream parser (WHATWG HTML "event stream interpretation"), the decoding of each event into the shapes
// of docs/answer-stream.md, and the rules for how a stream ends. EventSource cannot POST or send Authorization,
// so clients read fetch() bodies with this instead.
//
// Rules: a stream starts with "start" and ends with exactly one of "done" (the answer is stored) or "failed" (a
// problem; nothing follows). A body that ends without either was cut off (server restart, proxy timeout). There is
// no automatic reconnect: posting the question again would store it twice and spend quota, so after a cut-off the
// client shows the answer as not completed and the stored messages tell what was kept. Aborting the fetch (Stop)
// makes the backend keep the partial answer as cancelled.

/**
 * Feeds decoded text in arbitrary pieces; calls onEvent({ event, data, id }) for every complete event.
 * Lines may end in CRLF, LF or CR, and a terminator may be split across two pieces.
 */
export class SseParser {
  #onEvent;
  #buffer = '';
  #started = false;
  #eventType = '';
  #dataLines = [];
  #lastEventId = '';

  constructor(onEvent) {
    this.#onEvent = onEvent;
  }

  push(text) {
    this.#buffer += text;
    if (!this.#started && this.#buffer.length > 0) {
      this.#started = true;
      if (this.#buffer.charCodeAt(0) === 0xfeff) this.#buffer = this.#buffer.slice(1);
    }
    this.#drainLines(false);
  }

  /** The stream ended: a last line without terminator still counts, an event without its blank line does not. */
  end() {
    this.#drainLines(true);
    if (this.#buffer.length > 0) this.#processLine(this.#buffer);
    this.#buffer = '';
    this.#eventType = '';
    this.#dataLines = [];
  }

  #drainLines(atEnd) {
    let start = 0;
    for (;;) {
      const cr = this.#buffer.indexOf('\r', start);
      const lf = this.#buffer.indexOf('\n', start);
      if (cr === -1 && lf === -1) break;
      let lineEnd;
      let next;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A CR as the very last character may be the first half of a CRLF still in transit.
        if (cr === this.#buffer.length - 1 && !atEnd) break;
        lineEnd = cr;
        next = this.#buffer[cr + 1] === '\n' ? cr + 2 : cr + 1;
      } else {
        lineEnd = lf;
        next = lf + 1;
      }
      this.#processLine(this.#buffer.slice(start, lineEnd));
      start = next;
    }
    this.#buffer = this.#buffer.slice(start);
  }

  #processLine(line) {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) return; // comment, e.g. ": ping" heartbeats
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#eventType = value;
        break;
      case 'data':
        this.#dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.#lastEventId = value;
        break;
      default:
        break; // "retry" and unknown fields do not matter to a fetch() reader
    }
  }

  #dispatch() {
    const eventType = this.#eventType || 'message';
    const dataLines = this.#dataLines;
    this.#eventType = '';
    this.#dataLines = [];
    if (dataLines.length === 0) return;
    this.#onEvent({ event: eventType, data: dataLines.join('\n'), id: this.#lastEventId });
  }
}

/**
 * Reads a fetch() body as an event stream until it ends. UTF-8 is decoded in streaming mode, so a Korean character
 * split across two network chunks arrives whole. onChunkDone runs after each network chunk's events, which lets the
 * caller repaint once per chunk instead of once per token.
 */
export async function readEventStream(body, onEvent, onChunkDone = () => {}) {
  const parser = new SseParser(onEvent);
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
      onChunkDone();
    }
    parser.push(decoder.decode());
    parser.end();
    onChunkDone();
  } finally {
    reader.releaseLock();
  }
}

/** The events of the contract, by wire name. Anything else is ignored, so the backend may add events. */
export const AnswerEventName = Object.freeze({
  START: 'start',
  STEP: 'step',
  TOKEN: 'token',
  SOURCES: 'sources',
  CHOOSE_COMPANY: 'choose-company',
  PRICE_CHART: 'price-chart',
  NUMBER_CHECK: 'number-check',
  CLAIM_CHECK: 'claim-check',
  FAILED: 'failed',
  DONE: 'done',
});

const KNOWN = new Set(Object.values(AnswerEventName));
const text = (value) => (typeof value === 'string' ? value : '');
const list = (value) => (Array.isArray(value) ? value : []);
const strings = (value) => list(value).filter((item) => typeof item === 'string');
const count = (value) => (Number.isInteger(value) ? value : 0);
const objects = (value) => list(value).filter((item) => item && typeof item === 'object');

/** One wire event ({event, data}) as { name, ...fields } with every field of its documented type, or null. */
export function decodeAnswerEvent({ event, data }) {
  if (!KNOWN.has(event)) return null;
  let json;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  switch (event) {
    case 'start':
      return { name: event, userMessageId: json.userMessageId, messageId: json.messageId };
    case 'step':
      return { name: event, step: text(json.name), label: text(json.label), status: text(json.status) };
    case 'token':
      return { name: event, text: text(json.text) };
    case 'sources':
      return { name: event, sources: objects(json.sources) };
    case 'choose-company':
      return {
        name: event,
        mention: text(json.mention),
        question: text(json.question),
        candidates: objects(json.candidates).filter((c) => typeof c.key === 'string' && c.key !== ''),
      };
    case 'price-chart':
      return { name: event, company: text(json.company), companyName: text(json.name), through: text(json.through) };
    case 'number-check':
      return { name: event, checked: count(json.checked), traced: count(json.traced), flags: strings(json.flags) };
    case 'claim-check':
      return { ...json, name: event, verdict: text(json.verdict), citations: strings(json.citations) };
    case 'failed':
      return { name: event, type: text(json.type), title: text(json.title), status: json.status, detail: text(json.detail) };
    default:
      return { name: event, messageId: json.messageId, status: text(json.status), flags: strings(json.flags) };
  }
}

/**
 * Reads an answer stream to its end, calling onEvent(decoded) for every event of the contract and onChunkDone
 * after each network chunk (repaint once per chunk, not per token). Resolves with how it ended:
 * { end: 'done', done } | { end: 'failed', failed } | { end: 'cut-off' }. An abort rejects with the AbortError.
 */
export async function readAnswerStream(body, { onEvent = () => {}, onChunkDone = () => {} } = {}) {
  let outcome = { end: 'cut-off' };
  await readEventStream(
    body,
    (message) => {
      const event = decodeAnswerEvent(message);
      if (!event || outcome.end !== 'cut-off') return; // nothing counts after the stream's last event
      if (event.name === 'done') outcome = { end: 'done', done: event };
      if (event.name === 'failed') outcome = { end: 'failed', failed: event };
      onEvent(event);
    },
    onChunkDone,
  );
  return outcome;
}

/** The follow-up after a choose-company event: the user's own question again, about the chosen candidate. */
export function askAboutCandidate(question, candidate) {
  return { content: question, companyKey: candidate.key };
}
