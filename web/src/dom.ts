// Small helpers to build DOM without HTML strings, so that text from the
// API is never parsed as markup.

type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined && c !== false) e.append(c);
  }
  return e;
}

/** A link to a route of the explorer. */
export function link(route: string, text: string, attrs: Record<string, string> = {}): HTMLAnchorElement {
  return el('a', { href: '#' + route, ...attrs }, text);
}

/** A date of the API (RFC 3339) as YYYY-MM-DD, or a dash. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** A confidence in [0, 1] as a percentage. */
export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** A relation type such as RIVAL_OF as words ("rival of"). */
export function words(t: string): string {
  return t.toLowerCase().replace(/_/g, ' ');
}

/** An entity kind as a small labelled badge. */
export function kindBadge(kind: string): HTMLElement {
  return el('span', { class: `kind kind-${kind.toLowerCase()}` }, kind.toLowerCase());
}
