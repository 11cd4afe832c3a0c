// Lays out the link graph so it can be read: a force simulation (nodes repel, links pull, the centre holds them)
// over boxes that include each node's label, then passes that push overlapping boxes apart and keep every box inside
// the frame. The frame grows taller when the labels need the room. Deterministic: the same graph, the same drawing.

const LABEL_CHARS = 34;
const FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';
const PAD = 4;

/** A title cut to fit a label, with an ellipsis when cut. */
export function shortLabel(title) {
  return title.length > LABEL_CHARS ? title.slice(0, LABEL_CHARS - 1).trimEnd() + '…' : title;
}

/** The area a node and its label (to its right) cover. */
export function box(n) {
  return { x1: n.x - n.r - 2, y1: n.y - 9, x2: n.x + n.r + 4 + n.w, y2: n.y + 9 };
}

function overlap(a, b) {
  const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return dx > 0 && dy > 0 ? { dx, dy } : null;
}

function clamp(n, width, height) {
  const b = box(n);
  if (b.x1 < PAD) n.x += PAD - b.x1;
  if (b.x2 > width - PAD) n.x -= b.x2 - (width - PAD);
  if (b.y1 < PAD) n.y += PAD - b.y1;
  if (b.y2 > height - PAD) n.y -= b.y2 - (height - PAD);
}

// Pushes every overlapping pair apart along the axis where they overlap least; true when none overlapped.
function separate(items, width, height) {
  let clean = true;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      const o = overlap(box(a), box(b));
      if (!o) continue;
      clean = false;
      if (o.dx < o.dy) {
        const push = (o.dx / 2 + 0.5) * (a.x <= b.x ? -1 : 1);
        a.x += push;
        b.x -= push;
      } else {
        const push = (o.dy / 2 + 0.5) * (a.y <= b.y ? -1 : 1);
        a.y += push;
        b.y -= push;
      }
      clamp(a, width, height);
      clamp(b, width, height);
    }
  }
  return clean;
}

function simulate(items, edges, width, height) {
  const byId = new Map(items.map((n) => [n.id, n]));
  items.forEach((n, i) => {
    // A sunflower spiral: spread out, no two nodes at the same place, the same every time.
    const angle = i * 2.39996;
    const radius = Math.sqrt(i + 0.5) / Math.sqrt(items.length) * Math.min(width, height) * 0.42;
    n.x = width / 2 + radius * Math.cos(angle);
    n.y = height / 2 + radius * Math.sin(angle);
    n.vx = 0;
    n.vy = 0;
  });
  const steps = 300;
  for (let step = 0; step < steps; step++) {
    const heat = 1 - step / steps;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i];
        const b = items[j];
        const dx = a.x - b.x;
        const dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 16);
        const f = 2400 / d2 / Math.sqrt(d2);
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
    }
    for (const e of edges) {
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      if (!a || !b) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const f = (d - 90) / d * 0.02;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }
    for (const n of items) {
      n.vx += (width / 2 - n.x) * 0.003;
      n.vy += (height / 2 - n.y) * 0.003;
      n.x += n.vx * heat;
      n.y += n.vy * heat;
      n.vx *= 0.55;
      n.vy *= 0.55;
      clamp(n, width, height);
    }
    if (step % 10 === 0 || step > steps - 60) separate(items, width, height);
  }
  for (let pass = 0; pass < 400; pass++) {
    if (separate(items, width, height)) return true;
  }
  return false;
}

/**
 * Positions for `nodes` ({id, title, type}) joined by `edges` ({source, target}) in a frame `width` wide:
 * {items: [{id, x, y, r, w, label}], height}. No two node-and-label boxes overlap and all lie inside the frame.
 */
export function layout(nodes, edges, width) {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = FONT;
  const items = nodes.map((n) => {
    const label = shortLabel(n.title);
    return { id: n.id, label, r: n.type === 'note' ? 9 : 6, w: Math.ceil(ctx.measureText(label).width) + 2 };
  });
  // Room for every box several times over, so the forces have space to work in.
  const area = items.reduce((sum, n) => sum + (n.w + 2 * n.r + 8) * 20, 0);
  let height = Math.max(360, Math.ceil(area * 3 / width));
  for (let attempt = 0; attempt < 6; attempt++) {
    if (simulate(items, edges, width, height)) break;
    height = Math.ceil(height * 1.35);
  }
  for (const n of items) {
    n.x = Math.round(n.x * 10) / 10;
    n.y = Math.round(n.y * 10) / 10;
  }
  return { items, height };
}
