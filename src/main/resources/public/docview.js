// The document view: the whole document, the podcast moment it was opened at (highlighted, scrolled to, playable from
// that second), the searched words marked, what it cites, the notes citing it, and for a note its unlinked mentions.
import { el, api, highlighted } from './dom.js';
import { navigate, readState, docHref, showView, showError, render } from './app.js';
import { bookmarkButton } from './bookmarks.js';
import { relatedSection } from './relevance.js';
import { markWords } from './marks.js';

const $ = (id) => document.getElementById(id);
const playable = (url) => !!url && /^https?:/.test(url);

/** Renders document `s.doc`; returns where focus goes: the moment it was opened at, else its title. */
export async function renderDoc(s, current) {
  const path = '/api/docs/' + encodeURIComponent(s.doc) + (s.q ? '?q=' + encodeURIComponent(s.q) : '');
  const data = await api(path);
  if (!current()) return null;
  const d = data.document;
  document.title = d.title + ' · painsearch';
  const isNote = d.type === 'note';
  const title = el('h1', { text: d.title, tabindex: '-1' });
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
    playable(d.url) ? el('a', { href: d.url, target: '_blank', rel: 'noopener noreferrer' }, 'open the source ↗') : null);
  const authors = d.authors && d.authors.length ? el('p', { class: 'meta', text: d.authors.join(', ') }) : null;
  const tags = d.tags && d.tags.length
    ? el('p', { class: 'meta' }, d.tags.map((t) => el('a', { href: '/?tag=' + encodeURIComponent(t) }, '#' + t))) : null;
  const body = el('div', { class: 'body' });
  body.innerHTML = data.html;
  const seconds = s.t !== null && s.t !== undefined && /^\d+$/.test(s.t) ? Number(s.t) : null;
  const moment = d.segments && d.segments.length ? timeline(d, seconds) : null;
  const parts = [actions, title, meta, authors, tags, listen(d, seconds), body, moment && moment.section];
  if (d.links && d.links.length) parts.push(citesSection(d));
  parts.push(el('section', { class: 'links', id: 'backlinks', 'aria-labelledby': 'backlinks-title' },
    el('h2', { id: 'backlinks-title', text: 'Notes citing this' }),
    d.backlinks && d.backlinks.length
      ? el('ul', {}, d.backlinks.map((n) => el('li', {}, el('a', { href: docHref(n.id) }, n.title),
        n.context ? el('blockquote', { class: 'context', text: n.context }) : null)))
      : el('p', { class: 'meta', text: 'No note links here yet.' })));
  if (isNote) parts.push(el('section', { class: 'links', id: 'mentions', 'aria-labelledby': 'mentions-title' },
    el('h2', { id: 'mentions-title', text: 'Unlinked mentions' }),
    el('p', { class: 'meta', text: 'Looking for sources that name this note’s title or tags…' })));
  const view = showView(el('article', { class: 'doc' }, parts));
  if (data.marks && data.marks.length) {
    markWords(body, data.marks);
    if (moment) markWords(moment.section, data.marks);
    view.querySelector('.doc').prepend(el('p', { class: 'visually-hidden', id: 'marks-note',
      text: `Words of your search are marked: ${data.marks.join(', ')}.` }));
  }
  relatedSection(d.id).then((sec) => { if (sec && current()) view.querySelector('.doc').append(sec); }).catch(() => {});
  if (isNote) loadMentions(d, current).catch((e) => showError(e.message));
  return moment && moment.current ? moment.current : title;
}

// The episode's audio, starting at the moment when there is one (media fragments: audio.mp3#t=SECONDS).
function listen(d, seconds) {
  if (!playable(d.audio)) return null;
  const from = seconds === null ? '' : '#t=' + seconds;
  const audio = el('audio', { controls: true, preload: 'none', src: d.audio + from, id: 'episode-audio',
    'aria-label': 'Episode audio' + (seconds === null ? '' : ', from ' + clock(seconds)) });
  return el('div', { class: 'listen' }, audio,
    el('a', { href: d.audio + from, target: '_blank', rel: 'noopener noreferrer', id: 'listen-link' },
      seconds === null ? 'Open the audio ↗' : `Listen from ${clock(seconds)} ↗`));
}

function clock(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  return [h, m, sec].map((n) => String(n).padStart(2, '0')).join(':');
}

