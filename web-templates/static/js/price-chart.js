// The price chart of company pages and of answers about a price: daily closes with volume, drawn by the vendored
// TradingView Lightweight Charts, with ranges 1M-5Y, a crosshair tooltip and an empty state that says why. Data
// comes from the market API (/api/v1/companies/{code}/prices, /api/v1/quotes/{symbol}/history); numbers and dates
// are written as the pages write them (amount-format.js). Strings come from the page's #chart-i18n template.
import {
  AreaSeries, ColorType, createChart, CrosshairMode, HistogramSeries, TickMarkType,
} from '/static/vendor/lightweight-charts/lightweight-charts.standalone.production.mjs';
import { count, price } from './amount-format.js';

const RANGES = { '1M': [0, 1], '3M': [0, 3], '6M': [0, 6], '1Y': [1, 0], '5Y': [5, 0] };
const KRX_CODE = /^[0-9][0-9A-Z]{5}$/;

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? values[key] : m));
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The first day of a range ending on {@code today} (YYYY-MM-DD). */
export function rangeStart(today, range) {
  const [years, months] = RANGES[range];
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years, d.getUTCMonth() - months);
  return isoDay(d);
}

function dayOf(time) {
  if (typeof time === 'string') return time;
  if (typeof time === 'number') return isoDay(new Date(time * 1000));
  return `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

function dateLabel(day, lang) {
  const [y, m, d] = day.split('-');
  if (lang === 'ko') return `${y}.${m}.${d}`;
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

function tickLabel(day, type, lang) {
  const [y, m, d] = day.split('-').map(Number);
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short' });
  if (type === TickMarkType.Year) return lang === 'ko' ? `${y}년` : String(y);
  if (type === TickMarkType.Month) return lang === 'ko' ? `${m}월` : month;
  return lang === 'ko' ? `${m}.${d}` : `${month} ${d}`;
}

function problemText(status, problem, text, window) {
  const searched = [...(problem?.sourcesSearched ?? []), ...(problem?.sourcesFailed ?? [])];
  if (status === 404 && searched.some((s) => s.kind === 'NOT_IN_SNAPSHOT')) return fill(text.chartNotInData, window);
  if (status === 404) return fill(text.chartNoData, window);
  return text.chartUnavailable;
}

function element(doc, tag, className, textContent) {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  if (textContent) el.textContent = textContent;
  return el;
}

/**
 * Draws the chart of one company into {@code host}.
 * @param {HTMLElement} host an empty element; the chart builds its range buttons, canvas, tooltip and notes in it
 * @param {{company: string, today: string, lang: string, text: DOMStringMap, range?: string}} options
 *   company: a KRX code or a Yahoo symbol; today: the last day of the data (YYYY-MM-DD)
 */
export function mountPriceChart(host, { company, today, lang, text, range = '3M' }) {
  const doc = host.ownerDocument;
  host.classList.add('price-chart');
  host.axisLabels = { prices: new Set(), dates: new Set() };
  const ranges = element(doc, 'div', 'chart-ranges');
  ranges.setAttribute('role', 'group');
  ranges.setAttribute('aria-label', text.chartRanges);
  const frame = element(doc, 'div', 'chart-frame');
  frame.setAttribute('role', 'img');
  // An image needs a name from the moment it exists; the summary of the drawn prices replaces this one.
  frame.setAttribute('aria-label', text.chartLoading);
  const tooltip = element(doc, 'div', 'chart-tooltip');
  tooltip.hidden = true;
  frame.append(tooltip);
  const empty = element(doc, 'p', 'chart-empty');
  empty.setAttribute('role', 'status');
  empty.hidden = true;
  const note = element(doc, 'p', 'chart-note muted small');
  note.hidden = true;
  // TradingView's NOTICE asks for a link to them wherever the chart shows (its own logo needs an inline style).
  const attribution = element(doc, 'p', 'chart-attribution muted small', `${text.chartAttribution} `);
  const link = element(doc, 'a', null, text.chartAttributionLink);
  link.href = 'https://www.tradingview.com/';
  link.rel = 'noopener noreferrer';
  link.target = '_blank';
  attribution.append(link);
  host.append(ranges, frame, empty, note, attribution);

  let currency = '';
  const bars = new Map();
  const chart = createChart(frame, {
    autoSize: true,
    layout: { attributionLogo: false, background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#4a5568' },
    grid: { vertLines: { visible: false }, horzLines: { color: '#edf0f4' } },
    crosshair: { mode: CrosshairMode.Magnet },
    rightPriceScale: { borderVisible: false, scaleMargins: { top: 0.1, bottom: 0.28 } },
    timeScale: {
      borderVisible: false,
      tickMarkFormatter: (time, type) => {
        const label = tickLabel(dayOf(time), type, lang);
        host.axisLabels.dates.add(label);
        return label;
      },
    },
    localization: {
      locale: lang === 'ko' ? 'ko-KR' : 'en-US',
      timeFormatter: (time) => dateLabel(dayOf(time), lang),
      priceFormatter: (value) => {
        const label = price(value, currency, lang);
        host.axisLabels.prices.add(label);
        return label;
      },
    },
  });
  const closes = chart.addSeries(AreaSeries, {
    lineColor: '#1f5fbf', topColor: 'rgba(31, 95, 191, 0.25)', bottomColor: 'rgba(31, 95, 191, 0.02)',
    lineWidth: 2, priceLineVisible: false,
  });
  const volumes = chart.addSeries(HistogramSeries, {
    priceScaleId: 'volume', lastValueVisible: false, priceLineVisible: false,
    priceFormat: { type: 'custom', formatter: (v) => count(v, lang) },
  });
  chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.78, bottom: 0 } });

  chart.subscribeCrosshairMove((param) => {
    const bar = param.time === undefined ? null : bars.get(dayOf(param.time));
    if (!bar || !param.point) {
      tooltip.hidden = true;
      return;
    }
    tooltip.replaceChildren(element(doc, 'strong', null, dateLabel(bar.date, lang)));
    const rows = [[text.chartOpen, bar.open], [text.chartHigh, bar.high], [text.chartLow, bar.low], [text.chartClose, bar.close]];
    for (const [label, value] of rows) {
      if (value !== null && value !== undefined) tooltip.append(element(doc, 'span', null, `${label} ${price(Number(value), currency, lang)}`));
    }
    if (bar.volume !== null && bar.volume !== undefined) tooltip.append(element(doc, 'span', null, `${text.chartVolume} ${count(bar.volume, lang)}`));
    tooltip.hidden = false;
    const left = Math.min(param.point.x + 12, frame.clientWidth - tooltip.offsetWidth - 4);
    tooltip.style.left = `${Math.max(left, 4)}px`;
    tooltip.style.top = '8px';
  });

  const path = KRX_CODE.test(company) ? `/api/v1/companies/${company}/prices` : `/api/v1/quotes/${encodeURIComponent(company)}/history`;

  function show(series, window) {
    bars.clear();
    const usable = series.bars.filter((b) => b.close !== null && b.close !== undefined);
    if (!usable.length) {
      showEmpty(fill(text.chartNoData, window));
      return;
    }
    currency = series.currency || '';
    for (const b of usable) bars.set(b.date, b);
    closes.setData(usable.map((b) => ({ time: b.date, value: Number(b.close) })));
    volumes.setData(usable.map((b, i) => ({
      time: b.date,
      value: b.volume ?? 0,
      color: i > 0 && Number(b.close) < Number(usable[i - 1].close) ? 'rgba(31, 95, 191, 0.35)' : 'rgba(200, 60, 60, 0.35)',
    })));
    chart.timeScale().fitContent();
    frame.hidden = false;
    empty.hidden = true;
    const first = usable[0].date;
    const last = usable[usable.length - 1].date;
    frame.setAttribute('aria-label', fill(text.chartLabel, {
      from: dateLabel(first, lang), to: dateLabel(last, lang), close: price(Number(usable[usable.length - 1].close), currency, lang),
    }));
    note.hidden = first <= window.fromDay;
    note.textContent = fill(text.chartPartial, { first: dateLabel(first, lang) });
  }

  function showEmpty(message) {
    closes.setData([]);
    volumes.setData([]);
    frame.hidden = true;
    note.hidden = true;
    empty.textContent = message;
    empty.hidden = false;
  }

  async function load(name) {
    for (const b of ranges.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.range === name));
    host.dataset.state = 'loading';
    const fromDay = rangeStart(today, name);
    const window = { from: dateLabel(fromDay, lang), to: dateLabel(today, lang), fromDay };
    try {
      const response = await fetch(`${path}?from=${fromDay}&to=${today}&interval=1d`, { headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => null);
      if (response.ok) show(body, window);
      else showEmpty(problemText(response.status, body, text, window));
    } catch {
      showEmpty(text.chartUnavailable);
    }
    host.dataset.state = empty.hidden ? 'drawn' : 'empty';
    host.dataset.range = name;
  }

  for (const name of Object.keys(RANGES)) {
    const button = element(doc, 'button', 'chart-range', text[`chartRange${name}`]);
    button.type = 'button';
    button.dataset.range = name;
    button.addEventListener('click', () => load(name));
    ranges.append(button);
  }
  return load(range);
}
