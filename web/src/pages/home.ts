// The start page: what the store holds, its most mentioned entities, and
// a clear message when it holds nothing.

import { gql } from '../api';
import { el, kindBadge, link } from '../dom';

interface Home {
  stats: { articles: number; entities: number; relationships: number; claims: number; citations: number };
  entities: { nodes: { id: string; name: string; kind: string; mentionCount: number }[] };
}

/** Renders the start page into main. */
export async function homePage(main: HTMLElement): Promise<void> {
  const d = await gql<Home>(`{ stats { articles entities relationships claims citations }
    entities(orderBy: MENTIONS, first: 24) { nodes { id name kind mentionCount } } }`);
  const s = d.stats;
  main.replaceChildren(el('h1', { tabindex: '-1' }, 'Explore the coverage'));
  if (s.articles === 0) {
    main.append(el('div', { class: 'empty', role: 'status' },
      el('strong', {}, 'The store is empty. '),
      'No article has been ingested yet, so there is nothing to explore. Ingest some, for example ',
      el('code', {}, 'newsgraph ingest examples/articles'), ' or ', el('code', {}, 'newsgraph serve --ingest PATH'), ', then reload this page.'));
    return;
  }
  main.append(
    el('p', { class: 'stats' }, `${s.articles} articles · ${s.entities} entities · ${s.relationships} relationships · ${s.claims} claims · ${s.citations} citations`),
    el('p', {}, 'Search for a person, group or claim above, open an entity to see its network and the sources of every tie, or ', link('/paths', 'find a path'), ' between two entities.'),
    el('h2', {}, 'Most mentioned'),
    el('ul', { class: 'grid' }, ...d.entities.nodes.map((e) => el('li', {}, kindBadge(e.kind), ' ', link(`/entity/${encodeURIComponent(e.id)}`, e.name), el('span', { class: 'fine' }, ` ${e.mentionCount} mentions`)))),
  );
}
