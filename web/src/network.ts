// The network view: an entity's neighbourhood drawn with Cytoscape.js,
// with the network query's arguments as controls, expand-on-click, the
// truncated flag, exports of the current view, and the same nodes and ties
// as lists for keyboards and screen readers.

import cytoscape from 'cytoscape';
import { citationFields, gql, relationTypes } from './api';
import { closeCitations, errorBox, openCitations, type ShownCitation } from './citations';
import { day, el, link, pct, words } from './dom';
import { radialLayout } from './layout';

interface NetNode {
  id: string;
  name: string;
  kind: string;
  mentionCount: number;
  depth: number;
}

interface NetEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  directed: boolean;
  weight: number;
  confidence: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

interface Net {
  nodes: NetNode[];
  edges: NetEdge[];
  truncated: boolean;
}

/** The network query's arguments, as the controls set them. */
export interface NetParams {
  depth: number;
  types: string[];
  since: string; // YYYY-MM-DD or ''
  until: string; // YYYY-MM-DD or '' (exclusive)
  minConfidence: number;
  limit: number;
}

/** The controls' defaults: the API's own. */
export const defaultParams: NetParams = { depth: 1, types: [], since: '', until: '', minConfidence: 0, limit: 100 };

/** Reads NetParams from URL search parameters, defaults for what is missing or malformed. */
export function paramsFrom(q: URLSearchParams): NetParams {
  const num = (k: string, d: number, lo: number, hi: number) => {
    const v = Number(q.get(k));
    return q.has(k) && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : d;
  };
  const date = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(q.get(k) ?? '') ? q.get(k)! : '');
  return {
    depth: num('depth', 1, 1, 3),
    types: (q.get('types') ?? '').split(',').filter((t) => (relationTypes as readonly string[]).includes(t)),
    since: date('since'),
    until: date('until'),
    minConfidence: num('min', 0, 0, 1),
    limit: num('limit', 100, 1, 2000),
  };
}

/** Writes NetParams as URL search parameters, leaving defaults out. */
export function paramsTo(p: NetParams): URLSearchParams {
  const q = new URLSearchParams();
  if (p.depth !== 1) q.set('depth', String(p.depth));
  if (p.types.length) q.set('types', p.types.join(','));
  if (p.since) q.set('since', p.since);
  if (p.until) q.set('until', p.until);
  if (p.minConfidence > 0) q.set('min', String(p.minConfidence));
  if (p.limit !== 100) q.set('limit', String(p.limit));
  return q;
}

const networkQuery = `query Network($seeds: [ID!]!, $depth: Int, $types: [RelationType!], $since: DateTime, $until: DateTime, $min: Float, $limit: Int) {
  network(seeds: $seeds, depth: $depth, relationTypes: $types, since: $since, until: $until, minConfidence: $min, limit: $limit) {
    truncated
    nodes { id name kind mentionCount depth }
    edges { id source target type directed weight confidence firstSeen lastSeen }
  }
}`;

function variables(seeds: string[], p: NetParams, depth = p.depth): Record<string, unknown> {
  return {
    seeds,
    depth,
    types: p.types.length ? p.types : null,
    since: p.since ? `${p.since}T00:00:00Z` : null,
    until: p.until ? `${p.until}T00:00:00Z` : null,
    min: p.minConfidence > 0 ? p.minConfidence : null,
    limit: p.limit,
  };
}

/** The colour of each entity kind, also shown in the legend. */
export const kindColours: Record<string, string> = {
  GROUP: '#c0392b',
  PERSON: '#2471a3',
  ORGANIZATION: '#7d3c98',
  PLACE: '#1e8449',
  OUTLET: '#b9770e',
  PROGRAM: '#5d6d7e',
};

/** What the test and curious users can read about the last render. */
export interface RenderStats {
  nodes: number;
  edges: number;
  /** From the answer's arrival to the first frame drawn. */
  renderMs: number;
  /** From the request to the first frame drawn. */
  totalMs: number;
  /** Of renderMs: building the graph and its style, placing the nodes, drawing the first frame. */
  initMs: number;
  layoutMs: number;
  frameMs: number;
}

