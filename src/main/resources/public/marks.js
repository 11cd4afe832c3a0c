// Marks words already on the page (the document opened from a search): each occurrence of a word or phrase the
// server says the query matched is wrapped in <mark>, as whole words, whatever its case.
import { el } from './dom.js';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wraps the occurrences of `words` in the text under `root`; returns how many were marked. */
export function markWords(root, words) {
  const wanted = [...new Set(words.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!root || !wanted.length) return 0;
  // Longest first, so a phrase wins over its own words; a space in a phrase stands for any run of space.
  const pattern = new RegExp('(?<![\\p{L}\\p{N}])(?:'
    + wanted.map((w) => escape(w).replace(/\s+/g, '\\s+')).join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest('mark, script, style, button, .moment, .visually-hidden')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let count = 0;
  for (const node of nodes) {
    const text = node.nodeValue;
    const found = [...text.matchAll(pattern)];
    if (!found.length) continue;
    const parts = [];
    let last = 0;
    for (const m of found) {
      parts.push(text.slice(last, m.index), el('mark', { text: m[0] }));
      last = m.index + m[0].length;
      count++;
    }
    parts.push(text.slice(last));
    node.replaceWith(...parts);
  }
  return count;
}
