// The link graph: notes and the sources they cite. A drawing (legend, zoom and pan, every node a link reachable with
// the keyboard) and the same links as a list, for reading them in order or with a screen reader.
import { el, svgEl, api } from './dom.js';
import { showView, navigate, readState } from './app.js';
import { layout } from './graph-layout.js';

const WIDTH = 960;
const TYPES = [['note', 'your notes'], ['article', 'articles'], ['podcast', 'podcast episodes']];
const COLORS = { note: '#7a4aa0', article: '#2f6f6a', podcast: '#2d4f8c' };

export async function renderGraph(s, current) {
  const graph = await api('/api/graph' + (s.gtag ? '?tag=' + encodeURIComponent(s.gtag) : ''));
  if (!current()) return null;
  document.title = 'Graph · painsearch';
  const allTags = [...new Set(graph.nodes.filter((n) => n.type === 'note').flatMap((n) => n.tags))].sort();
  const select = el('select', { id: 'graph-tag',
    onchange: (e) => navigate({ ...readState(), gtag: e.target.value || null }) },
  el('option', { value: '' }, 'all notes'), allTags.map((t) => el('option', { value: t }, '#' + t)));
  if (s.gtag && !allTags.includes(s.gtag)) select.append(el('option', { value: s.gtag }, '#' + s.gtag));
  select.value = s.gtag || '';
  const title = el('h1', { text: 'Notes and what they cite', tabindex: '-1' });
  const legend = el('ul', { class: 'legend', 'aria-label': 'Colours' },
    TYPES.map(([type, name]) => el('li', {}, el('span', { class: 'dot ' + type, 'aria-hidden': 'true' }), name)),
    el('li', { text: 'a line: the note links to it' }));
  const drawing = draw(graph);
  showView(title,
    el('p', { class: 'meta' }, el('label', { for: 'graph-tag' }, 'Show '), select,
      ` · ${graph.nodes.length} documents, ${graph.edges.length} links. Open one by clicking it, or with Tab and Enter.`),
    el('div', { class: 'graph-tools' }, legend, drawing.zoom),
    drawing.frame,
    linkList(graph));
  drawing.fitScreen();
  return title;
}

function draw(graph) {
  const { items, height } = layout(graph.nodes, graph.edges, WIDTH);
  const pos = new Map(items.map((n) => [n.id, n]));
  const types = new Map(graph.nodes.map((n) => [n.id, n]));
  // tabindex -1: Chrome would otherwise stop on the drawing itself before its first node.
  const svg = svgEl('svg', { id: 'graph', viewBox: `0 0 ${WIDTH} ${height}`, role: 'group', tabindex: '-1',
    'aria-label': `Link graph: ${graph.nodes.length} documents, ${graph.edges.length} links` });
  const edges = svgEl('g', { class: 'edges', 'aria-hidden': 'true' });
  for (const e of graph.edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (a && b) edges.append(svgEl('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'edge' }));
  }
  svg.append(edges);
  for (const n of items) {
    const node = types.get(n.id);
    svg.append(svgEl('a', { class: 'node', href: '/?doc=' + encodeURIComponent(n.id), 'data-id': n.id,
      'aria-label': `${node.title} (${node.type})` },
    svgEl('title', { text: node.title }),
    svgEl('circle', { cx: n.x, cy: n.y, r: n.r, fill: COLORS[node.type] || '#666' }),
    svgEl('text', { x: n.x + n.r + 4, y: n.y + 4, text: n.label, 'aria-hidden': 'true' })));
  }
  const view = { x: 0, y: 0, w: WIDTH, h: height };
  const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  const zoomBy = (factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const w = Math.min(WIDTH * 2, Math.max(WIDTH / 8, view.w * factor));
    const f = w / view.w;
    view.x = cx - (cx - view.x) * f;
    view.y = cy - (cy - view.y) * f;
    view.w = w;
    view.h *= f;
    apply();
  };
  const zoom = el('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom' },
    el('button', { type: 'button', id: 'zoom-in', 'aria-label': 'Zoom in', onclick: () => zoomBy(1 / 1.4) }, '+'),
    el('button', { type: 'button', id: 'zoom-out', 'aria-label': 'Zoom out', onclick: () => zoomBy(1.4) }, '−'),
    el('button', { type: 'button', id: 'zoom-reset', 'aria-label': 'Fit the whole graph in view', onclick: () => {
      Object.assign(view, { x: 0, y: 0, w: WIDTH, h: height });
      apply();
    } }, 'Fit'));
  panAndWheel(svg, view, apply, zoomBy);
  // On a narrow screen the whole drawing would shrink its labels below reading size: it opens at full size on its
  // middle, in a frame as tall as most of the screen, to be moved by dragging; "Fit" shows it all.
  const fitScreen = () => {
    const cssWidth = svg.getBoundingClientRect().width;
    if (!cssWidth || cssWidth >= WIDTH * 0.75) return;
    const frameHeight = Math.round(Math.min(height * cssWidth / WIDTH * 3, window.innerHeight * 0.65));
    svg.style.setProperty('--graph-height', frameHeight + 'px');
    svg.classList.add('fixed');
    Object.assign(view, { x: (WIDTH - cssWidth) / 2, y: Math.max(0, (height - frameHeight) / 2), w: cssWidth, h: frameHeight });
    apply();
  };
  // A node reached with Tab while zoomed in is brought into view.
  svg.addEventListener('focusin', (e) => {
    const n = pos.get(e.target.closest('.node')?.dataset.id);
    if (n && (n.x < view.x || n.x > view.x + view.w || n.y < view.y || n.y > view.y + view.h)) {
      view.x = n.x - view.w / 2;
      view.y = n.y - view.h / 2;
      apply();
    }
  });
  return { frame: el('div', { class: 'graph-frame' }, svg), zoom, fitScreen };
}

// Dragging the background moves the drawing; the wheel zooms around the pointer. Dragging from a node still opens it.
function panAndWheel(svg, view, apply, zoomBy) {
  let drag = null;
  const toView = (e) => {
    const r = svg.getBoundingClientRect();
    return { x: view.x + (e.clientX - r.left) / r.width * view.w, y: view.y + (e.clientY - r.top) / r.height * view.h };
  };
  svg.addEventListener('pointerdown', (e) => {
    if (e.target.closest('.node')) return;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    view.x = drag.vx - (e.clientX - drag.x) / r.width * view.w;
    view.y = drag.vy - (e.clientY - drag.y) / r.height * view.h;
    apply();
  });
  const end = () => { drag = null; };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const p = toView(e);
    zoomBy(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });
}

// The same links in words: each note, then what it cites.
function linkList(graph) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const notes = graph.nodes.filter((n) => n.type === 'note');
  return el('details', { class: 'graph-list', id: 'graph-list' },
    el('summary', { text: 'The same links as a list' }),
    el('ul', {}, notes.map((n) => {
      const targets = graph.edges.filter((e) => e.source === n.id).map((e) => byId.get(e.target)).filter(Boolean);
      return el('li', {}, el('a', { href: '/?doc=' + encodeURIComponent(n.id) }, n.title),
        targets.length ? ` cites ${targets.length}:` : ' cites nothing in the library yet.',
        targets.length ? el('ul', {}, targets.map((t) => el('li', {},
          el('a', { href: '/?doc=' + encodeURIComponent(t.id) }, t.title), ` (${t.type})`))) : null);
    })));
}
