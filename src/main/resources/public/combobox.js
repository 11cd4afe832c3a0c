// A list of suggestions under a field: what was typed asks for options, the arrow keys move through them (announced
// through aria-activedescendant), Enter takes the highlighted one, Escape closes. Used by the search box and by the
// note editor's [[ links.
import { el, debounce } from './dom.js';

/**
 * Wires `list` (a <ul role=listbox> with an id and an accessible name) to `field`.
 * `query()` gives the text to look up, or null when nothing should be suggested; `lookup(text)` resolves to items;
 * `render(item)` gives an option's content; `accept(item)` takes one. With `firstActive` the first option is
 * highlighted as soon as the list opens, so Enter takes it (the editor's links); otherwise Enter keeps its meaning
 * until an arrow key picks an option (the search box).
 */
export function combobox(field, list, { query, lookup, render, accept, firstActive = false, acceptKeys = ['Enter'] }) {
  const isCombobox = field.getAttribute('role') === 'combobox';
  let items = [];
  let active = -1;
  let asked = 0;
  const optionId = (i) => `${list.id}-option-${i}`;

  function show() {
    list.replaceChildren(...items.map((item, i) => el('li', {
      id: optionId(i), role: 'option', 'aria-selected': i === active ? 'true' : 'false', 'data-id': item.id || null,
      onmousedown: (e) => { e.preventDefault(); take(i); },
    }, render(item))));
    const open = items.length > 0;
    list.hidden = !open;
    if (isCombobox) field.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open && active >= 0) {
      field.setAttribute('aria-activedescendant', optionId(active));
      list.children[active].scrollIntoView({ block: 'nearest' });
    } else {
      field.removeAttribute('aria-activedescendant');
    }
  }

  function close() {
    asked++;
    items = [];
    active = -1;
    show();
  }

  function take(i) {
    const item = items[i];
    close();
    accept(item);
  }

  const update = debounce(async () => {
    const text = query();
    if (text === null) { close(); return; }
    const mine = ++asked;
    let found = [];
    try { found = await lookup(text); } catch (e) { found = []; }
    if (mine !== asked || query() !== text) return;
    items = found;
    active = firstActive && items.length ? 0 : -1;
    show();
  }, 120);

  field.addEventListener('input', () => (query() === null ? close() : update()));
  field.addEventListener('keydown', (e) => {
    if (list.hidden || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      active = active < 0 ? (step > 0 ? 0 : items.length - 1) : (active + step + items.length) % items.length;
      show();
    } else if (acceptKeys.includes(e.key) && active >= 0) {
      e.preventDefault();
      take(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  // Options are taken on mousedown, before the field loses focus, so the list can close on blur.
  field.addEventListener('blur', () => setTimeout(close, 150));
  return { close };
}
