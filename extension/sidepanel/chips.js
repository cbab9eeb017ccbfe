// Company chips for "Companies on this page": one button per company found, marked when it is on the user's
// watchlist; clicking one puts a question about it in the box.

/**
 * @param {HTMLElement} container
 * @param {{name: string, krxCode: string, market?: string, nameEn?: string}[]} companies
 * @param {Set<string>} watched company keys (KRX codes) on the user's watchlist
 * @param {object} deps
 * @param {(key: string, substitutions?: string[]) => string} deps.t
 * @param {{text: Function}} deps.renderer
 * @param {(company: object) => void} deps.onChoose
 */
export function renderChips(container, companies, watched, { t, renderer, onChoose }) {
  container.replaceChildren();
  for (const company of companies) {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'chip';
    chip.textContent = company.name;
    chip.title = [company.krxCode, company.market, company.nameEn].filter(Boolean).join(' · ');
    if (watched.has(company.krxCode)) {
      chip.dataset.watched = 'true';
      chip.append(renderer.text('span', 'chip-marker', t('watchedMarker')));
    }
    chip.addEventListener('click', () => onChoose(company));
    container.append(chip);
  }
}
