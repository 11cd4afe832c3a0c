// painsearch page: the URL holds the whole state (/?q=...&type=...&doc=...), so back, reload and shared links work.
// Everything from the server is inserted as text (snippets too: text with match ranges, marked with <mark> elements
// here), except rendered Markdown (rendered and sanitized by the server). This module routes: it reads the address, asks a view to render,
// and moves focus and scroll where a person expects them.
import { renderEditor } from './editor.js';
import { renderBookmarks } from './bookmarks.js';
import { renderGraph } from './graph.js';
import { renderSearch } from './search.js';
import { renderDoc } from './docview.js';
import { wireSuggest } from './relevance.js';
import { closeFilters } from './facets.js';
import { watchProgress } from './progress.js';
import { mayLeave, hasUnsavedChanges, setLeaveGuard } from './drafts.js';

const $ = (id) => document.getElementById(id);
const MULTI = ['type', 'tag', 'source'];
let renderCount = 0;
// The address of what is on screen, so Back can be undone while an unsaved note would be left behind.
let shownUrl = location.href;

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

/** Shows `state`, asking first when an unsaved note would be left behind. */
export async function navigate(state, replace = false) {
  if (!replace && !(await mayLeave())) return;
  const qs = toQuery(state);
  history[replace ? 'replaceState' : 'pushState'](null, '', qs ? '/?' + qs : '/');
  render();
}

/** A link to a document (keeping the search in the address, so back returns to it and its words are marked). */
export function docHref(id, seconds) {
  const s = readState();
  return '/?' + toQuery({ ...s, edit: null, new: null, view: null, gtag: null, doc: id,
    t: seconds === undefined || seconds === null ? null : String(seconds) });
}

export function showError(message) {
  $('error').textContent = message || '';
  $('error').hidden = !message;
}

/** Puts a view's elements on the page in place of the search results. */
export function showView(...parts) {
  showError('');
  $('main').classList.remove('searching');
  $('results-area').hidden = true;
  $('facets').hidden = true;
  const view = $('view');
  view.replaceChildren(...parts.flat().filter((p) => p !== null && p !== undefined));
  view.hidden = false;
  return view;
}

/** Shows the search results area (the search view fills it). */
export function showResultsArea() {
  $('view').hidden = true;
  $('view').replaceChildren();
  $('results-area').hidden = false;
  $('facets').hidden = false;
  $('main').classList.add('searching');
}

// The library's links say which of them is open.
function markNav(s) {
  const open = s.new ? 'nav-new' : s.view === 'bookmarks' ? 'nav-bookmarks' : s.view === 'graph' ? 'nav-graph' : null;
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.id === open) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/**
 * Renders the address. On the first load the search box keeps the focus; after that focus goes where the new
 * content starts (the results heading, a document's title or the moment it was opened at), and the page scrolls there.
 */
export async function render(first = false) {
  const mine = ++renderCount;
  const current = () => mine === renderCount;
  const s = readState();
  shownUrl = location.href;
  $('q').value = s.q;
  $('sort').value = s.sort === 'date' ? 'date' : 'relevance';
  markNav(s);
  setLeaveGuard(null);
  closeFilters(false);
  try {
    let target;
    if (s.edit || s.new) target = await renderEditor(s, current);
    else if (s.view === 'bookmarks') target = await renderBookmarks(current);
    else if (s.view === 'graph') target = await renderGraph(s, current);
    else if (s.doc) target = await renderDoc(s, current);
    else target = await renderSearch(s, current);
    if (!current()) return;
    document.documentElement.dataset.rendered = String(mine);
    if (first && !s.edit && !s.new && !s.doc && !s.view) return;
    settle(target);
  } catch (e) {
    if (!current()) return;
    showView();
    showError(e.message);
    document.documentElement.dataset.rendered = String(mine);
  }
}

function settle(target) {
  if (!target) return;
  target.focus({ preventScroll: true });
  if (target.dataset && target.dataset.scroll === 'center') target.scrollIntoView({ block: 'center' });
  else window.scrollTo(0, 0);
}

document.addEventListener('click', async (e) => {
  const a = e.target.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  // SVG links (the graph's nodes) keep their address in the attribute, not in a string property.
  const raw = a.getAttribute('href');
  if (!raw || a.getAttribute('target') === '_blank' || a.hasAttribute('download')) return;
  const url = new URL(raw, location.href);
  if (url.origin !== location.origin || url.hash && url.pathname === location.pathname && url.search === location.search) return;
  if (url.pathname !== '/') {
    // Another page of painsearch (add a source): ask here rather than through the browser's own prompt.
    if (!hasUnsavedChanges()) return;
    e.preventDefault();
    if (await mayLeave()) location.assign(url.href);
    return;
  }
  e.preventDefault();
  if (!(await mayLeave())) return;
  history.pushState(null, '', url.pathname + url.search);
  render();
});

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = document.activeElement;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
  e.preventDefault();
  $('q').focus();
  $('q').select();
});

// The skip link moves focus, not only the scroll position.
$('skip').addEventListener('click', (e) => {
  const target = $('results-area').hidden ? $('view') : $('page-heading');
  e.preventDefault();
  target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'start' });
});

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const s = readState();
  navigate({ ...s, q: $('q').value.trim(), page: 1, doc: null, edit: null, new: null, view: null });
});
$('sort').addEventListener('change', () => navigate({ ...readState(), sort: $('sort').value, page: 1 }));

// Back or Forward away from an unsaved note: the editor stays until she decides.
window.addEventListener('popstate', async () => {
  if (!hasUnsavedChanges()) {
    render();
    return;
  }
  history.pushState(null, '', shownUrl);
  if (await mayLeave()) history.back();
});

render(true);
wireSuggest($('q'), $('q-suggestions'), () => $('search-form').requestSubmit());
watchProgress();