declare global {
  interface Window {
    newsgraphExplorer?: { cy?: cytoscape.Core; lastRender?: RenderStats; renders?: number };
  }
}

/** An entity's network view, mounted in a container. */
export class NetworkView {
  private cy: cytoscape.Core | null = null;
  private seeds: string[];
  private data: Net = { nodes: [], edges: [], truncated: false };
  private readonly canvas = el('div', { class: 'cy', tabindex: '0', role: 'application', 'aria-roledescription': 'network drawing', 'aria-label': 'Network drawing' });
  private selected = -1; // index in data.nodes of the entity chosen with the keyboard
  private readonly status = el('p', { class: 'net-status', role: 'status', 'aria-live': 'polite' });
  private readonly exportsBox = el('p', { class: 'exports' });
  private readonly lists = el('div', { class: 'net-lists' });
  private readonly info = el('p', { class: 'node-info', 'aria-live': 'polite' });

  constructor(
    readonly root: HTMLElement,
    private readonly seed: string,
    private params: NetParams,
    private readonly onParams: (p: NetParams) => void,
  ) {
    this.seeds = [seed];
    this.canvas.addEventListener('keydown', (ev) => this.key(ev));
    // The controls fold away on a narrow screen, so that the drawing shows first.
    const filters = el('details', { class: 'net-filters', ...(window.innerWidth > 640 ? { open: '' } : {}) }, el('summary', {}, 'Filters: depth, relation types, dates, confidence'), this.controls());
    root.replaceChildren(filters, this.status, this.canvas, this.info, legend(), this.exportsBox, this.lists);
  }

  /** Fetches the seed's network with the current parameters and draws it afresh. */
  async load(): Promise<void> {
    this.seeds = [this.seed];
    this.selected = -1;
    this.status.replaceChildren('Loading the network…');
    const t0 = performance.now();
    try {
      const d = await gql<{ network: Net }>(networkQuery, variables(this.seeds, this.params));
      this.data = d.network;
      await this.draw(t0);
    } catch (err) {
      this.status.replaceChildren(errorBox(err));
    }
  }

  /** Adds the direct neighbours of node id to the view, with the same filters. */
  async expand(id: string): Promise<void> {
    if (this.seeds.includes(id)) return;
    const t0 = performance.now();
    try {
      const d = await gql<{ network: Net }>(networkQuery, variables([id], this.params, 1));
      if (this.seeds.includes(id)) return; // a second click while the first was loading
      this.seeds.push(id);
      const from = this.data.nodes.find((n) => n.id === id);
      const known = new Set(this.data.nodes.map((n) => n.id));
      for (const n of d.network.nodes) {
        if (!known.has(n.id)) this.data.nodes.push({ ...n, depth: (from?.depth ?? 0) + n.depth });
      }
      const edges = new Set(this.data.edges.map((e) => e.id));
      this.data.edges.push(...d.network.edges.filter((e) => !edges.has(e.id)));
      this.data.truncated ||= d.network.truncated;
      await this.draw(t0);
    } catch (err) {
      this.status.replaceChildren(errorBox(err));
    }
  }

