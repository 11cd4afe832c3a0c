// The note editor: title, tags, Markdown with a live preview, [[ link suggestions, versioned saves. What she types is
// kept as a draft in this browser until it is saved (drafts.js), and offered back when she opens the editor again.
import { el, api, debounce, ApiError } from './dom.js';
import { navigate, readState, showView, showError } from './app.js';
import { combobox } from './combobox.js';
import { draftKey, loadDraft, saveDraft, clearDraft, setLeaveGuard } from './drafts.js';

const LINK_PREFIX = /\[\[([^\]\n|#]*)$/;

/** Renders the editor for `s.edit` (or a new note); returns the field where writing starts. */
export async function renderEditor(s, current) {
  const existing = s.edit ? await api('/api/notes/' + encodeURIComponent(s.edit)) : null;
  if (!current()) return null;
  document.title = (existing ? 'Edit: ' + existing.title : 'New note') + ' · painsearch';
  const key = draftKey(existing ? existing.id : null);
  const saved = { title: existing ? existing.title : '', tags: existing ? existing.tags.join(', ') : '',
    body: existing ? existing.body : '', isPrivate: !!(existing && existing.isPrivate) };
  let version = existing ? existing.version : null;

  const title = el('input', { id: 'note-title', type: 'text', placeholder: 'What is this note about?', value: saved.title });
  const tags = el('input', { id: 'note-tags', type: 'text', placeholder: 'sleep, clients', value: saved.tags });
  const isPrivate = el('input', { id: 'note-private', type: 'checkbox' });
  isPrivate.checked = saved.isPrivate;
  const body = el('textarea', { id: 'note-body', 'aria-label': 'Note, in Markdown', spellcheck: 'true', rows: '18',
    placeholder: 'Write in Markdown. Type [[ to link an article, podcast or note.' });
  body.value = saved.body;
  const suggestions = el('ul', { id: 'link-suggestions', class: 'suggestions', role: 'listbox',
    'aria-label': 'Documents to link', hidden: true });
  body.setAttribute('aria-controls', 'link-suggestions');
  const preview = el('section', { id: 'preview', class: 'body preview', 'aria-label': 'Preview' });
  const conflict = el('div', { id: 'conflict', class: 'conflict', role: 'alert', hidden: true });
  const draftBox = el('div', { id: 'draft-offer', class: 'draft', role: 'status', hidden: true });
  const heading = el('h1', { text: existing ? 'Edit note' : 'New note', tabindex: '-1' });
  const form = el('form', { id: 'note-form', class: 'editor' },
    el('div', { class: 'editor-head' },
      el('label', { class: 'field title-field', for: 'note-title' }, 'Title', title),
      el('label', { class: 'field tags-field', for: 'note-tags' }, 'Tags, comma separated', tags),
      el('label', { for: 'note-private' }, isPrivate, ' private (about a client)')),
    el('div', { class: 'editor-panes' },
      el('div', { class: 'pane' }, body, suggestions),
      el('div', { class: 'pane' }, el('div', { class: 'meta', text: 'Preview', 'aria-hidden': 'true' }), preview)),
    conflict,
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save-note' }, 'Save'),
      el('button', { type: 'button', id: 'cancel-note', onclick: () => history.back() }, 'Cancel')));
  showView(heading, draftBox, form);

  const fields = () => ({ title: title.value, tags: tags.value, body: body.value, isPrivate: isPrivate.checked });
  const fill = (f) => {
    title.value = f.title;
    tags.value = f.tags;
    body.value = f.body;
    isPrivate.checked = !!f.isPrivate;
  };
  const dirty = () => JSON.stringify(fields()) !== JSON.stringify(saved);

  const updatePreview = debounce(async () => {
    try {
      const answer = await api('/api/preview', { method: 'POST', json: { markdown: body.value } });
      preview.innerHTML = answer.html;
    } catch (e) {
      preview.textContent = 'The preview is not available: ' + e.message;
    }
  }, 250);

  // The draft: kept on every change while it differs from what is saved, with the version it started from, so a
  // save after a change elsewhere is caught as a conflict rather than overwriting it.
  let isSaved = false;
  const keep = debounce(() => {
    if (isSaved) return;
    if (dirty()) saveDraft(key, { ...fields(), version });
    else clearDraft(key);
  }, 300);
  for (const field of [title, tags, body, isPrivate]) field.addEventListener('input', keep);
  isPrivate.addEventListener('change', keep);
  setLeaveGuard(dirty, () => saveDraft(key, { ...fields(), version }));
  offerDraft(loadDraft(key), existing, draftBox, fill, saved, (v) => { version = v; }, () => {
    fill(saved);
    version = existing ? existing.version : null;
    clearDraft(key);
    updatePreview();
  });

  body.addEventListener('input', updatePreview);
  updatePreview();
  linkSuggestions(body, suggestions);

  async function submit(overVersion) {
    showError('');
    const note = { title: title.value, body: body.value, isPrivate: isPrivate.checked,
      tags: tags.value.split(',').map((t) => t.trim()).filter(Boolean) };
    try {
      const answer = existing
        ? await api('/api/notes/' + encodeURIComponent(existing.id), { method: 'PUT',
          headers: { 'If-Match': overVersion || version }, json: note })
        : await api('/api/notes', { method: 'POST', json: note });
      isSaved = true;
      clearDraft(key);
      setLeaveGuard(null);
      navigate({ ...readState(), edit: null, new: null, doc: answer.id, t: null }, true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) showConflict(e.body);
      else showError(e.message);
    }
  }

  // Both texts stay on screen: the editor keeps her words, the panel shows what is saved now.
  function showConflict(answer) {
    const theirs = el('textarea', { id: 'conflict-current', readonly: true, rows: '8', 'aria-label': 'The note as saved now' });
    theirs.value = answer.current.body;
    conflict.replaceChildren(
      el('p', { id: 'conflict-message', text: answer.error }),
      el('p', { class: 'meta', text: 'Saved now (version ' + answer.current.version + '):' }), theirs,
      el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'keep-mine', onclick: () => submit(answer.current.version) },
          'Save mine over it'),
        el('button', { type: 'button', id: 'take-theirs', onclick: () => {
          fill({ title: answer.current.title, body: answer.current.body, tags: answer.current.tags.join(', '),
            isPrivate: answer.current.isPrivate });
          version = answer.current.version;
          conflict.hidden = true;
          keep();
          updatePreview();
        } }, 'Load the saved text')));
    conflict.hidden = false;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(null);
  });
  return existing ? body : title;
}

