// painsearch page: the URL holds the whole state (/?q=...&type=...&doc=...), so back, reload and shared links work.
// Everything from the server is inserted as text, except snippets (server-escaped, only <mark> kept) and rendered
// Markdown (rendered and sanitized by the server).
import { el, api, safeSnippet } from './dom.js';
import { renderEditor } from './editor.js';
import { renderBookmarks, bookmarkButton } from './bookmarks.js';
import { renderGraph } from './graph.js';
import { searchExtras, wireSuggest, relatedSection } from './relevance.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 10;
const MULTI = ['type', 'tag', 'source'];
const FACET_TITLES = { type: 'Type', tag: 'Tag', source: 'Source', year: 'Year' };
let renderCount = 0;

export function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '', type: p.getAll('type'), tag: p.getAll('tag'), source: p.getAll('source'),
    year: p.get('year') || '', sort: p.get('sort') || 'relevance', page: Math.max(1, parseInt(p.get('page'), 10) || 1),
    doc: p.get('doc'), t: p.get('t'), edit: p.get('edit'), new: p.get('new'), view: p.get('view'), gtag: p.get('gtag'),
  };
}

/** The search part of a state as a query string (what a search bookmark stores). */
export function searchQuery(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const dim of MULTI) (s[dim] || []).forEach((v) => p.append(dim, v));
  if (s.year) p.set('year', s.year);
  if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  return p.toString();
}

function toQuery(s) {
  const p = new URLSearchParams(searchQuery(s));
  for (const key of ['doc', 'edit', 'new', 'view', 'gtag']) if (s[key]) p.set(key, s[key]);
  if (s.doc && s.t !== null && s.t !== undefined) p.set('t', s.t);
  return p.toString();
}

export function navigate(state, replace = false) {
  const qs = toQuery(state);
  history[replace ? 'replaceState' : 'pushState'](null, '', qs ? '/?' + qs : '/');
  render();
}

/** A link to a document (keeping the search in the address, so back returns to it). */
export function docHref(id, seconds) {
  const s = readState();
  return '/?' + toQuery({ ...s, edit: null, new: null, view: null, doc: id,
    t: seconds === undefined || seconds === null ? null : String(seconds) });
}

export function showError(message) {
  $('error').textContent = message || '';
  $('error').hidden = !message;
}

function clearViews() {
  $('results').replaceChildren();
  $('pager').replaceChildren();
  $('summary').replaceChildren();
  $('notice').hidden = true;
  $('view').hidden = true;
  $('view').replaceChildren();
  showError('');
}

/** Puts a view's elements on the page in place of the search results. */
export function showView(...parts) {
  clearViews();
  $('facets').replaceChildren();
  const view = $('view');
  view.replaceChildren(...parts.flat().filter((p) => p !== null && p !== undefined));
  view.hidden = false;
  return view;
}

export async function render() {
  const mine = ++renderCount;
  const current = () => mine === renderCount;
  const s = readState();
  $('q').value = s.q;
  $('sort').value = s.sort === 'date' ? 'date' : 'relevance';
  try {
    if (s.edit || s.new) await renderEditor(s, current);
    else if (s.view === 'bookmarks') await renderBookmarks(current);
    else if (s.view === 'graph') await renderGraph(s, current);
    else if (s.doc) await renderDoc(s, current);
    else await renderSearch(s, current);
  } catch (e) {
    if (current()) { clearViews(); showError(e.message); }
  }
}

