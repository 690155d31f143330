// A radial tree layout for ego networks: the seeds in the middle, each
// ring one hop further out, and every entity placed within the angle of the
// one that reached it, so that a neighbour's own neighbours sit beside it
// rather than across the circle. It is linear in nodes and edges, which
// keeps a 500-node first render quick (Cytoscape's force-directed layouts
// are not).

/** A point of the drawing. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Positions ids by breadth-first search from seeds over edges. spacing is
 * the least distance between neighbours on a ring; nodes not reached from a
 * seed go on a ring of their own outside the rest.
 */
export function radialLayout(ids: string[], edges: { source: string; target: string }[], seeds: string[], spacing = 28): Map<string, Point> {
  const known = new Set(ids);
  const adj = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    adj.get(e.source)!.push(e.target);
    adj.get(e.target)!.push(e.source);
  }
  // The tree of first discovery, from a virtual root above the seeds.
  const ROOT = '';
  const children = new Map<string, string[]>([[ROOT, []]]);
  const depth = new Map<string, number>();
  const queue: string[] = [];
  for (const s of seeds) {
    if (known.has(s) && !depth.has(s)) {
      depth.set(s, 0);
      children.get(ROOT)!.push(s);
      queue.push(s);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i];
    children.set(n, []);
    for (const m of adj.get(n)!) {
      if (depth.has(m)) continue;
      depth.set(m, depth.get(n)! + 1);
      children.get(n)!.push(m);
      queue.push(m);
    }
  }
  const unreached = ids.filter((id) => !depth.has(id));
  // Leaves under each node, bottom-up (the queue is in BFS order).
  const weight = new Map<string, number>();
  for (let i = queue.length - 1; i >= 0; i--) {
    const n = queue[i];
    weight.set(n, Math.max(1, children.get(n)!.reduce((sum, c) => sum + weight.get(c)!, 0)));
  }
  // Ring radii: far enough out that a ring's nodes are spacing apart, each
  // ring beyond the last, and the rings no closer than an even share of the
  // outermost, so that a small inner ring does not huddle in the middle.
  const perRing: number[] = [];
  for (const d of depth.values()) perRing[d] = (perRing[d] ?? 0) + 1;
  const fits = perRing.map((count, d) => (d === 0 && count === 1 ? 0 : (count * spacing) / (2 * Math.PI)));
  const last = perRing.length - 1;
  const outermost = Math.max(...fits.map((f, d) => f * (last / Math.max(1, d))), last * spacing * 2);
  const radius: number[] = [];
  fits.forEach((fit, d) => {
    radius[d] = d === 0 && perRing[0] === 1 ? 0 : Math.max(fit, (radius[d - 1] ?? -spacing) + spacing * 2, (outermost * d) / Math.max(1, last));
  });
  const pos = new Map<string, Point>();
  // Each node takes the middle of its angular span; its children share the span by weight.
  const spans: [string, number, number][] = [];
  let start = 0;
  const total = children.get(ROOT)!.reduce((sum, s) => sum + weight.get(s)!, 0) || 1;
  for (const s of children.get(ROOT)!) {
    const w = (weight.get(s)! / total) * 2 * Math.PI;
    spans.push([s, start, start + w]);
    start += w;
  }
  while (spans.length > 0) {
    const [n, a0, a1] = spans.pop()!;
    const r = radius[depth.get(n)!];
    const a = (a0 + a1) / 2;
    pos.set(n, { x: r * Math.cos(a), y: r * Math.sin(a) });
    const kids = children.get(n)!;
    const sum = kids.reduce((s, c) => s + weight.get(c)!, 0) || 1;
    let from = a0;
    for (const c of kids) {
      const w = ((a1 - a0) * weight.get(c)!) / sum;
      spans.push([c, from, from + w]);
      from += w;
    }
  }
  const outer = (radius[radius.length - 1] ?? 0) + spacing * 2;
  unreached.forEach((id, i) => {
    const a = (2 * Math.PI * i) / unreached.length;
    pos.set(id, { x: outer * Math.cos(a), y: outer * Math.sin(a) });
  });
  return pos;
}
