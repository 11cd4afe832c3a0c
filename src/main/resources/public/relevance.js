// Relevance features of the page: search details, "did you mean", autocomplete and related documents.
import { el, api } from './dom.js';
import { combobox } from './combobox.js';

// The query as painsearch understood it, and a correction when little was found; appended under the summary.
export function searchExtras(data, s, navigate) {
  const out = [];
  if (data.didYouMean) {
    out.push(el('p', { class: 'did-you-mean' }, 'Did you mean ',
      el('a', { href: '/?q=' + encodeURIComponent(data.didYouMean),
        onclick: (e) => { e.preventDefault(); navigate({ ...s, q: data.didYouMean, page: 1 }); } }, data.didYouMean), '?'));
  }
  const d = data.details;
  if (d) {
    const stems = d.stems.map((x) => x.word + ' → ' + x.stem).join(', ');
    out.push(el('details', { class: 'search-details', id: 'search-details' },
      el('summary', { text: 'Search details' }),
      el('p', { text: 'Read as: ' + d.reading + (data.mode ? ' · ranked by ' + (data.mode === 'hybrid' ? 'words and meaning' : 'words') : '') }),
      stems ? el('p', { text: 'Stems: ' + stems }) : null,
      d.synonyms.length ? el('p', { text: 'Added by synonyms: ' + d.synonyms.join(', ') }) : null,
      el('p', {}, 'Query: ', el('code', { text: d.understood }))));
  }
  return out;
}

// Autocomplete under the search box: titles, tags and recurring phrases; the arrow keys move through them and Enter
// searches the one highlighted.
export function wireSuggest(input, list, submit) {
  combobox(input, list, {
    query: () => (input.value.trim().length >= 2 ? input.value.trim() : null),
    lookup: async (typed) => (await api('/api/suggest?q=' + encodeURIComponent(typed))).suggestions,
    render: (x) => [x.text, el('span', { class: 'kind', text: x.kind })],
    accept: (x) => {
      input.value = x.text;
      submit();
    },
  });
}

// Related documents, shown at the end of a document's view.
export async function relatedSection(id) {
  const data = await api('/api/docs/' + encodeURIComponent(id) + '/related');
  if (!data.related.length) return null;
  return el('section', { class: 'related', id: 'related', 'aria-labelledby': 'related-title' },
    el('h2', { id: 'related-title', text: 'Related' }),
    el('ul', {}, ...data.related.map((r) => el('li', {},
      el('a', { href: '/?doc=' + encodeURIComponent(r.id), text: r.title }), ' ',
      el('span', { class: 'badge ' + r.type, text: r.type })))));
}
