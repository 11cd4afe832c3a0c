// Relevance features of the page: search details, "did you mean", autocomplete and related documents.
import { el, api } from './dom.js';

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

// Autocomplete: titles, tags and recurring phrases, offered as the input's datalist.
export function wireSuggest(input) {
  const list = el('datalist', { id: 'suggestions' });
  input.after(list);
  input.setAttribute('list', 'suggestions');
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (typed.length < 2) { list.replaceChildren(); return; }
    timer = setTimeout(async () => {
      try {
        const data = await api('/api/suggest?q=' + encodeURIComponent(typed));
        list.replaceChildren(...data.suggestions.map((x) => el('option', { value: x.text, label: x.kind })));
      } catch (e) { list.replaceChildren(); }
    }, 120);
  });
}

// Related documents, shown at the end of a document's view.
export async function relatedSection(id) {
  const data = await api('/api/docs/' + encodeURIComponent(id) + '/related');
  if (!data.related.length) return null;
  return el('section', { class: 'related', id: 'related' }, el('h2', { text: 'Related' }),
    el('ul', {}, ...data.related.map((r) => el('li', {},
      el('a', { href: '/?doc=' + encodeURIComponent(r.id), text: r.title }), ' ',
      el('span', { class: 'badge ' + r.type, text: r.type })))));
}
