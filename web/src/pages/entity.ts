// An entity's page: who or what it is, its timeline of relationships and
// claims, and its network.

import { gql, type EntityRef } from '../api';
import { openCitations } from '../citations';
import { day, el, kindBadge, link, pct, words } from '../dom';
import { NetworkView, paramsFrom, paramsTo, relationshipCitations } from '../network';

interface Rel {
  id: string;
  type: string;
  directed: boolean;
  firstSeen: string | null;
  lastSeen: string | null;
  evidenceCount: number;
  confidence: number;
  source: EntityRef;
  target: EntityRef;
}

interface ClaimRef {
  id: string;
  text: string;
  firstSeen: string | null;
  evidenceCount: number;
  speakers: EntityRef[];
}

interface EntityData {
  entity: EntityRef & {
    aliases: string[];
    roles: string[];
    externalIds: { source: string; id: string }[];
    mentionCount: number;
    firstSeen: string | null;
    lastSeen: string | null;
    relationships: { totalCount: number; nodes: Rel[] };
    claimsBy: { totalCount: number; nodes: ClaimRef[] };
    claimsAbout: { totalCount: number; nodes: ClaimRef[] };
  };
  timeline: { start: string; mentions: number; claimsBy: number; claimsAbout: number; articles: number; relationships: { type: string; count: number }[] }[];
}

const claimRef = 'id text firstSeen evidenceCount speakers { id name kind }';

/** The current network view, destroyed when the page changes. */
let view: NetworkView | null = null;

/** Frees what the last entity page holds. */
export function leaveEntityPage(): void {
  view?.destroy();
  view = null;
}

/** Renders entity id's page into main; q holds the network controls. */
export async function entityPage(main: HTMLElement, id: string, q: URLSearchParams): Promise<void> {
  const d = await gql<EntityData>(`query Entity($id: ID!) {
    entity(id: $id) { id name kind aliases roles externalIds { source id } mentionCount firstSeen lastSeen
      relationships(first: 200, orderBy: FIRST_SEEN) { totalCount nodes { id type directed firstSeen lastSeen evidenceCount confidence source { id name kind } target { id name kind } } }
      claimsBy(first: 100) { totalCount nodes { ${claimRef} } }
      claimsAbout(first: 100) { totalCount nodes { ${claimRef} } } }
    timeline(entityId: $id, bucket: MONTH) { start mentions claimsBy claimsAbout articles relationships { type count } } }`, { id });
  const e = d.entity;
  const wikidata = e.externalIds.find((x) => x.source.toLowerCase() === 'wikidata');
  const facts = el('dl', { class: 'facts' },
    el('dt', {}, 'Also known as'), el('dd', {}, e.aliases.length ? e.aliases.join(', ') : '—'),
    el('dt', {}, 'Roles'), el('dd', {}, e.roles.length ? e.roles.join(', ') : '—'),
    el('dt', {}, 'Mentions'), el('dd', {}, String(e.mentionCount)),
    el('dt', {}, 'First seen'), el('dd', {}, day(e.firstSeen)),
    el('dt', {}, 'Last seen'), el('dd', {}, day(e.lastSeen)),
    el('dt', {}, 'Wikidata'), el('dd', {}, wikidata ? el('a', { href: `https://www.wikidata.org/wiki/${encodeURIComponent(wikidata.id)}`, rel: 'noreferrer noopener', target: '_blank' }, wikidata.id) : 'not linked'),
  );
  const netRoot = el('div', { class: 'network' });
  main.replaceChildren(
    el('h1', { tabindex: '-1' }, e.name, ' ', kindBadge(e.kind)),
    facts,
    el('p', {}, link(`/paths?from=${encodeURIComponent(e.id)}`, 'Find a path from here')),
    el('section', { 'aria-labelledby': 'net-h' }, el('h2', { id: 'net-h' }, 'Network'), netRoot),
    el('section', { 'aria-labelledby': 'tl-h' }, el('h2', { id: 'tl-h' }, 'Timeline'), timeline(d)),
  );
  leaveEntityPage();
  view = new NetworkView(netRoot, e.id, paramsFrom(q), (p) => {
    const qs = paramsTo(p).toString();
    history.replaceState(null, '', `#/entity/${encodeURIComponent(e.id)}${qs ? '?' + qs : ''}`);
  });
  await view.load();
}

/** Relationships and claims in the order they first appeared, with monthly counts. */
function timeline(d: EntityData): HTMLElement {
  const e = d.entity;
  type Item = { when: string | null; node: HTMLElement };
  const items: Item[] = [];
  for (const r of e.relationships.nodes) {
    const other = r.source.id === e.id ? r.target : r.source;
    const phrase = r.source.id === e.id ? `${words(r.type)} ` : `${words(r.type)} (from) `;
    const b = el('button', { type: 'button', class: 'small' }, 'citations');
    b.addEventListener('click', () => void openCitations(`${r.source.name} ${words(r.type)} ${r.target.name}`, () => relationshipCitations(r.id)));
    items.push({ when: r.firstSeen, node: el('span', {}, phrase, link(`/entity/${encodeURIComponent(other.id)}`, other.name), el('span', { class: 'fine' }, ` · ${r.evidenceCount} citations · ${pct(r.confidence)} · last ${day(r.lastSeen)} `), b) });
  }
  const claim = (c: ClaimRef, by: boolean) => el('span', {}, by ? 'said ' : `${c.speakers.map((s) => s.name).join(', ') || 'someone'} said about it `,
    link(`/claim/${encodeURIComponent(c.id)}`, `“${c.text}”`), el('span', { class: 'fine' }, ` · ${c.evidenceCount} citations`));
  for (const c of e.claimsBy.nodes) items.push({ when: c.firstSeen, node: claim(c, true) });
  for (const c of e.claimsAbout.nodes) items.push({ when: c.firstSeen, node: claim(c, false) });
  items.sort((a, b) => (a.when ?? '9').localeCompare(b.when ?? '9'));
  const list = el('ol', { class: 'timeline' }, ...items.map((i) => el('li', {}, el('time', { datetime: i.when ?? '' }, day(i.when)), ' ', i.node)));
  if (items.length === 0) list.append(el('li', {}, 'No relationships or claims yet.'));
  const months = el('table', { class: 'months' }, el('caption', {}, 'Evidence by month of publication'),
    el('thead', {}, el('tr', {}, el('th', {}, 'month'), el('th', {}, 'mentions'), el('th', {}, 'ties'), el('th', {}, 'claims by / about'), el('th', {}, 'articles'))),
    el('tbody', {}, ...d.timeline.map((b) => el('tr', {}, el('td', {}, b.start.slice(0, 7)), el('td', {}, String(b.mentions)),
      el('td', {}, b.relationships.map((t) => `${words(t.type)} ${t.count}`).join(', ') || '—'), el('td', {}, `${b.claimsBy} / ${b.claimsAbout}`), el('td', {}, String(b.articles))))));
  return el('div', {}, list, months);
}

