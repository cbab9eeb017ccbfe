// Incremental text/event-stream parser (WHATWG HTML "event stream interpretation").
// EventSource cannot POST or send Authorization, so the panel reads fetch() bodies with this instead.

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

/** Parses an event's JSON data; a malformed payload becomes null rather than an exception mid-stream. */
export function parseEventData(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}
