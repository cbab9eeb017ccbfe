// The company page: draws the price chart into #price-chart (the server rendered its company, last data day and
// language; strings come from #chart-i18n).
import { mountPriceChart } from './price-chart.js';

const host = document.getElementById('price-chart');
if (host) {
  mountPriceChart(host, {
    company: host.dataset.company,
    today: host.dataset.today,
    lang: document.documentElement.lang === 'ko' ? 'ko' : 'en',
    text: document.getElementById('chart-i18n').dataset,
  });
}
