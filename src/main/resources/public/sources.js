// "Add a source": starts a background crawl of an address and shows its progress and outcome per address.
'use strict';

const POLL_MS = 1000;
const $ = (id) => document.getElementById(id);
let pollTimer = null;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

async function call(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status === 401) location.assign('/login.html?next=' + encodeURIComponent(location.pathname));
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) throw new Error((data && data.error) || `the server answered ${res.status}`);
  return data;
}

// Only web addresses become links; anything else is shown as text.
function addressCell(url) {
  return /^https?:\/\//i.test(url) ? el('a', { href: url, rel: 'noopener noreferrer' }, url) : url;
}

function detailsCell(o) {
  const cell = el('td', {}, o.reason || '');
  for (const id of o.documents || []) {
    cell.append(' ', el('a', { href: `/?doc=${encodeURIComponent(id)}` }, 'open'));
  }
  return cell;
}

function render(job) {
  const p = job.progress;
  const state = { queued: 'Waiting for the crawl before it to finish…', running: 'Crawling…',
    done: 'Done.', failed: `Failed: ${job.error}` }[job.state] || job.state;
  const saved = job.savedAs ? ` Saved to sources.yaml as a ${job.savedAs}.` : '';
  $('summary').textContent = `${job.url} — ${state} ${p.fetched} fetched, ${p.unchanged} unchanged, `
    + `${p.queued} queued, ${p.skipped} skipped, ${p.failed} failed; ${job.stored} document(s) new or changed.${saved}`;
  const body = $('outcomes').querySelector('tbody');
  body.replaceChildren(...job.outcomes.map((o) => el('tr', {},
    el('td', {}, el('span', { class: `badge outcome-${o.status}` }, o.status)),
    el('td', {}, addressCell(o.url)),
    detailsCell(o))));
  $('outcomes').hidden = job.outcomes.length === 0;
}

async function watch(id) {
  clearTimeout(pollTimer);
  try {
    const job = await call('GET', `/api/sources/jobs/${encodeURIComponent(id)}`);
    showError('');
    render(job);
    if (job.state === 'queued' || job.state === 'running') pollTimer = setTimeout(() => watch(id), POLL_MS);
  } catch (e) {
    showError(e.message);
  }
}

$('source-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('');
  try {
    const job = await call('POST', '/api/sources', { url: $('url').value.trim() });
    history.replaceState(null, '', `?job=${encodeURIComponent(job.id)}`);
    render(job);
    watch(job.id);
  } catch (e) {
    showError(e.message);
  }
});

const resumeId = new URLSearchParams(location.search).get('job');
if (resumeId) watch(resumeId);
