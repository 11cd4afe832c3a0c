// Small helpers shared by the page's views: building elements (text only, never HTML) and calling the API.

export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, built like {@link el}. */
export function svgEl(tag, attrs = {}, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.setAttribute('class', v);
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'value') node.value = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// A highlight from the server is plain text with match ranges ({text, marks: [{start, end}]}): the text goes in as
// text nodes and each matched stretch as a <mark> element, so nothing in a document can become markup.
export function highlighted(h) {
  const text = (h && h.text) || '';
  const nodes = [];
  let pos = 0;
  for (const r of (h && h.marks) || []) {
    if (r.start < pos || r.end > text.length) continue;
    if (r.start > pos) nodes.push(document.createTextNode(text.slice(pos, r.start)));
    nodes.push(el('mark', {}, text.slice(r.start, r.end)));
    pos = r.end;
  }
  if (pos < text.length) nodes.push(document.createTextNode(text.slice(pos)));
  return nodes;
}

/** An API error: the server's sentence, the status, and the JSON answer (a 409 carries the current note). */
export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export async function api(path, { method = 'GET', json, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  const res = await fetch(path, init);
  if (res.status === 401) toLogin();
  if (res.status === 204) {
    if (method !== 'GET') window.dispatchEvent(new Event('painsearch:wrote'));
    return null;
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new ApiError((body && body.error) || ('The server answered ' + res.status), res.status, body);
  // A write may start work on the server (indexing); the progress line asks about it.
  if (method !== 'GET') window.dispatchEvent(new Event('painsearch:wrote'));
  return body;
}

/** Goes to the login page, coming back here afterwards (the server asks for a login). */
export function toLogin() {
  location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
