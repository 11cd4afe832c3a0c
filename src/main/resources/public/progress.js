// Long work on the server (indexing, computing meaning vectors) as one quiet line under the header. The server lists
// what it is doing at GET /api/status ({"tasks": [{id, label, done, total}]}); the page asks every 2 seconds only
// while something runs, and again right after the page wrote something. A server without that endpoint (404) has
// nothing to show.
import { el } from './dom.js';

const POLL_MS = 2000;
// After a write, work it started may take a moment to show: keep asking this long even while nothing runs.
const AFTER_WRITE_MS = 5000;
let timer = null;
let askUntil = 0;
let unsupported = false;

function show(tasks) {
  const line = document.getElementById('progress');
  line.replaceChildren(...tasks.map((t) => {
    const known = Number.isFinite(t.total) && t.total > 0;
    return el('div', { class: 'task', 'data-task': t.id },
      `${t.label}${known ? `: ${t.done.toLocaleString('en')} of ${t.total.toLocaleString('en')}` : '…'}`,
      known ? el('progress', { max: String(t.total), value: String(t.done), 'aria-hidden': 'true' }) : null);
  }));
  line.hidden = tasks.length === 0;
}

async function poll() {
  timer = null;
  if (unsupported) return;
  let tasks = [];
  try {
    const res = await fetch('/api/status', { headers: { Accept: 'application/json' } });
    if (res.status === 404) {
      unsupported = true;
    } else if (res.ok) {
      const body = await res.json();
      tasks = Array.isArray(body.tasks) ? body.tasks : [];
    }
  } catch (e) {
    tasks = [];
  }
  show(tasks);
  if (!unsupported && (tasks.length || Date.now() < askUntil)) timer = setTimeout(poll, POLL_MS);
}

/** Asks now, and keeps asking while tasks run. */
export function checkProgress() {
  if (timer) clearTimeout(timer);
  poll();
}

/** Shows progress on load and after each write the page makes (see dom.js). */
export function watchProgress() {
  window.addEventListener('painsearch:wrote', () => {
    askUntil = Date.now() + AFTER_WRITE_MS;
    checkProgress();
  });
  checkProgress();
}