async function renderSearch(s, current) {
  const data = await api('/api/search?' + searchQuery(s) + '&size=' + PAGE_SIZE);
  if (!current()) return;
  clearViews();
  document.title = s.q ? s.q + ' · painsearch' : 'painsearch';
  if (data.notice) { $('notice').textContent = data.notice; $('notice').hidden = false; }
  const from = (data.page - 1) * data.size + 1;
  const text = data.total === 0
    ? 'No results' + (s.q ? ' for “' + s.q + '”' : '') + '.'
    : `${data.total} result${data.total === 1 ? '' : 's'}` + (s.q ? ` for “${s.q}”` : '')
      + (data.total > data.size ? ` · showing ${from}–${from + data.hits.length - 1}` : '')
      + ` · ${data.tookMs} ms`;
  $('summary').append(el('span', { text }), ' ',
    bookmarkButton('search:' + searchQuery({ ...s, page: 1 }), s.q || 'All documents', 'Bookmark this search'));
  $('summary').append(...searchExtras(data, s, navigate));
  $('results').replaceChildren(...data.hits.map((h) => hitView(h)));
  renderFacets(data.facets, s);
  renderPager(data, s);
}

function refList(title, refs, cls) {
  if (!refs || !refs.length) return null;
  return el('div', { class: cls }, el('strong', { text: title }),
    el('ul', {}, refs.map((n) => el('li', {}, el('a', { href: docHref(n.id), class: 'note-link' }, n.title)))));
}

function hitView(h) {
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'badge ' + h.type, text: h.type }),
    h.isPrivate ? el('span', { class: 'badge private', text: 'private' }) : null,
    h.published ? el('span', { text: h.published }) : null,
    h.source ? el('span', { text: h.source }) : null,
    h.authors && h.authors.length ? el('span', { text: h.authors.slice(0, 3).join(', ') + (h.authors.length > 3 ? ' et al.' : '') }) : null,
    h.timestamp ? el('a', { class: 'moment', href: docHref(h.id, h.timestampSeconds), title: 'Open the episode at this moment' }, '▶ ' + h.timestamp) : null,
    h.timestamp && h.audio && /^https?:/.test(h.audio)
      ? el('a', { href: h.audio + '#t=' + h.timestampSeconds, target: '_blank', rel: 'noopener noreferrer' }, 'listen') : null);
  const snippets = el('ul', { class: 'snippets' });
  for (const sn of h.snippets || []) {
    const li = el('li');
    li.innerHTML = safeSnippet(sn);
    snippets.append(li);
  }
  return el('li', { class: 'hit', 'data-id': h.id },
    el('h3', {}, el('a', { href: docHref(h.id), class: 'hit-title' }, h.title)), meta, snippets,
    refList('Cited in your notes:', h.linkedNotes, 'cited'),
    refList('Cites:', h.links, 'cites'));
}

function renderFacets(facets, s) {
  const box = $('facets');
  box.replaceChildren();
  for (const dim of ['type', 'tag', 'source', 'year']) {
    const values = facets && facets[dim] ? Object.entries(facets[dim]) : [];
    const selected = dim === 'year' ? (s.year ? [s.year] : []) : s[dim];
    selected.filter((v) => !values.some(([k]) => k === v)).forEach((v) => values.unshift([v, 0]));
    if (!values.length) continue;
    const list = el('ul', { 'data-facet': dim });
    for (const [value, count] of values.slice(0, dim === 'tag' ? 20 : 12)) {
      const on = selected.includes(value);
      list.append(el('li', {}, el('button', {
        type: 'button', class: 'facet', 'aria-pressed': on ? 'true' : 'false', 'data-value': value,
        onclick: () => toggleFacet(dim, value),
      }, el('span', { text: value }), el('span', { class: 'count', text: String(count) }))));
    }
    box.append(el('h2', { text: FACET_TITLES[dim] }), list);
  }
}

function toggleFacet(dim, value) {
  const s = readState();
  if (dim === 'year') s.year = s.year === value ? '' : value;
  else s[dim] = s[dim].includes(value) ? s[dim].filter((v) => v !== value) : [...s[dim], value];
  navigate({ ...s, page: 1, doc: null });
}

