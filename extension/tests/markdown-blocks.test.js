import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import DOMPurify from '../lib/vendor/purify.es.mjs';
import { Marked } from '../lib/vendor/marked.esm.js';
import { createBlockSplitter } from '../lib/markdown-blocks.js';
import { createRenderer } from '../lib/render.js';
import { recordedStream } from './fake-backend.js';

/** Feeds pieces in order; returns every completed block and the trailing text. */
function split(pieces) {
  const splitter = createBlockSplitter();
  const blocks = pieces.map((piece) => splitter.push(piece)).filter(Boolean);
  return { blocks, tail: splitter.tail() };
}

test('a block is finished at a blank line once the next block has begun, and never re-sent', () => {
  const { blocks, tail } = split(['첫 문단', '입니다.\n', '\n', '- 항목', ' 하나\n- 항목 둘\n\n', '마지막']);
  assert.deepEqual(blocks, ['첫 문단입니다.\n\n', '- 항목 하나\n- 항목 둘\n\n']);
  assert.equal(tail, '마지막');
});

test('blank lines inside a fenced code block, or before an indented continuation, do not end a block', () => {
  const fenced = split(['```\ncode\n\nmore code\n```\n\nafter']);
  assert.deepEqual(fenced.blocks, ['```\ncode\n\nmore code\n```\n\n']);
  assert.equal(fenced.tail, 'after');
  const continued = split(['- item\n\n  still the item\n']);
  assert.deepEqual(continued.blocks, []);
  assert.equal(continued.tail, '- item\n\n  still the item\n');
});

test('a recorded answer rendered block by block reads exactly as when rendered whole, each finished block parsed once', () => {
  const { window } = new JSDOM('<!doctype html><div id="whole"></div><div id="blocks"></div><div id="tail"></div>');
  const renderer = createRenderer({ createDOMPurify: DOMPurify, window, Marked });
  const tokens = recordedStream('answer')
    .filter((event) => event.includes('event: token\n'))
    .map((event) => JSON.parse(event.split('\ndata: ')[1]).text);
  const splitter = createBlockSplitter();
  const byId = (id) => window.document.getElementById(id);
  const completedBlocks = [];
  for (const token of tokens) {
    const completed = splitter.push(token);
    if (completed) {
      renderer.appendMarkdown(byId('blocks'), completed);
      completedBlocks.push(completed);
    }
  }
  renderer.renderMarkdown(byId('tail'), splitter.tail());
  renderer.renderMarkdown(byId('whole'), tokens.join(''));
  assert.equal(byId('blocks').textContent + byId('tail').textContent, byId('whole').textContent);
  // Each finished block was handed out once and is no longer part of what gets re-rendered per chunk.
  assert.ok(completedBlocks.length >= 1);
  assert.equal(completedBlocks.join('') + splitter.tail(), tokens.join(''));
});
