// The path finder: the shortest chains of relationships between two
// entities, each hop with its citations.

import { citationFields, gql, type EntityRef } from '../api';
import { citationList, type ShownCitation } from '../citations';
import { el, kindBadge, link, pct, words } from '../dom';

interface PathData {
  paths: {
    length: number;
    nodes: EntityRef[];
    edges: { id: string; type: string; directed: boolean; source: { id: string }; evidenceCount: number; confidence: number; citations: ShownCitation[] }[];
  }[];
}

/** Finds the entity a field names: its id when it is one, else the best search hit. */
async function resolve(s: string): Promise<EntityRef | null> {
  if (s.startsWith('ent_')) {
    const d = await gql<{ entity: EntityRef }>('query E($id: ID!) { entity(id: $id) { id name kind } }', { id: s });
    return d.entity;
  }
  const d = await gql<{ entities: { nodes: EntityRef[] } }>('query R($q: String!) { entities(query: $q, first: 1) { nodes { id name kind } } }', { q: s });
  return d.entities.nodes[0] ?? null;
}

/** Renders the path finder into main; q may hold from and to (ids or names). */
export async function pathsPage(main: HTMLElement, q: URLSearchParams): Promise<void> {
  const from = el('input', { id: 'path-from', name: 'from', type: 'text', required: '', value: q.get('from') ?? '', placeholder: 'a name or ent_… id' });
  const to = el('input', { id: 'path-to', name: 'to', type: 'text', required: '', value: q.get('to') ?? '', placeholder: 'a name or ent_… id' });
  const hops = el('select', { id: 'path-hops', name: 'hops' }, ...[1, 2, 3, 4, 5, 6].map((n) => el('option', { value: String(n), ...(String(n) === (q.get('hops') ?? '4') ? { selected: '' } : {}) }, String(n))));
  const form = el('form', { class: 'path-form', 'aria-label': 'Find a path' },
    el('label', { for: 'path-from' }, 'From ', from), el('label', { for: 'path-to' }, 'to ', to),
    el('label', { for: 'path-hops' }, 'at most ', hops, ' hops'), el('button', { type: 'submit' }, 'Find paths'));
  const out = el('div', { class: 'paths', 'aria-live': 'polite' });
  main.replaceChildren(el('h1', { tabindex: '-1' }, 'Path finder'), form, out);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const args = new URLSearchParams({ from: from.value.trim(), to: to.value.trim(), hops: hops.value });
    history.replaceState(null, '', `#/paths?${args}`);
    void find(out, from.value.trim(), to.value.trim(), Number(hops.value));
  });
  if (q.get('from') && q.get('to')) await find(out, q.get('from')!, q.get('to')!, Number(q.get('hops') ?? 4));
}

async function find(out: HTMLElement, fromText: string, toText: string, maxHops: number): Promise<void> {
  out.replaceChildren(el('p', {}, 'Looking…'));
  const [a, b] = await Promise.all([resolve(fromText), resolve(toText)]);
  if (!a || !b) {
    out.replaceChildren(el('p', { class: 'error', role: 'alert' }, `No entity matches “${!a ? fromText : toText}”.`));
    return;
  }
  const d = await gql<PathData>(`query Paths($from: ID!, $to: ID!, $hops: Int) { paths(from: $from, to: $to, maxHops: $hops, limit: 5) {
    length nodes { id name kind } edges { id type directed source { id } evidenceCount confidence citations(first: 3) { ${citationFields} } } } }`,
  { from: a.id, to: b.id, hops: maxHops });
  const head = el('p', { role: 'status' }, 'From ', link(`/entity/${encodeURIComponent(a.id)}`, a.name), ' ', kindBadge(a.kind), ' to ', link(`/entity/${encodeURIComponent(b.id)}`, b.name), ' ', kindBadge(b.kind), ': ',
    d.paths.length === 0 ? `no path of at most ${maxHops} hops.` : `${d.paths.length} shortest path${d.paths.length > 1 ? 's' : ''}.`);
  const list = el('ol', { class: 'path-list' });
  for (const p of d.paths) {
    const hopsList = el('ol', { class: 'hops' });
    for (let i = 0; i < p.edges.length; i++) {
      const e = p.edges[i];
      const [x, y] = [p.nodes[i], p.nodes[i + 1]];
      const forward = e.source.id === x.id;
      const phrase = e.directed && !forward ? `← ${words(e.type)} —` : `— ${words(e.type)} ${e.directed ? '→' : '—'}`;
      hopsList.append(el('li', { class: 'hop', 'data-id': e.id },
        el('p', {}, link(`/entity/${encodeURIComponent(x.id)}`, x.name), ` ${phrase} `, link(`/entity/${encodeURIComponent(y.id)}`, y.name),
          el('span', { class: 'fine' }, ` · ${e.evidenceCount} citations · ${pct(e.confidence)}`)),
        await citationList(e.citations)));
    }
    list.append(el('li', { class: 'path' }, el('h3', {}, p.nodes.map((n) => n.name).join(' → '), ` (${p.length} hop${p.length > 1 ? 's' : ''})`), hopsList));
  }
  out.replaceChildren(head, list);
}
