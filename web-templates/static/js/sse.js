// Incremental parser for text/event-stream bodies read with fetch(): handles events split across chunks,
// CRLF line endings, comments (heartbeats) and multi-line data.
export function createSseParser(onEvent) {
  let buffer = '';
  let event = 'message';
  let data = [];
  function line(l) {
    if (l === '') {
      if (data.length) onEvent(event, data.join('\n'));
      event = 'message';
      data = [];
      return;
    }
    if (l.startsWith(':')) return;
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return {
    push(text) {
      buffer += text;
      let i;
      while ((i = buffer.search(/\r\n|\n|\r/)) >= 0) {
        const nl = buffer[i] === '\r' && buffer[i + 1] === '\n' ? 2 : 1;
        line(buffer.slice(0, i));
        buffer = buffer.slice(i + nl);
      }
    },
  };
}