// A draft left from before comes back into the editor, saying so, with a way to drop it.
function offerDraft(draft, existing, box, fill, saved, setVersion, discard) {
  if (!draft) return;
  const text = { title: draft.title || '', tags: draft.tags || '', body: draft.body || '', isPrivate: !!draft.isPrivate };
  if (JSON.stringify(text) === JSON.stringify(saved)) return;
  fill(text);
  if (existing && draft.version) setVersion(draft.version);
  const when = new Date(draft.savedAt || Date.now()).toLocaleString();
  const changed = existing && draft.version && draft.version !== existing.version
    ? ' The note was saved elsewhere since; saving will show both versions.' : '';
  box.replaceChildren(
    el('span', { text: `Your unsaved draft from ${when} is back in the editor.${changed} ` }),
    el('button', { type: 'button', id: 'discard-draft', onclick: () => { discard(); box.hidden = true; } },
      existing ? 'Discard it and show the saved note' : 'Discard it and start empty'));
  box.hidden = false;
}

// Typing [[ opens a list of matching documents and notes; Enter, Tab or a click writes [[id]].
function linkSuggestions(body, list) {
  const typed = () => {
    const m = body.value.slice(0, body.selectionStart).match(LINK_PREFIX);
    return m && m[1].trim() ? m[1] : null;
  };
  combobox(body, list, {
    query: typed,
    lookup: (text) => api('/api/suggest/links?q=' + encodeURIComponent(text)),
    render: (item) => [el('span', { class: 'badge ' + item.type, text: item.type }), ' ', item.title],
    firstActive: true,
    acceptKeys: ['Enter', 'Tab'],
    accept: (item) => {
      const caret = body.selectionStart;
      const before = body.value.slice(0, caret).replace(LINK_PREFIX, '[[' + item.id + ']]');
      let after = body.value.slice(caret);
      if (after.startsWith(']]')) after = after.slice(2);
      body.value = before + after;
      body.setSelectionRange(before.length, before.length);
      body.dispatchEvent(new Event('input'));
      body.focus();
    },
  });
}