function renderPager(data, s) {
  const pages = Math.ceil(data.total / data.size);
  if (pages <= 1) return;
  const pager = $('pager');
  const go = (p) => () => navigate({ ...s, page: p, doc: null });
  if (data.page > 1) pager.append(el('button', { type: 'button', onclick: go(data.page - 1) }, '← Previous'));
  const first = Math.max(1, data.page - 4);
  for (let p = first; p <= Math.min(pages, first + 8); p++) {
    pager.append(el('button', { type: 'button', 'aria-current': p === data.page ? 'page' : null, onclick: go(p) }, String(p)));
  }
  if (data.page < pages) pager.append(el('button', { type: 'button', onclick: go(data.page + 1), rel: 'next' }, 'Next →'));
}

async function renderDoc(s, current) {
  const data = await api('/api/docs/' + encodeURIComponent(s.doc));
  if (!current()) return;
  const d = data.document;
  document.title = d.title + ' · painsearch';
  const isNote = d.type === 'note';
  const actions = el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'back', onclick: () => history.back() }, '← Back'),
    bookmarkButton((isNote ? 'note:' : 'doc:') + d.id, d.title, 'Bookmark'),
    isNote ? el('a', { class: 'button', id: 'edit-note', href: '/?edit=' + encodeURIComponent(d.id) }, 'Edit') : null,
    isNote ? el('button', { type: 'button', id: 'delete-note', onclick: () => deleteNote(d) }, 'Delete') : null);
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'badge ' + d.type, text: d.type }),
    d.isPrivate ? el('span', { class: 'badge private', text: 'private' }) : null,
    d.published ? el('span', { text: d.published }) : null,
    d.source ? el('span', { text: d.source }) : null,
    d.episode ? el('span', { text: 'episode ' + d.episode }) : null,
    d.duration ? el('span', { text: d.duration }) : null,
    d.doi ? el('span', { text: 'doi:' + d.doi }) : null,
    d.url && /^https?:/.test(d.url) ? el('a', { href: d.url, target: '_blank', rel: 'noopener noreferrer' }, 'open source ↗') : null);
  const authors = d.authors && d.authors.length ? el('p', { class: 'meta', text: d.authors.join(', ') }) : null;
  const tags = d.tags && d.tags.length
    ? el('p', { class: 'meta' }, d.tags.map((t) => el('a', { href: '/?tag=' + encodeURIComponent(t) }, '#' + t))) : null;
  const body = el('div', { class: 'body' });
  body.innerHTML = data.html;
  const parts = [actions, el('h1', { text: d.title }), meta, authors, tags, body];
  if (d.segments && d.segments.length) parts.push(timeline(d, s));
  if (d.links && d.links.length) parts.push(citesSection(d));
  parts.push(el('section', { class: 'links', id: 'backlinks' }, el('h2', { text: 'Notes citing this' }),
    d.backlinks && d.backlinks.length
      ? el('ul', {}, d.backlinks.map((n) => el('li', {}, el('a', { href: docHref(n.id) }, n.title),
        n.context ? el('blockquote', { class: 'context', text: n.context }) : null)))
      : el('p', { class: 'meta', text: 'No note links here yet.' })));
  if (isNote) parts.push(el('section', { class: 'links', id: 'mentions' }, el('h2', { text: 'Unlinked mentions' }),
    el('p', { class: 'meta', text: 'Looking for sources that mention this note’s title or tags…' })));
  const view = showView(parts);
  relatedSection(d.id).then((sec) => { if (sec && current()) view.append(sec); }).catch(() => {});
  const currentMoment = view.querySelector('li.current');
  if (currentMoment) currentMoment.scrollIntoView({ block: 'center' });
  if (isNote) loadMentions(d, current);
}

