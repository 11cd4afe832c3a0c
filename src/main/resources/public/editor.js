// The note editor: title, tags, Markdown with a live preview, [[ link suggestions, versioned saves.
import { el, api, debounce, ApiError } from './dom.js';
import { navigate, readState, showView, showError } from './app.js';

const LINK_PREFIX = /\[\[([^\]\n|#]*)$/;

export async function renderEditor(s, current) {
  const existing = s.edit ? await api('/api/notes/' + encodeURIComponent(s.edit)) : null;
  if (!current()) return;
  document.title = (existing ? 'Edit: ' + existing.title : 'New note') + ' · painsearch';
  let version = existing ? existing.version : null;

  const title = el('input', { id: 'note-title', type: 'text', 'aria-label': 'Title', placeholder: 'Title',
    value: existing ? existing.title : '' });
  const tags = el('input', { id: 'note-tags', type: 'text', 'aria-label': 'Tags', placeholder: 'tags, comma separated',
    value: existing ? existing.tags.join(', ') : '' });
  const isPrivate = el('input', { id: 'note-private', type: 'checkbox' });
  isPrivate.checked = !!(existing && existing.isPrivate);
  const body = el('textarea', { id: 'note-body', 'aria-label': 'Note (Markdown)', spellcheck: 'true', rows: '18',
    placeholder: 'Write in Markdown. Type [[ to link an article, podcast or note.' });
  body.value = existing ? existing.body : '';
  const suggestions = el('ul', { id: 'suggestions', class: 'suggestions', role: 'listbox', hidden: true });
  const preview = el('div', { id: 'preview', class: 'body preview', 'aria-label': 'Preview' });
  const conflict = el('div', { id: 'conflict', class: 'conflict', role: 'alert', hidden: true });
  const save = el('button', { type: 'submit', id: 'save-note' }, 'Save');
  const form = el('form', { id: 'note-form', class: 'editor' },
    el('div', { class: 'editor-head' }, title, tags, el('label', {}, isPrivate, ' private (about a client)')),
    el('div', { class: 'editor-panes' },
      el('div', { class: 'pane' }, body, suggestions),
      el('div', { class: 'pane' }, el('div', { class: 'meta', text: 'Preview' }), preview)),
    conflict,
    el('div', { class: 'actions' }, save,
      el('button', { type: 'button', onclick: () => history.back() }, 'Cancel')));
  showView(el('h1', { text: existing ? 'Edit note' : 'New note' }), form);

  const updatePreview = debounce(async () => {
    const answer = await api('/api/preview', { method: 'POST', json: { markdown: body.value } });
    preview.innerHTML = answer.html;
  }, 250);
  body.addEventListener('input', updatePreview);
  updatePreview();
  wireSuggestions(body, suggestions);
  (existing ? body : title).focus();

  const draft = () => ({ title: title.value, body: body.value, isPrivate: isPrivate.checked,
    tags: tags.value.split(',').map((t) => t.trim()).filter(Boolean) });

  async function submit(overVersion) {
    showError('');
    try {
      const note = existing
        ? await api('/api/notes/' + encodeURIComponent(existing.id), { method: 'PUT',
          headers: { 'If-Match': overVersion || version }, json: draft() })
        : await api('/api/notes', { method: 'POST', json: draft() });
      navigate({ ...readState(), edit: null, new: null, doc: note.id, t: null }, true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) showConflict(e.body);
      else showError(e.message);
    }
  }

  // Both texts stay on screen: the editor keeps the user's words, the panel shows what is saved now.
  function showConflict(answer) {
    const theirs = el('textarea', { id: 'conflict-current', readonly: true, rows: '8' });
    theirs.value = answer.current.body;
    conflict.replaceChildren(
      el('p', { id: 'conflict-message', text: answer.error }),
      el('p', { class: 'meta', text: 'Saved now (version ' + answer.current.version + '):' }), theirs,
      el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'keep-mine', onclick: () => submit(answer.current.version) },
          'Save mine over it'),
        el('button', { type: 'button', id: 'take-theirs', onclick: () => {
          title.value = answer.current.title;
          body.value = answer.current.body;
          tags.value = answer.current.tags.join(', ');
          version = answer.current.version;
          conflict.hidden = true;
          updatePreview();
        } }, 'Load the saved text')));
    conflict.hidden = false;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(null);
  });
}

// Typing [[ opens a list of matching documents and notes; Enter, Tab or a click writes [[id]].
function wireSuggestions(body, list) {
  let items = [];
  let active = 0;
  const close = () => { list.hidden = true; items = []; };
  const typed = () => {
    const before = body.value.slice(0, body.selectionStart);
    const m = before.match(LINK_PREFIX);
    return m ? m[1] : null;
  };
  const accept = (item) => {
    const caret = body.selectionStart;
    const before = body.value.slice(0, caret).replace(LINK_PREFIX, '[[' + item.id + ']]');
    let after = body.value.slice(caret);
    if (after.startsWith(']]')) after = after.slice(2);
    body.value = before + after;
    body.setSelectionRange(before.length, before.length);
    close();
    body.dispatchEvent(new Event('input'));
    body.focus();
  };
  const show = () => {
    list.replaceChildren(...items.map((item, i) => el('li', {
      role: 'option', class: i === active ? 'active' : null, 'data-id': item.id, 'aria-selected': i === active ? 'true' : 'false',
      onmousedown: (e) => { e.preventDefault(); accept(item); },
    }, el('span', { class: 'badge ' + item.type, text: item.type }), ' ', item.title, el('span', { class: 'meta', text: ' ' + item.id }))));
    list.hidden = items.length === 0;
  };
  const lookup = debounce(async (text) => {
    const found = await api('/api/suggest/links?q=' + encodeURIComponent(text));
    if (typed() !== text) return;
    items = found;
    active = 0;
    show();
  }, 120);
  body.addEventListener('input', () => {
    const text = typed();
    if (text === null || text.trim() === '') close();
    else lookup(text);
  });
  body.addEventListener('keydown', (e) => {
    if (list.hidden || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      show();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(items[active]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  body.addEventListener('blur', () => setTimeout(close, 150));
}
