// The link graph: notes and the sources they cite, laid out by a small force simulation and drawn as SVG.
import { el, api } from './dom.js';
import { showView, navigate, readState } from './app.js';

const WIDTH = 900;
const HEIGHT = 600;
const COLORS = { note: '#8a56b0', article: '#2f6f6a', podcast: '#2d4f8c' };

export async function renderGraph(s, current) {
  const graph = await api('/api/graph' + (s.gtag ? '?tag=' + encodeURIComponent(s.gtag) : ''));
  if (!current()) return;
  document.title = 'Graph · painsearch';
  const allTags = [...new Set(graph.nodes.filter((n) => n.type === 'note').flatMap((n) => n.tags))].sort();
  const select = el('select', { id: 'graph-tag', 'aria-label': 'Only notes tagged',
    onchange: (e) => navigate({ ...readState(), gtag: e.target.value || null }) },
  el('option', { value: '' }, 'all notes'), allTags.map((t) => el('option', { value: t }, '#' + t)));
  if (s.gtag && !allTags.includes(s.gtag)) select.append(el('option', { value: s.gtag }, '#' + s.gtag));
  select.value = s.gtag || '';
  showView(el('h1', { text: 'Notes and what they cite' }),
    el('p', { class: 'meta' }, 'Show ', select, ` · ${graph.nodes.length} documents, ${graph.edges.length} links. Click a dot to open it.`),
    draw(graph));
}

function draw(graph) {
  const pos = layout(graph);
  const svg = el('svg', { id: 'graph', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'Link graph' });
  for (const e of graph.edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (a && b) svg.append(el('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'edge' }));
  }
  for (const n of graph.nodes) {
    const p = pos.get(n.id);
    const g = el('g', { class: 'node', 'data-id': n.id, tabindex: '0', role: 'link',
      onclick: () => navigate({ ...readState(), view: null, gtag: null, doc: n.id }),
      onkeydown: (e) => { if (e.key === 'Enter') navigate({ ...readState(), view: null, gtag: null, doc: n.id }); } },
    el('title', { text: n.title }),
    el('circle', { cx: p.x, cy: p.y, r: n.type === 'note' ? 9 : 6, fill: COLORS[n.type] || '#777' }),
    el('text', { x: p.x + 11, y: p.y + 4, text: n.title.length > 38 ? n.title.slice(0, 36) + '…' : n.title }));
    svg.append(g);
  }
  return svg;
}

// Repulsion between every pair, springs along links, a pull to the centre; a few hundred steps settle it.
function layout(graph) {
  const pos = new Map();
  const n = graph.nodes.length;
  graph.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    pos.set(node.id, { x: WIDTH / 2 + 220 * Math.cos(angle), y: HEIGHT / 2 + 200 * Math.sin(angle), vx: 0, vy: 0 });
  });
  const nodes = [...pos.values()];
  for (let step = 0; step < 300; step++) {
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i];
        const b = nodes[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 1800 / d2;
        dx *= f / Math.sqrt(d2);
        dy *= f / Math.sqrt(d2);
        a.vx += dx; a.vy += dy; b.vx -= dx; b.vy -= dy;
      }
    }
    for (const e of graph.edges) {
      const a = pos.get(e.source);
      const b = pos.get(e.target);
      if (!a || !b) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      a.vx += dx * 0.01; a.vy += dy * 0.01; b.vx -= dx * 0.01; b.vy -= dy * 0.01;
    }
    for (const p of nodes) {
      p.vx += (WIDTH / 2 - p.x) * 0.002;
      p.vy += (HEIGHT / 2 - p.y) * 0.002;
      p.x = Math.min(WIDTH - 20, Math.max(20, p.x + p.vx * 0.5));
      p.y = Math.min(HEIGHT - 20, Math.max(20, p.y + p.vy * 0.5));
      p.vx *= 0.6;
      p.vy *= 0.6;
    }
  }
  for (const p of nodes) { p.x = Math.round(p.x); p.y = Math.round(p.y); }
  return pos;
}