function timeline(d, s) {
  const list = el('ul', { class: 'segments' });
  for (const seg of d.segments) {
    const isCurrent = s.t !== null && s.t !== undefined && String(seg.seconds) === String(s.t);
    list.append(el('li', { class: isCurrent ? 'current' : null, 'data-seconds': String(seg.seconds) },
      d.audio && /^https?:/.test(d.audio)
        ? el('a', { class: 'moment', href: d.audio + '#t=' + seg.seconds, target: '_blank', rel: 'noopener noreferrer' }, seg.timestamp)
        : el('span', { class: 'moment', text: seg.timestamp }),
      ' ', seg.text));
  }
  return el('section', { class: 'links' }, el('h2', { text: 'Timeline' }), list);
}

function citesSection(d) {
  return el('section', { class: 'links', id: 'cites' }, el('h2', { text: 'Sources this cites' }),
    el('ul', {}, d.links.map((l) => el('li', {},
      l.id
        ? el('a', { href: docHref(l.id, l.seconds) }, l.title + (l.timestamp ? ' at ' + l.timestamp : ''))
        : el('span', { class: 'unresolved', text: '[[' + l.target + ']] (not in the library)' }),
      l.moment ? el('blockquote', { class: 'context moment-text', text: '▶ ' + l.timestamp + ' ' + l.moment }) : null,
      l.context ? el('blockquote', { class: 'context', text: l.context }) : null))));
}

async function loadMentions(d, current) {
  const mentions = await api('/api/notes/' + encodeURIComponent(d.id) + '/mentions');
  if (!current()) return;
  const box = $('mentions');
  if (!box) return;
  box.replaceChildren(el('h2', { text: 'Unlinked mentions' }), mentions.length
    ? el('ul', {}, mentions.map((m) => {
      const snippet = el('div', { class: 'snippet' });
      snippet.innerHTML = safeSnippet((m.snippets || [])[0] || '');
      return el('li', { 'data-id': m.id }, el('a', { href: docHref(m.id) }, m.title), ' ',
        el('button', { type: 'button', class: 'link-it', onclick: () => linkIt(d.id, m.id) }, 'link'), snippet);
    }))
    : el('p', { class: 'meta', text: 'No unlinked sources mention this note’s title or tags.' }));
}

// Writes [[target]] into the note under a "Related" heading, as a normal versioned save.
async function linkIt(noteId, target) {
  const note = await api('/api/notes/' + encodeURIComponent(noteId));
  const body = note.body.replace(/\s+$/, '');
  const line = '- [[' + target + ']]';
  const next = /(^|\n)## Related\n/.test(body) ? body + '\n' + line + '\n' : body + '\n\n## Related\n' + line + '\n';
  try {
    await api('/api/notes/' + encodeURIComponent(noteId), { method: 'PUT', headers: { 'If-Match': note.version },
      json: { title: note.title, body: next, tags: note.tags, isPrivate: note.isPrivate } });
    render();
  } catch (e) {
    showError(e.message);
  }
}

async function deleteNote(d) {
  await api('/api/notes/' + encodeURIComponent(d.id), { method: 'DELETE' });
  showView(el('div', { class: 'notice', id: 'deleted' }, 'Moved “' + d.title + '” to the trash. ',
    el('button', { type: 'button', id: 'undo-delete', onclick: async () => {
      await api('/api/notes/' + encodeURIComponent(d.id) + '/restore', { method: 'POST' });
      navigate({ ...readState(), doc: d.id }, true);
    } }, 'Undo')));
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.target === '_blank' || typeof a.href !== 'string') return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname !== '/') return;
  e.preventDefault();
  history.pushState(null, '', url.pathname + url.search);
  render();
  window.scrollTo(0, 0);
});

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = document.activeElement;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
  e.preventDefault();
  $('q').focus();
  $('q').select();
});

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const s = readState();
  navigate({ ...s, q: $('q').value.trim(), sort: $('sort').value, page: 1, doc: null, edit: null, new: null, view: null });
});
$('sort').addEventListener('change', () => $('search-form').requestSubmit());
window.addEventListener('popstate', render);
render();
wireSuggest($('q'));
if (!readState().edit && !readState().new) $('q').focus();
