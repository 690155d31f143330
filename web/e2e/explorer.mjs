// The explorer's end-to-end test, in headless Chromium driven by
// playwright-core. Started by web's TestExplorerInBrowser, which serves the
// stores and passes their addresses in the environment:
//   NG_BASE      a server on our example articles and web/testdata
//   NG_EMPTY     a server on an empty store
//   NG_BIG       a server on a generated network; NG_BIG_SEED its hub,
//                NG_BIG_SIZE its number of entities
//   NG_CHROMIUM  the browser; NG_SHOTS where screenshots go
// Every expectation is computed from the API's own answers, not typed in,
// except the names of the examples it searches for. It fails on any request
// that leaves localhost, any uncaught page error and any console error.
import { chromium } from 'playwright-core';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set: run this through go test ./web`);
  return v;
};
const BASE = env('NG_BASE');
const SHOTS = env('NG_SHOTS');
const offHost = [];
const pageErrors = [];
let step = 0;

function check(ok, what) {
  if (!ok) throw new Error(`check failed: ${what}`);
}

async function gql(base, query, variables = {}) {
  const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await r.json();
  if (body.errors) throw new Error(`API: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function shot(page, name, what) {
  step++;
  const file = join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`step ${step}: ${what} -> ${file}`);
}

const cp = (s) => Array.from(s);

/**
 * Checks every citation shown in root against the API: the text marked is
 * exactly the article's code points [start, end), and the sentence shown sits
 * where the article really has it, i.e. the text before the mark is the
 * sentence's prefix up to start. Returns how many citations have their
 * evidence after text whose code points and UTF-16 units differ.
 */
async function checkCitations(page, root, cites) {
  const shown = await page.$$eval(`${root} li.citation`, (lis) => lis.map((li) => {
    const q = li.querySelector('q.sentence');
    const mark = q.querySelector('mark.evidence');
    let before = '';
    for (const n of q.childNodes) {
      if (n === mark) break;
      before += n.textContent;
    }
    return { article: li.dataset.article, sentence: q.textContent, mark: mark?.textContent ?? null, before, triggers: [...q.querySelectorAll('b.trigger')].map((b) => b.textContent) };
  }));
  check(shown.length === cites.length, `${root}: ${shown.length} citations shown, the API has ${cites.length}`);
  const texts = {};
  for (const id of new Set(cites.map((c) => c.article.id))) {
    texts[id] = (await gql(BASE, 'query($id: ID!) { article(id: $id) { text } }', { id })).article.text;
  }
  let astral = 0;
  cites.forEach((c, i) => {
    const s = shown[i];
    const text = cp(texts[c.article.id]);
    check(s.article === c.article.id, `citation ${i} is of article ${s.article}, want ${c.article.id}`);
    check(s.sentence === c.sentence, `citation ${i} shows ${JSON.stringify(s.sentence)}, want ${JSON.stringify(c.sentence)}`);
    const evidence = text.slice(c.start, c.end).join('');
    check(s.mark === evidence, `citation ${i} marks ${JSON.stringify(s.mark)}, want code points [${c.start}, ${c.end}) = ${JSON.stringify(evidence)}`);
    const sentenceAt = c.start - cp(s.before).length;
    check(text.slice(sentenceAt, sentenceAt + cp(c.sentence).length).join('') === c.sentence, `citation ${i}: the sentence shown is not where the article has it (at code point ${sentenceAt})`);
    const trigger = c.cue?.text ?? c.trigger;
    check(s.triggers.join('').toLowerCase() === trigger.toLowerCase(), `citation ${i} marks trigger ${JSON.stringify(s.triggers)}, want ${JSON.stringify(trigger)}`);
    if (text.slice(0, c.start).join('').length !== c.start) astral++; // UTF-16 units before the evidence differ from code points
  });
  return astral;
}

const citationFields = 'article { id title outlet publishedAt } sentence start end trigger';

