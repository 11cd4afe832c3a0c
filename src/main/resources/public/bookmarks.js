// Bookmarks: the toggle used on documents and searches (its state read from the server), and the page listing them.
import { el, api } from './dom.js';
import { showView, showError, render } from './app.js';

const KINDS = [['note', 'Notes'], ['doc', 'Documents'], ['search', 'Searches']];

/** A button that bookmarks `target` (or removes the bookmark), showing whether it is bookmarked now. */
export function bookmarkButton(target, label, text) {
  const button = el('button', { type: 'button', class: 'bookmark', 'data-target': target, 'aria-pressed': 'false' }, '☆ ' + text);
  let id = null;
  const show = (bookmarkId) => {
    id = bookmarkId;
    button.setAttribute('aria-pressed', id ? 'true' : 'false');
    button.textContent = id ? '★ Bookmarked' : '☆ ' + text;
    button.title = id ? 'Bookmarked; press to remove the bookmark' : '';
  };
  api('/api/bookmarks').then((all) => {
    const found = all.find((b) => b.target === target);
    if (found) show(found.id);
  }).catch(() => {});
  button.addEventListener('click', async () => {
    try {
      if (id) {
        await api('/api/bookmarks/' + encodeURIComponent(id), { method: 'DELETE' });
        show(null);
      } else {
        show((await api('/api/bookmarks', { method: 'POST', json: { target, label } })).id);
      }
    } catch (e) {
      showError(e.message);
    }
  });
  return button;
}

function href(b) {
  if (b.kind === 'search') return '/?' + b.target.slice('search:'.length);
  return '/?doc=' + encodeURIComponent(b.target.slice(b.target.indexOf(':') + 1));
}

// A saved search in words: "crps · type: article · sorted by date".
function describeSearch(target) {
  const p = new URLSearchParams(target.slice('search:'.length));
  const parts = [];
  if (p.get('q')) parts.push('“' + p.get('q') + '”');
  for (const [key, value] of p) if (key !== 'q' && key !== 'sort' && key !== 'page') parts.push(key + ': ' + value);
  if (p.get('sort') === 'date') parts.push('newest first');
  return parts.length ? parts.join(' · ') : 'everything';
}

export async function renderBookmarks(current) {
  const all = await api('/api/bookmarks');
  if (!current()) return null;
  document.title = 'Bookmarks · painsearch';
  const title = el('h1', { text: 'Bookmarks', tabindex: '-1' });
  const sections = KINDS.map(([kind, heading]) => {
    const mine = all.filter((b) => b.kind === kind);
    return el('section', { class: 'links', 'data-kind': kind, 'aria-labelledby': 'bookmarks-' + kind },
      el('h2', { id: 'bookmarks-' + kind, text: heading }), mine.length
        ? el('ul', {}, mine.map((b) => {
          const name = kind === 'search' ? (b.label || describeSearch(b.target)) : (b.title || b.label || 'a document no longer in the library');
          return el('li', { 'data-id': b.id },
            el('a', { href: href(b) }, name), ' ',
            kind === 'search' ? el('span', { class: 'meta', text: describeSearch(b.target) }) : null, ' ',
            el('button', { type: 'button', class: 'remove', 'aria-label': `Remove the bookmark “${name}”`,
              onclick: async () => {
                try {
                  await api('/api/bookmarks/' + encodeURIComponent(b.id), { method: 'DELETE' });
                  render();
                } catch (e) {
                  showError(e.message);
                }
              } }, 'remove'));
        }))
        : el('p', { class: 'meta', text: 'None yet.' }));
  });
  showView(title, sections);
  return title;
}
