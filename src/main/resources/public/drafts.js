// Nothing typed is ever lost: the editor keeps a draft in this browser's storage as she types (cleared on save), and
// leaving the editor with unsaved changes asks first, inside the page (links, Back) or through the browser (reload,
// closing the tab).
import { el } from './dom.js';

const PREFIX = 'painsearch.draft.';
let guard = null;
let keep = null;

/** The storage key of the draft for a new note (id null) or an edit of note `id`. */
export function draftKey(id) {
  return PREFIX + (id ? 'edit:' + id : 'new');
}

/** The draft kept under `key`, or null. */
export function loadDraft(key) {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch (e) {
    return null;
  }
}

/** Keeps `draft` under `key`; false when the browser refuses (storage full or disabled). */
export function saveDraft(key, draft) {
  try {
    localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: Date.now() }));
    return true;
  } catch (e) {
    return false;
  }
}

export function clearDraft(key) {
  try { localStorage.removeItem(key); } catch (e) { /* nothing kept, nothing to clear */ }
}

/**
 * While `isDirty()` answers true, leaving the page asks first, and `keepNow()` is called as the page goes away (so
 * the last keystrokes are kept too); null removes the guard.
 */
export function setLeaveGuard(isDirty, keepNow = null) {
  guard = isDirty;
  keep = keepNow;
}

/** True when something unsaved would be left behind. */
export function hasUnsavedChanges() {
  return !!(guard && guard());
}

/** Resolves true when she may leave now: nothing unsaved, or she chose to leave (the draft stays kept). */
export function mayLeave() {
  if (!hasUnsavedChanges()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (leave) => {
      dialog.close();
      dialog.remove();
      if (leave) {
        if (keep) keep();
        guard = null;
        keep = null;
      }
      resolve(leave);
    };
    const stay = el('button', { type: 'button', id: 'leave-stay', class: 'primary', onclick: () => finish(false) },
      'Stay and keep writing');
    const dialog = el('dialog', { class: 'leave', id: 'leave-dialog', 'aria-labelledby': 'leave-title',
      'aria-describedby': 'leave-text' },
    el('h2', { id: 'leave-title', text: 'This note is not saved yet' }),
    el('p', { id: 'leave-text', text: 'If you leave now, this browser keeps what you typed and offers it back when you '
      + 'open the editor again.' }),
    el('div', { class: 'actions' }, stay,
      el('button', { type: 'button', id: 'leave-go', onclick: () => finish(true) }, 'Leave, keep the draft')));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(false); });
    document.body.append(dialog);
    dialog.showModal();
    stay.focus();
  });
}

window.addEventListener('pagehide', () => {
  if (keep && hasUnsavedChanges()) keep();
});

// Reload, closing the tab or typing another address: only the browser can ask.
window.addEventListener('beforeunload', (e) => {
  if (hasUnsavedChanges()) {
    e.preventDefault();
    e.returnValue = '';
  }
});
