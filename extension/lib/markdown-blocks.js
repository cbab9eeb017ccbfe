// Splits a streamed Markdown answer into blocks that are finished and the block still arriving, so the panel parses
// and sanitises each finished block once and re-renders only the trailing one per chunk, instead of the whole answer.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A block ends at a blank line outside a fenced code block, once the next line has begun and does not start with
 * whitespace (an indented line may continue a list item across the blank line). Only the uncommitted text is
 * scanned, so each chunk costs the length of the trailing block, not of the answer.
 */
export function createBlockSplitter() {
  let pending = '';

  return {
    /** Adds streamed text; returns the Markdown of the blocks it completed (possibly ''), in order. */
    push(piece) {
      pending += piece;
      let inFence = false;
      let boundary = 0;
      let offset = 0;
      for (;;) {
        const end = pending.indexOf('\n', offset);
        if (end < 0) break; // the last line is still arriving
        const line = pending.slice(offset, end);
        if (FENCE.test(line)) inFence = !inFence;
        const next = pending.charAt(end + 1);
        if (!inFence && line.trim() === '' && offset > 0 && next !== '' && !/\s/.test(next)) boundary = end + 1;
        offset = end + 1;
      }
      const completed = pending.slice(0, boundary);
      pending = pending.slice(boundary);
      return completed;
    },

    /** The Markdown of the block still arriving. */
    tail() {
      return pending;
    },
  };
}
