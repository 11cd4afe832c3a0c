// The search view: heading, summary, results (words first, then those close in meaning only), pager and filters.
import { el, api, highlighted } from './dom.js';
import { navigate, readState, searchQuery, docHref, showError, showResultsArea } from './app.js';
import { bookmarkButton } from './bookmarks.js';
import { searchExtras } from './relevance.js';
import { renderFacets, activeFilters } from './facets.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 10;

/** Renders the search in the address; returns the heading, where focus goes after a search, filter or page change. */
export async function renderSearch(s, current) {
  const data = await api('/api/search?' + searchQuery(s) + '&size=' + PAGE_SIZE);
  if (!current()) return null;
  showResultsArea();
  showError('');
  document.title = s.q ? s.q + ' · painsearch' : 'painsearch';
  const filtered = activeFilters(s).length > 0;
  $('page-heading').textContent = s.q ? `Results for “${s.q}”` : filtered ? 'Filtered library' : 'Your library';
  $('notice').textContent = data.notice || '';
  $('notice').hidden = !data.notice;
  $('summary').textContent = summary(data, s);
  $('search-bookmark').replaceChildren(bookmarkButton('search:' + searchQuery({ ...s, page: 1 }),
    s.q || 'All documents', 'Bookmark this search'));
  $('extras').replaceChildren(...searchExtras(data, s, navigate));
  showHits(data.hits);
  renderFacets(data.facets, s);
  renderPager(data, s);
  return $('page-heading');
}

function summary(data, s) {
  if (data.total === 0) return 'No results' + (s.q ? ' for “' + s.q + '”' : '') + '. Try fewer words or remove a filter.';
  const from = (data.page - 1) * data.size + 1;
  return `${data.total} result${data.total === 1 ? '' : 's'}`
    + (data.total > data.size ? ` · showing ${from}–${from + data.hits.length - 1}` : '')
    + ` · ${data.tookMs} ms`;
}

// A hit without matchedBy comes from a server that matches by words only.
const byMeaningOnly = (h) => Array.isArray(h.matchedBy) && h.matchedBy.length > 0 && !h.matchedBy.includes('words');

function showHits(hits) {
  const words = hits.filter((h) => !byMeaningOnly(h));
  const meaning = hits.filter(byMeaningOnly);
  $('words-heading').textContent = readState().q ? 'Documents with your words' : 'Documents';
  $('results').replaceChildren(...words.map(hitView));
  $('results-meaning').replaceChildren(...meaning.map(hitView));
  for (const id of ['meaning-heading', 'meaning-note', 'results-meaning']) $(id).hidden = meaning.length === 0;
}

function refList(title, refs, cls) {
  if (!refs || !refs.length) return null;
  return el('div', { class: cls }, el('strong', { text: title }),
    el('ul', {}, refs.map((n) => el('li', {}, el('a', { href: docHref(n.id), class: 'note-link' }, n.title)))));
}

function hitView(h) {
  const playable = h.timestamp && h.audio && /^https?:/.test(h.audio);
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'badge ' + h.type, text: h.type }),
    h.isPrivate ? el('span', { class: 'badge private', text: 'private' }) : null,
    h.published ? el('span', { text: h.published }) : null,
    h.source ? el('span', { text: h.source }) : null,
    h.authors && h.authors.length ? el('span', { text: h.authors.slice(0, 3).join(', ') + (h.authors.length > 3 ? ' et al.' : '') }) : null,
    h.timestamp ? el('a', { class: 'moment', href: docHref(h.id, h.timestampSeconds),
      'aria-label': `Open “${h.title}” at ${h.timestamp}, where it matched` }, '▶ ' + h.timestamp) : null,
    playable ? el('a', { href: h.audio + '#t=' + h.timestampSeconds, target: '_blank', rel: 'noopener noreferrer',
      'aria-label': `Listen to “${h.title}” from ${h.timestamp} (opens the audio)` }, 'listen') : null);
  const snippets = el('ul', { class: 'snippets' });
  for (const sn of h.snippets || []) {
    snippets.append(el('li', {}, ...highlighted(sn)));
  }
  return el('li', { class: 'hit', 'data-id': h.id },
    el('h3', {}, el('a', { href: docHref(h.id), class: 'hit-title' }, h.title)), meta, snippets,
    refList('Cited in your notes:', h.linkedNotes, 'cited'),
    refList('Cites:', h.links, 'cites'));
}

function renderPager(data, s) {
  const pager = $('pager');
  pager.replaceChildren();
  const pages = Math.ceil(data.total / data.size);
  if (pages <= 1) return;
  const go = (p) => () => navigate({ ...readState(), page: p, doc: null });
  if (data.page > 1) pager.append(el('button', { type: 'button', onclick: go(data.page - 1) }, '← Previous'));
  const first = Math.max(1, data.page - 4);
  for (let p = first; p <= Math.min(pages, first + 8); p++) {
    pager.append(el('button', { type: 'button', 'aria-current': p === data.page ? 'page' : null,
      'aria-label': 'Page ' + p, onclick: go(p) }, String(p)));
  }
  if (data.page < pages) pager.append(el('button', { type: 'button', onclick: go(data.page + 1) }, 'Next →'));
}