const browser = await chromium.launch({ executablePath: env('NG_CHROMIUM'), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
    offHost.push(route.request().url());
    return route.abort();
  });
  // Generous waits: CI machines are shared, and GraphiQL's editor starts three workers.
  context.setDefaultTimeout(60000);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console error: ${m.text()}`); });

  // 1. The start page: what the store holds.
  await page.goto(`${BASE}/`);
  await page.waitForSelector('main h1');
  const stats = (await gql(BASE, '{ stats { articles } }')).stats;
  check((await page.textContent('.stats')).includes(`${stats.articles} articles`), 'the start page counts the articles');
  await shot(page, 'home', 'the start page: counts and the most mentioned entities');

  // 2. Search for a group, with the keyboard: "/" focuses the search box.
  await page.keyboard.press('/');
  check(await page.evaluate(() => document.activeElement?.id === 'q'), '"/" focuses the search box');
  await page.keyboard.type('Eastern Ridge');
  await page.keyboard.press('Enter');
  await page.waitForSelector('section.hits[data-kind=GROUP] li.hit a');
  const group = (await gql(BASE, '{ search(text: "Eastern Ridge", kinds: [GROUP], targets: [ENTITIES], first: 1) { nodes { node { ... on Entity { id name } } } } }')).search.nodes[0].node;
  const firstHit = await page.textContent('section.hits[data-kind=GROUP] li.hit a');
  check(firstHit === group.name, `the best group hit is ${firstHit}, the API says ${group.name}`);
  await shot(page, 'search', 'search results for "Eastern Ridge", grouped by kind, with scores');

  // 3. Open it: the network is drawn with the API's nodes.
  await page.click('section.hits[data-kind=GROUP] li.hit a');
  await page.waitForFunction(() => window.newsgraphExplorer?.lastRender);
  const net = (await gql(BASE, 'query($s: [ID!]!) { network(seeds: $s) { nodes { id name } edges { id type source target } } }', { s: [group.id] })).network;
  const drawn = await page.evaluate(() => window.newsgraphExplorer.cy.nodes().map((n) => n.data('label')).sort());
  check(JSON.stringify(drawn) === JSON.stringify(net.nodes.map((n) => n.name).sort()), `drawn nodes ${drawn} differ from the API's ${net.nodes.map((n) => n.name)}`);
  check(drawn.includes('Taliban'), 'the network holds the Taliban, the rival the README shows');
  await page.locator('.cy').scrollIntoViewIfNeeded();
  await shot(page, 'network', `the entity page of ${group.name}: its network (${drawn.length} nodes), coloured by kind`);

  // 4. Click the edge to the Taliban, on the canvas: its citations open.
  const taliban = net.nodes.find((n) => n.name === 'Taliban');
  const edge = net.edges.find((e) => e.type === 'RIVAL_OF' && [e.source, e.target].includes(taliban.id));
  const at = await page.evaluate((id) => {
    const cy = window.newsgraphExplorer.cy;
    const p = cy.$id(id).renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, edge.id);
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector('#citations li.citation q.sentence');
  const relCites = (await gql(BASE, `query($id: ID!) { relationship(id: $id) { citations(first: 100) { ${citationFields} } } }`, { id: edge.id })).relationship.citations;
  const astral = await checkCitations(page, '#citations', relCites);
  check(astral > 0, 'some citation of the edge follows characters outside the BMP (web/testdata), so UTF-16 offsets would be caught');
  await shot(page, 'edge-citations', `clicked the RIVAL_OF edge: ${relCites.length} citations, evidence marked at its code points, trigger underlined`);

  // Escape closes the panel (keyboard).
  await page.keyboard.press('Escape');
  check(await page.isHidden('#citations'), 'Escape closes the citations');

  // The same edge from the ties list, by keyboard: the list is the canvas's accessible twin.
  await page.focus(`button.tie[data-id="${edge.id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#citations li.citation');
  await page.keyboard.press('Escape');
  check(await page.evaluate((id) => document.activeElement?.dataset.id === id, edge.id), 'closing the citations gives the focus back to the tie');

  // The drawing by keyboard: arrows choose an entity (seeds first), C opens its heaviest tie's citations.
  await page.focus('.cy');
  await page.keyboard.press('ArrowRight');
  check((await page.textContent('.node-info')).startsWith(group.name), 'the first arrow chooses the seed');
  await page.keyboard.press('c');
  await page.waitForSelector('#citations li.citation');
  await page.keyboard.press('Escape');
  check(await page.evaluate(() => document.activeElement?.classList.contains('cy')), 'closing the citations gives the focus back to the drawing');

  // Expand on click: the Taliban node adds its neighbours.
  const before = drawn.length;
  await page.locator('.cy').scrollIntoViewIfNeeded();
  const nodeAt = await page.evaluate((id) => {
    const cy = window.newsgraphExplorer.cy;
    const p = cy.$id(id).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, taliban.id);
  await page.mouse.click(nodeAt.x, nodeAt.y);
  await page.waitForFunction((n) => window.newsgraphExplorer.cy.nodes().length > n, before);
  await shot(page, 'expanded', 'clicked the Taliban node: its neighbours joined the view');

  // The clicked node's page: its facts and timeline as the API has them.
  let drawnCount = await page.evaluate(() => window.newsgraphExplorer.renders);
  await page.click('.node-info a');
  await page.waitForFunction((name) => document.querySelector('main h1')?.textContent.startsWith(name) && window.newsgraphExplorer.cy.nodes().length > 0, taliban.name);
  const tal = (await gql(BASE, 'query($id: ID!) { entity(id: $id) { aliases externalIds { source id } relationships { totalCount } claimsBy { totalCount } claimsAbout { totalCount } } }', { id: taliban.id })).entity;
  const qid = tal.externalIds.find((x) => x.source === 'wikidata')?.id;
  check(qid && (await page.getAttribute('.facts a[href^="https://www.wikidata.org/"]', 'href')).endsWith(`/${qid}`), `the Wikidata link is ${qid}`);
  check((await page.textContent('.facts')).includes(tal.aliases[0]), 'the aliases show');
  const items = await page.$$eval('ol.timeline > li', (lis) => lis.length);
  check(items === tal.relationships.totalCount + tal.claimsBy.totalCount + tal.claimsAbout.totalCount, `the timeline has ${items} items, the API ${JSON.stringify(tal)}`);
  await page.waitForFunction((k) => window.newsgraphExplorer.renders > k, drawnCount);
  drawnCount = await page.evaluate(() => window.newsgraphExplorer.renders);
  await page.goBack();
  await page.waitForFunction(([name, k]) => document.querySelector('main h1')?.textContent.startsWith(name) && window.newsgraphExplorer.renders > k, [group.name, drawnCount]);

  // The filters: only BRANCH_OF ties, redrawn as the API answers.
  const redraw = async () => {
    const n = await page.evaluate(() => window.newsgraphExplorer.renders);
    await page.click('.net-controls button[type=submit]');
    await page.waitForFunction((k) => window.newsgraphExplorer.renders > k, n);
  };
  await page.check('input[name=types][value=BRANCH_OF]');
  await redraw();
  const branch = (await gql(BASE, 'query($s: [ID!]!) { network(seeds: $s, relationTypes: [BRANCH_OF]) { nodes { name } } }', { s: [group.id] })).network;
  const drawnBranch = await page.evaluate(() => window.newsgraphExplorer.cy.nodes().map((n) => n.data('label')).sort());
  check(JSON.stringify(drawnBranch) === JSON.stringify(branch.nodes.map((n) => n.name).sort()), `with BRANCH_OF only, drawn ${drawnBranch}, the API's ${branch.nodes.map((n) => n.name)}`);
  check(page.url().includes('types=BRANCH_OF'), 'the filters are in the URL');
  await page.uncheck('input[name=types][value=BRANCH_OF]');
  await redraw();
  check((await page.evaluate(() => window.newsgraphExplorer.cy.nodes().length)) === drawn.length, 'with every type again, the first view is back');

  // 5. Download a GEXF of the view.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.export-gexf')]);
  const gexfPath = join(SHOTS, 'network.gexf');
  await download.saveAs(gexfPath);
  const gexf = readFileSync(gexfPath, 'utf8');
  check(gexf.includes('<gexf') && gexf.includes('Taliban') && gexf.includes(group.name), 'the GEXF holds the view');
  console.log(`GEXF downloaded: ${gexf.length} bytes -> ${gexfPath}`);

  // 6. A claim: its citations in publication order.
  const claim = (await gql(BASE, '{ claims(orderBy: EVIDENCE, first: 1) { nodes { id text evidenceCount } } }')).claims.nodes[0];
  check(claim.evidenceCount >= 3, `the examples' most cited claim has ${claim.evidenceCount} citations, want 3 or more`);
  await page.fill('#q', claim.text);
  await page.press('#q', 'Enter');
  await page.click(`section.hits[data-kind=CLAIM] a[href="#/claim/${claim.id}"]`);
  await page.waitForSelector('.claim-citations li.citation');
  const claimCites = (await gql(BASE, `query($id: ID!) { claim(id: $id) { citations(first: 500) { ${citationFields} cue { start end text } } } }`, { id: claim.id })).claim.citations;
  await checkCitations(page, '.claim-citations', claimCites);
  const dates = await page.$$eval('.claim-citations li.citation', (lis) => lis.map((li) => li.dataset.published));
  check(dates.every((d, i) => i === 0 || !d || !dates[i - 1] || dates[i - 1] <= d) && new Set(dates).size > 1, `claim citations in date order: ${dates}`);
  await shot(page, 'claim', `the claim page: ${claimCites.length} citations in publication order (${dates.map((d) => d.slice(0, 10)).join(', ')})`);

  // 7. The path finder, each hop with its citations.
  await page.click('nav a[href="#/paths"]');
  await page.fill('#path-from', 'Jawed Sultani');
  await page.fill('#path-to', 'Haqqani Network');
  await page.click('.path-form button[type=submit]');
  await page.waitForSelector('.path-list li.path');
  const ends = (await gql(BASE, '{ a: entities(query: "Jawed Sultani", first: 1) { nodes { id } } b: entities(query: "Haqqani Network", first: 1) { nodes { id } } }'));
  const paths = (await gql(BASE, 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, limit: 5) { edges { id } } }', { a: ends.a.nodes[0].id, b: ends.b.nodes[0].id })).paths;
  const hops = await page.$$eval('.path-list li.path', (ps) => ps.map((p) => [...p.querySelectorAll('li.hop')].map((h) => h.dataset.id)));
  check(paths.length > 0 && JSON.stringify(hops) === JSON.stringify(paths.map((p) => p.edges.map((e) => e.id))), `paths shown ${JSON.stringify(hops)}, the API's ${JSON.stringify(paths)}`);
  check((await page.$$('.path-list li.hop li.citation mark.evidence')).length >= hops.flat().length, 'every hop shows a marked citation');
  await shot(page, 'path', `the path finder: Jawed Sultani to Haqqani Network, ${hops[0].length} hops, each with its citations`);

  // 8. Errors and an empty store get a message, not a blank page.
  await page.goto(`${BASE}/#/entity/ent_000000000000000000000000`);
  await page.waitForSelector('main .error[role=alert]');
  check((await page.textContent('main .error')).includes('NOT_FOUND'), 'an unknown entity shows the API error code');
  await shot(page, 'error', 'an entity that does not exist: the API error, shown');
  await page.goto(`${env('NG_EMPTY')}/`);
  await page.waitForSelector('main .empty');
  await shot(page, 'empty', 'a server on an empty store: says so and how to ingest');

  // 9. GraphiQL from our own assets, running a query; no request leaves localhost.
  await page.goto(`${BASE}/graphiql`);
  // The button is there before the editor has its query; run once the query shows.
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent.includes('stats'));
  const answered = () => page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent.includes('"articles"'), null, { timeout: 20000 });
  await page.click('.graphiql-execute-button');
  await answered().catch(async () => {
    await page.click('.graphiql-execute-button'); // a click while the editor was still starting can go unheard
    await answered();
  });
  await shot(page, 'graphiql', 'GraphiQL at /graphiql, served from our bundle, after running its default query');

  // 10. Phone width: the entity page reads without sideways scrolling.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (['127.0.0.1', 'localhost'].includes(u.hostname)) return route.continue();
    offHost.push(route.request().url());
    return route.abort();
  });
  const small = await phone.newPage();
  await small.goto(`${BASE}/#/entity/${group.id}`);
  await small.waitForFunction(() => window.newsgraphExplorer?.lastRender);
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `at phone width the page scrolls sideways by ${overflow}px`);
  await shot(small, 'phone', 'the entity page at 390x844 (phone width)');
  await phone.close();

  // 11. First render of a 500-node network, measured in the browser: from
  // the answer's arrival to the first frame drawn (and from the request).
  const bigSize = Number(env('NG_BIG_SIZE'));
  const renders = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${env('NG_BIG')}/#/entity/${env('NG_BIG_SEED')}?depth=2&limit=${bigSize}`);
    await page.waitForFunction(() => window.newsgraphExplorer?.lastRender?.nodes > 0);
    renders.push(await page.evaluate(() => window.newsgraphExplorer.lastRender));
    if (i === 0) {
      await page.locator('.cy').scrollIntoViewIfNeeded();
      await shot(page, 'big-network', `a generated network of ${renders[0].nodes} nodes, drawn in ${Math.round(renders[0].renderMs)} ms`);
    }
    await page.goto('about:blank');
  }
  check(renders.every((r) => r.nodes === bigSize), `the big network drew ${renders.map((r) => r.nodes)} nodes, want ${bigSize}`);

  // A cap that cuts the network short says so.
  await page.goto(`${env('NG_BIG')}/#/entity/${env('NG_BIG_SEED')}?depth=2&limit=100`);
  await page.waitForSelector('.net-status .truncated');
  check((await page.evaluate(() => window.newsgraphExplorer.lastRender.nodes)) === 100, 'a limit of 100 draws 100 nodes');
  await page.locator('.cy').scrollIntoViewIfNeeded();
  await shot(page, 'truncated', 'the generated network capped at 100 nodes: the truncated flag shows');

  check(offHost.length === 0, `requests left localhost: ${offHost.join(', ')}`);
  check(pageErrors.length === 0, `errors in the page: ${pageErrors.join('; ')}`);
  const ms = (k) => renders.map((r) => Math.round(r[k]));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const result = { nodes: renders[0].nodes, edges: renders[0].edges, medianRenderMs: median(ms('renderMs')), renderMs: ms('renderMs'), totalMs: ms('totalMs'), initMs: ms('initMs'), layoutMs: ms('layoutMs'), frameMs: ms('frameMs') };
  writeFileSync(join(SHOTS, 'results.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await browser.close();
}
