import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import DOMPurify from '../lib/vendor/purify.es.mjs';
import { Marked } from '../lib/vendor/marked.esm.js';
import { createRenderer, safeHttpUrl } from '../lib/render.js';

function setUp() {
  const { window } = new JSDOM('<!doctype html><div id="out"></div>');
  const renderer = createRenderer({ createDOMPurify: DOMPurify, window, Marked });
  const html = (markdown) => {
    const out = window.document.getElementById('out');
    renderer.renderMarkdown(out, markdown);
    return out.innerHTML;
  };
  return { window, renderer, html };
}

test('Markdown becomes HTML', () => {
  const { html } = setUp();
  const out = html('**삼성전자** 영업이익\n\n- 3분기: 9.2조 원\n\n| a | b |\n|---|---|\n| 1 | 2 |');
  assert.match(out, /<strong>삼성전자<\/strong>/);
  assert.match(out, /<li>3분기: 9.2조 원<\/li>/);
  assert.match(out, /<td>1<\/td>/);
});

test('an image with an onerror handler in model output is removed', () => {
  const { renderer, window } = setUp();
  const out = window.document.getElementById('out');
  renderer.renderMarkdown(out, 'Look <img src=x onerror="window.pwned=1"> here <script>window.pwned=2</script>');
  assert.equal(out.querySelector('img'), null);
  assert.equal(out.querySelector('script'), null);
  assert.doesNotMatch(out.innerHTML, /onerror|pwned/);
  assert.match(out.textContent, /Look\s+here/);
});

test('javascript: and data: links lose their href; http(s) links open in a new tab without opener or referrer', () => {
  const { renderer, window } = setUp();
  const out = window.document.getElementById('out');
  renderer.renderMarkdown(
    out,
    '[bad](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">raw</a> [data](data:text/html,hi) [rel](/local) [good](https://dart.fss.or.kr/x?a=1)',
  );
  const links = [...out.querySelectorAll('a')];
  const byText = Object.fromEntries(links.map((a) => [a.textContent, a]));
  for (const text of ['bad', 'raw', 'data', 'rel']) {
    assert.equal(byText[text]?.getAttribute('href') ?? null, null, text);
  }
  assert.equal(byText.good.getAttribute('href'), 'https://dart.fss.or.kr/x?a=1');
  assert.equal(byText.good.getAttribute('target'), '_blank');
  assert.equal(byText.good.getAttribute('rel'), 'noopener noreferrer');
  assert.doesNotMatch(out.innerHTML, /javascript/i);
});

test('styles, forms, iframes and event attributes never survive', () => {
  const { html } = setUp();
  assert.equal(html('<p style="x" onclick="y">t</p><form action="https://x"><input></form><iframe src="https://x"></iframe><svg onload="z"></svg>'), '<p>t</p>');
});

test('links built for sources are anchors only for http(s) URLs, with the text set as text', () => {
  const { renderer } = setUp();
  const good = renderer.link('https://finance.yahoo.com/quote/005930.KS', '<b>Yahoo</b>');
  assert.equal(good.tagName, 'A');
  assert.equal(good.textContent, '<b>Yahoo</b>');
  assert.equal(good.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(good.getAttribute('target'), '_blank');
  const bad = renderer.link('javascript:alert(1)', 'x');
  assert.equal(bad.tagName, 'SPAN');
  assert.equal(bad.getAttribute('href'), null);
});

test('safeHttpUrl accepts only absolute http and https URLs', () => {
  assert.equal(safeHttpUrl('https://example.com/a b'), 'https://example.com/a%20b');
  assert.equal(safeHttpUrl(' http://example.com '), 'http://example.com/');
  for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '', null, 'chrome-extension://abc/x']) {
    assert.equal(safeHttpUrl(bad), null, String(bad));
  }
});
