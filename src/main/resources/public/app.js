'use strict';
// painsearch page: the URL holds the whole state (/?q=...&type=...&doc=...), so back, reload and shared links work.
// Everything from the server is inserted as text, except snippets (server-escaped, only <mark> kept) and the
// document body (rendered and sanitized by the server).

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 10;
const MULTI = ['type', 'tag', 'source'];
const FACET_TITLES = { type: 'Type', tag: 'Tag', source: 'Source', year: 'Year' };
let renderCount = 0;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// Snippets arrive escaped with <mark> as the only markup; anything else that looks like a tag is neutralised.
function safeSnippet(html) {
  return html.replace(/<(?!\/?mark>)/g, '&lt;');
}

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '', type: p.getAll('type'), tag: p.getAll('tag'), source: p.getAll('source'),
    year: p.get('year') || '', sort: p.get('sort') || 'relevance', page: Math.max(1, parseInt(p.get('page'), 10) || 1),
    doc: p.get('doc'), t: p.get('t'),
  };
}

function toQuery(s, withDoc = true) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const dim of MULTI) (s[dim] || []).forEach((v) => p.append(dim, v));
  if (s.year) p.set('year', s.year);
  if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (withDoc && s.doc) p.set('doc', s.doc);
  if (withDoc && s.doc && s.t) p.set('t', s.t);
  return p.toString();
}

function navigate(state) {
  const qs = toQuery(state);
  history.pushState(null, '', qs ? '/?' + qs : '/');
  render();
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new Error((body && body.error) || ('The server answered ' + res.status));
  return body;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

function clearViews() {
  $('results').replaceChildren();
  $('pager').replaceChildren();
  $('summary').textContent = '';
  $('notice').hidden = true;
  $('doc').hidden = true;
  $('doc').replaceChildren();
  showError('');
}

async function render() {
  const mine = ++renderCount;
  const s = readState();
  $('q').value = s.q;
  $('sort').value = s.sort === 'date' ? 'date' : 'relevance';
  try {
    if (s.doc) await renderDoc(s, mine);
    else await renderSearch(s, mine);
  } catch (e) {
    if (mine === renderCount) { clearViews(); showError(e.message); }
  }
}

async function renderSearch(s, mine) {
  const data = await api('/api/search?' + toQuery({ ...s, doc: null }) + '&size=' + PAGE_SIZE);
  if (mine !== renderCount) return;
  clearViews();
  document.title = s.q ? s.q + ' · painsearch' : 'painsearch';
  if (data.notice) { $('notice').textContent = data.notice; $('notice').hidden = false; }
  const from = (data.page - 1) * data.size + 1;
  $('summary').textContent = data.total === 0
    ? 'No results' + (s.q ? ' for “' + s.q + '”' : '') + '.'
    : `${data.total} result${data.total === 1 ? '' : 's'}` + (s.q ? ` for “${s.q}”` : '')
      + (data.total > data.size ? ` · showing ${from}–${from + data.hits.length - 1}` : '')
      + ` · ${data.tookMs} ms`;
  $('results').replaceChildren(...data.hits.map((h) => hitView(h, s)));
  renderFacets(data.facets, s);
  renderPager(data, s);
}

function docHref(id, seconds) {
  const s = readState();
  return '/?' + toQuery({ ...s, doc: id, t: seconds === undefined || seconds === null ? null : String(seconds) });
}

function hitView(h, s) {
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'badge ' + h.type, text: h.type }),
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
  const cited = h.linkedNotes && h.linkedNotes.length
    ? el('div', { class: 'cited' }, el('strong', { text: 'Cited in your notes:' }),
      el('ul', {}, h.linkedNotes.map((n) => el('li', {}, el('a', { href: docHref(n.id), class: 'note-link' }, n.title)))))
    : null;
  return el('li', { class: 'hit', 'data-id': h.id },
    el('h3', {}, el('a', { href: docHref(h.id), class: 'hit-title' }, h.title)), meta, snippets, cited);
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

async function renderDoc(s, mine) {
  const data = await api('/api/docs/' + encodeURIComponent(s.doc));
  if (mine !== renderCount) return;
  clearViews();
  $('facets').replaceChildren();
  const d = data.document;
  document.title = d.title + ' · painsearch';
  const view = $('doc');
  const back = el('button', { type: 'button', class: 'back', onclick: () => history.back() }, '← Back');
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'badge ' + d.type, text: d.type }),
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
  const parts = [back, el('h1', { text: d.title }), meta, authors, tags, body];
  if (d.segments && d.segments.length) {
    const list = el('ul', { class: 'segments' });
    for (const seg of d.segments) {
      const current = s.t !== null && s.t !== undefined && String(seg.seconds) === String(s.t);
      list.append(el('li', { class: current ? 'current' : null, 'data-seconds': String(seg.seconds) },
        d.audio && /^https?:/.test(d.audio)
          ? el('a', { class: 'moment', href: d.audio + '#t=' + seg.seconds, target: '_blank', rel: 'noopener noreferrer' }, seg.timestamp)
          : el('span', { class: 'moment', text: seg.timestamp }),
        ' ', seg.text));
    }
    parts.push(el('section', { class: 'links' }, el('h2', { text: 'Timeline' }), list));
  }
  if (d.links && d.links.length) {
    parts.push(el('section', { class: 'links', id: 'cites' }, el('h2', { text: 'Sources this cites' }),
      el('ul', {}, d.links.map((l) => el('li', {}, l.title
        ? el('a', { href: docHref(l.target, l.timestamp ? toSeconds(l.timestamp) : null) }, l.title + (l.timestamp ? ' at ' + l.timestamp : ''))
        : el('span', { class: 'unresolved', text: '[[' + l.target + ']] (not in the library)' }))))));
  }
  parts.push(el('section', { class: 'links', id: 'backlinks' }, el('h2', { text: 'Notes citing this' }),
    d.backlinks && d.backlinks.length
      ? el('ul', {}, d.backlinks.map((n) => el('li', {}, el('a', { href: docHref(n.id) }, n.title))))
      : el('p', { class: 'meta', text: 'No note links here yet.' })));
  view.replaceChildren(...parts.filter((p) => p !== null && p !== undefined));
  view.hidden = false;
  const current = view.querySelector('li.current');
  if (current) current.scrollIntoView({ block: 'center' });
}

function toSeconds(ts) {
  return ts.split(':').reduce((acc, part) => acc * 60 + parseInt(part, 10), 0);
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.target === '_blank') return;
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
  navigate({ ...s, q: $('q').value.trim(), sort: $('sort').value, page: 1, doc: null });
});
$('sort').addEventListener('change', () => $('search-form').requestSubmit());
window.addEventListener('popstate', render);
render();
$('q').focus();
