// Bookmarks: the button used on documents and searches, and the page listing them by kind.
import { el, api } from './dom.js';
import { showView, showError, render } from './app.js';

const KINDS = [['note', 'Notes'], ['doc', 'Documents'], ['search', 'Searches']];

export function bookmarkButton(target, label, text) {
  const button = el('button', { type: 'button', class: 'bookmark', 'data-target': target }, '☆ ' + text);
  button.addEventListener('click', async () => {
    try {
      await api('/api/bookmarks', { method: 'POST', json: { target, label } });
      button.textContent = '★ Bookmarked';
      button.disabled = true;
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

export async function renderBookmarks(current) {
  const all = await api('/api/bookmarks');
  if (!current()) return;
  document.title = 'Bookmarks · painsearch';
  const sections = KINDS.map(([kind, title]) => {
    const mine = all.filter((b) => b.kind === kind);
    return el('section', { class: 'links', 'data-kind': kind }, el('h2', { text: title }), mine.length
      ? el('ul', {}, mine.map((b) => el('li', { 'data-id': b.id },
        el('a', { href: href(b) }, b.label || b.target), ' ',
        b.label ? el('span', { class: 'meta', text: b.target }) : null, ' ',
        el('button', { type: 'button', class: 'remove', onclick: async () => {
          await api('/api/bookmarks/' + encodeURIComponent(b.id), { method: 'DELETE' });
          render();
        } }, 'remove'))))
      : el('p', { class: 'meta', text: 'None yet.' }));
  });
  showView(el('h1', { text: 'Bookmarks' }), sections);
}
