// A claim's page for fact-checkers: its provenance. Citations in
// publication order, its first appearance, speakers, outlets and
// near-duplicates.

import { citationFields, gql, type EntityRef } from '../api';
import { citationList, type ShownCitation } from '../citations';
import { day, el, kindBadge, link, pct } from '../dom';

const claimCitation = `${citationFields} text verbatim source { start end text } cue { start end text } speakers { id name kind }`;

interface ClaimData {
  claim: {
    id: string;
    text: string;
    verbatim: boolean;
    cue: string;
    confidence: number;
    evidenceCount: number;
    firstSeen: string | null;
    lastSeen: string | null;
    speakers: EntityRef[];
    about: EntityRef[];
    firstAppearance: ShownCitation | null;
    citations: ShownCitation[];
    outlets: { outlet: string; firstSeen: string | null; articles: number; firstArticle: { title: string } }[];
    nearDuplicates: {
      size: number;
      evidenceCount: number;
      firstSeen: string | null;
      earliest: { id: string; text: string };
      claims: { similarity: number; claim: { id: string; text: string; firstSeen: string | null; evidenceCount: number } }[];
    };
  };
}

const entities = (es: EntityRef[]) => es.length ? el('span', {}, ...es.flatMap((e, i) => [i ? ', ' : '', link(`/entity/${encodeURIComponent(e.id)}`, e.name), ' ', kindBadge(e.kind)])) : '—';

/** Renders claim id's page into main. */
export async function claimPage(main: HTMLElement, id: string): Promise<void> {
  const d = await gql<ClaimData>(`query Claim($id: ID!) { claim(id: $id) {
    id text verbatim cue confidence evidenceCount firstSeen lastSeen
    speakers { id name kind } about { id name kind }
    firstAppearance { ${claimCitation} }
    citations(first: 500) { ${claimCitation} }
    outlets { outlet firstSeen articles firstArticle { title } }
    nearDuplicates { size evidenceCount firstSeen earliest { id text } claims { similarity claim { id text firstSeen evidenceCount } } } } }`, { id });
  const c = d.claim;
  const nd = c.nearDuplicates;
  const first = c.firstAppearance ? await citationList([c.firstAppearance]) : el('p', {}, 'Unknown.');
  main.replaceChildren(
    el('h1', { tabindex: '-1' }, 'Claim'),
    el('blockquote', { class: 'claim-text' }, c.text),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Speakers'), el('dd', {}, entities(c.speakers)),
      el('dt', {}, 'About'), el('dd', {}, entities(c.about)),
      el('dt', {}, 'Quoted'), el('dd', {}, c.verbatim ? 'verbatim in at least one article' : 'reported, never quoted verbatim'),
      el('dt', {}, 'Cue'), el('dd', {}, c.cue),
      el('dt', {}, 'Citations'), el('dd', {}, `${c.evidenceCount} (confidence ${pct(c.confidence)})`),
      el('dt', {}, 'Seen'), el('dd', {}, `${day(c.firstSeen)} – ${day(c.lastSeen)}`),
    ),
    el('section', { 'aria-labelledby': 'first-h' }, el('h2', { id: 'first-h' }, 'First appearance'), first),
    el('section', { 'aria-labelledby': 'cites-h', class: 'claim-citations' }, el('h2', { id: 'cites-h' }, `Citations in publication order (${c.citations.length})`), await citationList(c.citations)),
    el('section', { 'aria-labelledby': 'outlets-h' }, el('h2', { id: 'outlets-h' }, 'Outlets, in the order they carried it'),
      el('ol', {}, ...c.outlets.map((o) => el('li', {}, el('strong', {}, o.outlet), ` · first ${day(o.firstSeen)} in “${o.firstArticle.title}” · ${o.articles} article${o.articles === 1 ? '' : 's'}`)))),
    el('section', { 'aria-labelledby': 'dups-h' }, el('h2', { id: 'dups-h' }, 'Near-duplicates'),
      nd.claims.length === 0 ? el('p', {}, 'None: no other claim is worded alike.') : el('div', {},
        el('p', {}, `A group of ${nd.size} claims with ${nd.evidenceCount} citations, first seen ${day(nd.firstSeen)}; the earliest: `, link(`/claim/${encodeURIComponent(nd.earliest.id)}`, `“${nd.earliest.text}”`)),
        el('ol', {}, ...nd.claims.map((s) => el('li', {}, link(`/claim/${encodeURIComponent(s.claim.id)}`, `“${s.claim.text}”`), el('span', { class: 'fine' }, ` · similarity ${s.similarity.toFixed(2)} · first ${day(s.claim.firstSeen)} · ${s.claim.evidenceCount} citations`)))))),
  );
}