// The timed segments; the one playing at `seconds` (the last starting at or before it) is highlighted and current.
function timeline(d, seconds) {
  let currentIndex = -1;
  if (seconds !== null) d.segments.forEach((seg, i) => { if (seg.seconds <= seconds) currentIndex = i; });
  const audioOk = playable(d.audio);
  const items = d.segments.map((seg, i) => el('li', {
    class: i === currentIndex ? 'current' : null, 'data-seconds': String(seg.seconds),
    'aria-current': i === currentIndex ? 'true' : null, tabindex: i === currentIndex ? '-1' : null,
    'data-scroll': i === currentIndex ? 'center' : null,
  },
  audioOk
    ? el('button', { type: 'button', class: 'seek moment', 'aria-label': 'Play from ' + seg.timestamp,
      onclick: () => seek(seg.seconds) }, seg.timestamp)
    : el('span', { class: 'moment', text: seg.timestamp }),
  ' ', i === currentIndex ? el('span', { class: 'visually-hidden', text: '(the moment you opened) ' }) : null, seg.text));
  const section = el('section', { class: 'links', id: 'timeline', 'aria-labelledby': 'timeline-title' },
    el('h2', { id: 'timeline-title', text: 'Timeline' }), el('ul', { class: 'segments' }, items));
  return { section, current: currentIndex >= 0 ? items[currentIndex] : null };
}

function seek(seconds) {
  const audio = $('episode-audio');
  if (!audio) return;
  const base = audio.src.replace(/#.*$/, '');
  if (audio.readyState === 0) audio.src = base + '#t=' + seconds;
  else audio.currentTime = seconds;
  audio.play().catch(() => {});
}

function citesSection(d) {
  return el('section', { class: 'links', id: 'cites', 'aria-labelledby': 'cites-title' },
    el('h2', { id: 'cites-title', text: 'Sources this cites' }),
    el('ul', {}, d.links.map((l) => el('li', {},
      l.id
        ? el('a', { href: docHref(l.id, l.seconds) }, l.title + (l.timestamp ? ' at ' + l.timestamp : ''))
        : el('span', { class: 'unresolved', text: '[[' + l.target + ']] (not in the library)' }),
      l.moment ? el('blockquote', { class: 'context moment-text', text: '▶ ' + l.timestamp + ' ' + l.moment }) : null,
      l.context ? el('blockquote', { class: 'context', text: l.context }) : null))));
}

async function loadMentions(d, current) {
  const mentions = await api('/api/notes/' + encodeURIComponent(d.id) + '/mentions');
  const box = $('mentions');
  if (!current() || !box) return;
  box.replaceChildren(el('h2', { id: 'mentions-title', text: 'Unlinked mentions' }), mentions.length
    ? el('ul', {}, mentions.map((m) => {
      const snippet = el('div', { class: 'snippet' }, ...highlighted((m.snippets || [])[0]));
      return el('li', { 'data-id': m.id }, el('a', { href: docHref(m.id) }, m.title), ' ',
        el('button', { type: 'button', class: 'link-it', 'aria-label': `Link “${m.title}” from this note`,
          onclick: () => linkIt(d.id, m.id) }, 'link'), snippet);
    }))
    : el('p', { class: 'meta', text: 'No source names this note’s title or tags without a link from it.' }));
}

// Writes [[target]] into the note under a "Related" heading, as a normal versioned save.
async function linkIt(noteId, target) {
  try {
    const note = await api('/api/notes/' + encodeURIComponent(noteId));
    const body = note.body.replace(/\s+$/, '');
    const line = '- [[' + target + ']]';
    const next = /(^|\n)## Related\n/.test(body) ? body + '\n' + line + '\n' : body + '\n\n## Related\n' + line + '\n';
    await api('/api/notes/' + encodeURIComponent(noteId), { method: 'PUT', headers: { 'If-Match': note.version },
      json: { title: note.title, body: next, tags: note.tags, isPrivate: note.isPrivate } });
    render();
  } catch (e) {
    showError(e.message);
  }
}

async function deleteNote(d) {
  try {
    await api('/api/notes/' + encodeURIComponent(d.id), { method: 'DELETE' });
  } catch (e) {
    showError(e.message);
    return;
  }
  const undo = el('button', { type: 'button', id: 'undo-delete', onclick: async () => {
    await api('/api/notes/' + encodeURIComponent(d.id) + '/restore', { method: 'POST' });
    navigate({ ...readState(), doc: d.id }, true);
  } }, 'Undo');
  showView(el('h1', { text: 'Note moved to the trash' }),
    el('div', { class: 'notice', id: 'deleted', role: 'status' }, 'Moved “' + d.title + '” to the trash. ', undo));
  undo.focus();
}
