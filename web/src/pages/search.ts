// Search results: entities by kind, then claims, each with its score.

import { entityKinds, gql } from '../api';
import { day, el, kindBadge, link } from '../dom';

interface Hit {
  score: number;
  matched: string;
  node:
    | { __typename: 'Entity'; id: string; name: string; kind: string; mentionCount: number; aliases: string[] }
    | { __typename: 'Claim'; id: string; text: string; evidenceCount: number; firstSeen: string | null; speakers: { name: string }[] };
}

/** Renders the hits of a search for text into main. */
export async function searchPage(main: HTMLElement, text: string): Promise<void> {
  main.replaceChildren(el('h1', { tabindex: '-1' }, `Search: ${text}`), el('p', {}, 'Searching…'));
  if (text.trim() === '') {
    main.replaceChildren(el('h1', { tabindex: '-1' }, 'Search'), el('p', {}, 'Type a name, an alias or words of a claim.'));
    return;
  }
  const d = await gql<{ search: { totalCount: number; nodes: Hit[] } }>(
    `query Search($text: String!) { search(text: $text, first: 100) { totalCount nodes { score matched node {
      __typename
      ... on Entity { id name kind mentionCount aliases }
      ... on Claim { id text evidenceCount firstSeen speakers { name } } } } } }`, { text });
  const hits = d.search.nodes;
  main.replaceChildren(el('h1', { tabindex: '-1' }, `Search: ${text}`),
    el('p', { class: 'stats', role: 'status' }, hits.length === 0 ? 'Nothing matches. Try fewer or shorter words: every word matches as a prefix.' : `${d.search.totalCount} hits, best first within each section.`));
  for (const kind of entityKinds) {
    const of = hits.filter((h) => h.node.__typename === 'Entity' && h.node.kind === kind);
    if (of.length === 0) continue;
    main.append(el('section', { class: 'hits', 'data-kind': kind },
      el('h2', {}, kindBadge(kind), ` ${kind.toLowerCase()} (${of.length})`),
      el('ol', {}, ...of.map((h) => {
        const e = h.node as Extract<Hit['node'], { __typename: 'Entity' }>;
        return el('li', { class: 'hit' }, link(`/entity/${encodeURIComponent(e.id)}`, e.name),
          el('span', { class: 'fine' }, ` score ${h.score.toFixed(2)} · ${e.mentionCount} mentions${h.matched !== e.name ? ` · matched “${h.matched}”` : ''}`));
      }))));
  }
  const claims = hits.filter((h) => h.node.__typename === 'Claim');
  if (claims.length > 0) {
    main.append(el('section', { class: 'hits', 'data-kind': 'CLAIM' },
      el('h2', {}, `Claims (${claims.length})`),
      el('ol', {}, ...claims.map((h) => {
        const c = h.node as Extract<Hit['node'], { __typename: 'Claim' }>;
        return el('li', { class: 'hit' }, link(`/claim/${encodeURIComponent(c.id)}`, `“${c.text}”`),
          el('span', { class: 'fine' }, ` score ${h.score.toFixed(2)} · ${c.speakers.map((s) => s.name).join(', ') || 'unknown speaker'} · first seen ${day(c.firstSeen)} · ${c.evidenceCount} citations`));
      }))));
  }
}