  private controls(): HTMLElement {
    const p = this.params;
    const form = el('form', { class: 'net-controls', 'aria-label': 'Network controls' });
    const depth = el('select', { name: 'depth', id: 'net-depth' });
    for (const d of [1, 2, 3]) depth.append(el('option', { value: String(d), ...(d === p.depth ? { selected: '' } : {}) }, `${d} hop${d > 1 ? 's' : ''}`));
    const types = el('fieldset', { class: 'types' }, el('legend', {}, 'Relation types (none ticked: all)'));
    for (const t of relationTypes) {
      const box = el('input', { type: 'checkbox', name: 'types', value: t, ...(p.types.includes(t) ? { checked: '' } : {}) });
      types.append(el('label', {}, box, ' ', words(t)));
    }
    const since = el('input', { type: 'date', name: 'since', id: 'net-since', value: p.since });
    const until = el('input', { type: 'date', name: 'until', id: 'net-until', value: p.until });
    const min = el('input', { type: 'number', name: 'min', id: 'net-min', min: '0', max: '1', step: '0.05', value: String(p.minConfidence) });
    const limit = el('input', { type: 'number', name: 'limit', id: 'net-limit', min: '1', max: '2000', step: '1', value: String(p.limit) });
    form.append(
      el('label', { for: 'net-depth' }, 'Depth ', depth),
      el('label', { for: 'net-since' }, 'Evidence from ', since),
      el('label', { for: 'net-until' }, 'before ', until),
      el('label', { for: 'net-min' }, 'Min. confidence ', min),
      el('label', { for: 'net-limit' }, 'Max. nodes ', limit),
      types,
      el('button', { type: 'submit' }, 'Redraw'),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const fd = new FormData(form);
      this.params = paramsFrom(new URLSearchParams({
        depth: String(fd.get('depth')),
        types: fd.getAll('types').join(','),
        since: String(fd.get('since') ?? ''),
        until: String(fd.get('until') ?? ''),
        min: String(fd.get('min') || 0),
        limit: String(fd.get('limit') || 100),
      }));
      this.onParams(this.params);
      void this.load();
    });
    return form;
  }

  private async draw(t0: number): Promise<void> {
    const { nodes, edges, truncated } = this.data;
    const t1 = performance.now();
    const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
    const big = nodes.length > 150;
    const outerRing = Math.max(1, ...nodes.map((n) => n.depth));
    const elements: cytoscape.ElementDefinition[] = [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.name, kind: n.kind, depth: n.depth, seed: this.seeds.includes(n.id) ? 1 : 0, size: 18 + Math.min(30, Math.sqrt(n.mentionCount) * 4) } })),
      ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, type: e.type, label: words(e.type), weight: e.weight, width: 1.5 + (6.5 * (e.weight - 1)) / Math.max(1, maxWeight - 1), directed: e.directed ? 1 : 0 } })),
    ];
    this.cy?.destroy();
    const cy = cytoscape({
      container: this.canvas,
      elements,
      minZoom: 0.05,
      maxZoom: 4,
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      // Plain selectors and data mappers only: Cytoscape compiles them
      // once, where a function would run for every element.
      style: [
        { selector: 'node', style: { 'background-color': '#888', width: 'data(size)', height: 'data(size)' } },
        // In a big view only the inner rings are named; the rest show
        // their names when selected, and in the lists below.
        { selector: big ? `node[depth < ${outerRing}], node:selected` : 'node', style: { label: 'data(label)', 'min-zoomed-font-size': big ? 7 : 0, 'font-size': big ? 11 : 14, color: '#1b1b1b', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': '1px' } },
        ...Object.entries(kindColours).map(([k, c]) => ({ selector: `node[kind = "${k}"]`, style: { 'background-color': c } })),
        { selector: 'node[seed = 1]', style: { 'border-width': 3, 'border-color': '#111' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#9aa4ad', 'curve-style': big ? 'haystack' : 'bezier' } },
        ...(big ? [] : [
          { selector: 'edge', style: { label: 'data(label)', 'font-size': 11, color: '#444', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
          { selector: 'edge[directed = 1]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#9aa4ad' } },
        ] as cytoscape.StylesheetStyle[]),
        { selector: ':selected', style: { 'line-color': '#f1c40f', 'target-arrow-color': '#f1c40f', 'border-color': '#f1c40f', 'border-width': 4 } },
      ],
    });
    this.cy = cy;
    const t2 = performance.now();
    const pos = radialLayout(nodes.map((n) => n.id), edges, this.seeds, big ? 14 : 100);
    cy.layout({ name: 'preset', positions: Object.fromEntries(pos), fit: true, padding: 24, animate: false }).run();
    if (cy.zoom() > 1.3) {
      // A handful of nodes would otherwise fill the canvas with giant discs.
      cy.zoom(1.3);
      cy.center();
    }
    cy.on('tap', 'edge', (ev) => this.openEdge(ev.target.id()));
    cy.on('tap', 'node', (ev) => {
      const n = this.data.nodes.find((x) => x.id === ev.target.id());
      if (n) this.showNode(n);
      void this.expand(ev.target.id());
    });
    const t3 = performance.now();
    await firstFrame(cy);
    const t4 = performance.now();
    const stats: RenderStats = { nodes: nodes.length, edges: edges.length, renderMs: t4 - t1, totalMs: t4 - t0, initMs: t2 - t1, layoutMs: t3 - t2, frameMs: t4 - t3 };
    window.newsgraphExplorer = { ...window.newsgraphExplorer, cy, lastRender: stats, renders: (window.newsgraphExplorer?.renders ?? 0) + 1 };
    this.canvas.setAttribute('aria-label', `Network drawing of ${nodes.length} entities and ${edges.length} ties. Arrow keys choose an entity, Enter adds its neighbours, O opens its page, C the citations of its heaviest tie; the lists below hold the same.`);
    if (this.selected >= 0) cy.$id(nodes[this.selected]?.id ?? '').select();
    this.status.replaceChildren(
      `${nodes.length} entities, ${edges.length} ties; drawn in ${Math.round(stats.renderMs)} ms. Click a node to add its neighbours, a tie to read its citations.`,
      truncated ? el('strong', { class: 'truncated', 'data-truncated': 'true' }, ' Truncated: a cap cut this network short; raise max. nodes or narrow the filters.') : '',
    );
    this.renderExports();
    this.renderLists();
  }

  /**
   * Keyboard use of the drawing: arrows step through the entities (seeds
   * first, then by hop), Enter adds the chosen one's neighbours, O opens its
   * page, C opens the citations of its heaviest tie in view.
   */
  private key(ev: KeyboardEvent): void {
    const nodes = this.data.nodes;
    if (!this.cy || nodes.length === 0) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
    if (step !== undefined) {
      ev.preventDefault();
      this.selected = this.selected < 0 ? (step > 0 ? 0 : nodes.length - 1) : (this.selected + step + nodes.length) % nodes.length;
      const n = nodes[this.selected];
      this.cy.elements().unselect();
      this.cy.$id(n.id).select();
      this.showNode(n);
      return;
    }
    const n = nodes[this.selected];
    if (!n) return;
    if (ev.key === 'Enter') {
      ev.preventDefault();
      void this.expand(n.id);
    } else if (ev.key === 'o' || ev.key === 'O') {
      location.hash = `#/entity/${encodeURIComponent(n.id)}`;
    } else if (ev.key === 'c' || ev.key === 'C') {
      const tie = this.data.edges.find((e) => e.source === n.id || e.target === n.id);
      if (tie) this.openEdge(tie.id);
    }
  }

  private showNode(n: NetNode): void {
    this.info.replaceChildren(el('strong', {}, n.name), ` (${n.kind.toLowerCase()}, ${n.mentionCount} mentions, ${n.depth} hop${n.depth === 1 ? '' : 's'} out) · `, link(`/entity/${encodeURIComponent(n.id)}`, 'open its page'));
  }

  private openEdge(id: string): void {
    const e = this.data.edges.find((x) => x.id === id);
    const name = (nid: string) => this.data.nodes.find((n) => n.id === nid)?.name ?? nid;
    const title = e ? `${name(e.source)} ${words(e.type)} ${name(e.target)}` : 'Citations';
    void openCitations(title, () => relationshipCitations(id));
  }

  private renderExports(): void {
    const args = new URLSearchParams({ seeds: this.seeds.join(',') });
    if (this.params.depth !== 1) args.set('depth', String(this.params.depth));
    if (this.params.types.length) args.set('relationTypes', this.params.types.join(','));
    if (this.params.since) args.set('since', `${this.params.since}T00:00:00Z`);
    if (this.params.until) args.set('until', `${this.params.until}T00:00:00Z`);
    if (this.params.minConfidence > 0) args.set('minConfidence', String(this.params.minConfidence));
    args.set('limit', String(this.params.limit));
    const formats: [string, string][] = [['graphml', 'GraphML'], ['gexf', 'GEXF'], ['csv', 'CSV (zip)'], ['cyjs', 'Cytoscape JSON']];
    this.exportsBox.replaceChildren('Download this view: ', ...formats.flatMap(([f, label], i) => [
      i ? ' · ' : '',
      el('a', { href: `/export/network.${f}?${args}`, download: `network.${f === 'csv' ? 'zip' : f}`, class: `export export-${f}` }, label),
    ]));
    if (this.seeds.length > 1) this.exportsBox.append(el('span', { class: 'fine' }, ` (from the ${this.seeds.length} entities expanded here, each to depth ${this.params.depth})`));
  }

  private renderLists(): void {
    const name = new Map(this.data.nodes.map((n) => [n.id, n.name]));
    const nodeList = el('ul', { class: 'node-list' });
    for (const n of this.data.nodes) {
      const expand = el('button', { type: 'button', class: 'small' }, 'add neighbours');
      expand.disabled = this.seeds.includes(n.id);
      expand.addEventListener('click', () => void this.expand(n.id));
      nodeList.append(el('li', { 'data-id': n.id }, el('span', { class: 'dot', style: `background:${kindColours[n.kind]}` }), ' ', link(`/entity/${encodeURIComponent(n.id)}`, n.name), ` ${n.kind.toLowerCase()} `, expand));
    }
    const ties = el('table', { class: 'ties' }, el('thead', {}, el('tr', {}, el('th', {}, 'tie'), el('th', {}, 'evidence'), el('th', {}, 'confidence'), el('th', {}, 'seen'))));
    const body = el('tbody');
    for (const e of this.data.edges) {
      const b = el('button', { type: 'button', class: 'tie', 'data-id': e.id }, `${name.get(e.source)} ${words(e.type)} ${name.get(e.target)}`);
      b.addEventListener('click', () => this.openEdge(e.id));
      body.append(el('tr', {}, el('td', {}, b), el('td', {}, String(e.weight)), el('td', {}, pct(e.confidence)), el('td', {}, `${day(e.firstSeen)} – ${day(e.lastSeen)}`)));
    }
    ties.append(body);
    const few = this.data.nodes.length <= 40;
    this.lists.replaceChildren(
      el('details', few ? { open: '' } : {}, el('summary', {}, `Ties (${this.data.edges.length})`), ties),
      el('details', few ? { open: '' } : {}, el('summary', {}, `Entities (${this.data.nodes.length})`), nodeList),
    );
  }

  /** Stops drawing and frees the canvas. */
  destroy(): void {
    this.cy?.destroy();
    this.cy = null;
    closeCitations();
  }
}

/** Resolves after Cytoscape has drawn its first frame and the browser has painted it. */
function firstFrame(cy: cytoscape.Core): Promise<void> {
  return new Promise((resolve) => {
    // A container without size never renders: do not wait for it forever.
    const timer = setTimeout(resolve, 3000);
    cy.one('render', () => requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    }));
  });
}

function legend(): HTMLElement {
  return el('p', { class: 'legend', 'aria-label': 'Colours of entity kinds' },
    ...Object.entries(kindColours).flatMap(([k, c]) => [el('span', { class: 'dot', style: `background:${c}` }), ` ${k.toLowerCase()} `]),
    el('span', { class: 'fine' }, '· edge width: evidence count · arrows: directed ties · bold ring: expanded entities'));
}

/** The citations of a relationship, oldest article first. */
export async function relationshipCitations(id: string): Promise<ShownCitation[]> {
  const d = await gql<{ relationship: { citations: ShownCitation[] } }>(
    `query RelationshipCitations($id: ID!) { relationship(id: $id) { citations(first: 100) { ${citationFields} } } }`, { id });
  return d.relationship.citations;
}
