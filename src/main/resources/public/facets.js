// Filters: type, tag, source and year, each listed in the order the server counts them (years newest first); long
// lists show their first values and a "show all" button; years also take a range. On a phone they live in a panel
// opened by the Filters button, so the results come first.
import { el } from './dom.js';
import { navigate, readState } from './app.js';

const $ = (id) => document.getElementById(id);
const DIMS = [['type', 'Type', 'types'], ['tag', 'Tag', 'tags'], ['source', 'Source', 'sources'], ['year', 'Year', 'years']];
const SHOWN = { type: 10, tag: 12, source: 8, year: 8 };
// Lists she opened stay open while she picks values from them.
const expanded = new Set();

/** The filters in use, as [dimension, value] pairs. */
export function activeFilters(s) {
  const out = [];
  for (const dim of ['type', 'tag', 'source']) (s[dim] || []).forEach((v) => out.push([dim, v]));
  if (s.year) out.push(['year', s.year]);
  return out;
}

// The server sends each dimension as a list of {value, count}; an object (older servers) is read in its key order.
function valuesOf(facets, dim) {
  const raw = facets && facets[dim];
  if (!raw) return [];
  return Array.isArray(raw) ? raw.map((f) => [f.value, f.count]) : Object.entries(raw);
}

export function renderFacets(facets, s) {
  const box = $('facets');
  const active = activeFilters(s);
  box.replaceChildren(el('div', { class: 'sheet-head sheet-only' },
    el('h2', { text: 'Filters' }),
    el('button', { type: 'button', id: 'filters-close', onclick: () => closeFilters(true) }, 'Close')));
  for (const [dim, title, plural] of DIMS) {
    const values = valuesOf(facets, dim);
    const selected = dim === 'year' ? (s.year ? [s.year] : []) : s[dim];
    selected.filter((v) => !values.some(([k]) => k === v)).forEach((v) => values.unshift([v, 0]));
    if (!values.length) continue;
    const open = expanded.has(dim);
    const shown = open ? values : values.slice(0, SHOWN[dim]);
    const list = el('ul', { 'data-facet': dim, id: 'facet-' + dim, 'aria-labelledby': 'facet-title-' + dim },
      shown.map(([value, count]) => el('li', {}, el('button', {
        type: 'button', class: 'facet', 'aria-pressed': selected.includes(value) ? 'true' : 'false', 'data-value': value,
        onclick: () => toggleFacet(dim, value),
      }, el('span', { text: value }), el('span', { class: 'count', text: String(count) })))));
    box.append(el('h2', { text: title, id: 'facet-title-' + dim }), list);
    if (values.length > SHOWN[dim]) {
      box.append(el('button', { type: 'button', class: 'more', 'aria-expanded': open ? 'true' : 'false',
        'aria-controls': 'facet-' + dim, 'data-more': dim,
        onclick: () => { if (open) expanded.delete(dim); else expanded.add(dim); renderFacets(facets, readState()); } },
      open ? `Show fewer ${plural}` : `Show all ${values.length} ${plural}`));
    }
    if (dim === 'year') box.append(yearRange(s));
  }
  box.append(el('div', { class: 'sheet-only actions' },
    el('button', { type: 'button', class: 'primary', onclick: () => closeFilters(true) }, 'Show the results')));
  renderChips(active);
  const toggle = $('filters-toggle');
  toggle.textContent = active.length ? `Filters (${active.length})` : 'Filters';
  toggle.onclick = () => (box.classList.contains('open') ? closeFilters(true) : openFilters());
}

// A range of years, either end open: year=2015..2023, year=2020.., year=..2010.
function yearRange(s) {
  const m = /^(\d{4})?\.\.(\d{4})?$/.exec(s.year || '');
  const single = /^\d{4}$/.test(s.year || '') ? s.year : '';
  const from = el('input', { type: 'number', id: 'year-from', name: 'from', min: '1000', max: '2999', inputmode: 'numeric',
    value: m ? m[1] || '' : single });
  const to = el('input', { type: 'number', id: 'year-to', name: 'to', min: '1000', max: '2999', inputmode: 'numeric',
    value: m ? m[2] || '' : single });
  return el('form', { class: 'year-range', id: 'year-range', 'aria-label': 'Years from and to',
    onsubmit: (e) => {
      e.preventDefault();
      const a = from.value.trim();
      const b = to.value.trim();
      const year = !a && !b ? '' : a && a === b ? a : `${a}..${b}`;
      navigate({ ...readState(), year, page: 1, doc: null });
    } },
  el('label', { for: 'year-from' }, 'From', from), el('label', { for: 'year-to' }, 'To', to),
  el('button', { type: 'submit' }, 'Apply'));
}

function renderChips(active) {
  const chips = $('active-filters');
  chips.replaceChildren(...active.map(([dim, value]) => el('li', {}, el('button', { type: 'button', class: 'chip',
    'aria-label': `Remove the filter ${dim}: ${value}`, onclick: () => toggleFacet(dim, value) }, `${dim}: ${value} ✕`))));
  chips.hidden = active.length === 0;
}

function toggleFacet(dim, value) {
  const s = readState();
  if (dim === 'year') s.year = s.year === value ? '' : value;
  else s[dim] = s[dim].includes(value) ? s[dim].filter((v) => v !== value) : [...s[dim], value];
  navigate({ ...s, page: 1, doc: null });
}

function openFilters() {
  $('facets').classList.add('open');
  $('backdrop').hidden = false;
  $('filters-toggle').setAttribute('aria-expanded', 'true');
  const first = $('facets').querySelector('.facet, button');
  if (first) first.focus();
}

/** Closes the phone's filter panel; with `refocus`, focus returns to the Filters button. */
export function closeFilters(refocus) {
  const box = $('facets');
  if (!box.classList.contains('open')) return;
  box.classList.remove('open');
  $('backdrop').hidden = true;
  $('filters-toggle').setAttribute('aria-expanded', 'false');
  if (refocus) $('filters-toggle').focus();
}

$('backdrop').addEventListener('click', () => closeFilters(true));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && $('facets').classList.contains('open')) closeFilters(true);
});
