// The citations panel: where every edge, relationship and claim shows its
// sources (article, outlet, date, and the sentence with the evidence
// marked).

import { type Citation } from './api';
import { day, el, pct } from './dom';
import { articleTexts, highlightSentence, sentenceStart } from './highlight';

/** A span of article text in code points, end exclusive. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A citation with, for claims, the speaker and cue as written. */
export interface ShownCitation extends Citation {
  source?: Span;
  cue?: Span;
}

/** Renders citations as a list, each with its sentence and the evidence marked at its code-point offsets. */
export async function citationList(cites: ShownCitation[]): Promise<HTMLElement> {
  const list = el('ol', { class: 'citations' });
  if (cites.length === 0) {
    list.append(el('li', {}, 'No citations.'));
    return list;
  }
  let texts = new Map<string, string | null>();
  try {
    texts = await articleTexts(cites.map((c) => c.article.id));
  } catch {
    // Without the texts the sentences still show, unmarked (see highlightSentence).
  }
  for (const c of cites) {
    const text = texts.get(c.article.id) ?? null;
    const base = text === null ? -1 : sentenceStart(text, c.sentence, c.start);
    const title = c.article.url
      ? el('a', { href: c.article.url, rel: 'noreferrer noopener', target: '_blank' }, c.article.title)
      : el('span', {}, c.article.title);
    const meta = el('p', { class: 'meta' }, el('cite', {}, title), c.article.outlet ? ` · ${c.article.outlet}` : '', ' · ',
      c.article.publishedAt ? el('time', { datetime: c.article.publishedAt }, day(c.article.publishedAt)) : 'undated');
    const sentence = highlightSentence(c.sentence, base, c.start, c.end, c.cue?.text ?? c.trigger, c.cue);
    const details = el('p', { class: 'fine' },
      c.source ? `speaker as written: “${c.source.text}” · ` : '',
      `trigger: “${c.cue?.text ?? c.trigger}” · confidence ${pct(c.confidence)} · ${c.extractor}`);
    list.append(el('li', { class: 'citation', 'data-article': c.article.id, 'data-published': c.article.publishedAt ?? '' },
      meta, el('p', {}, sentence), details));
  }
  return list;
}

let opener: HTMLElement | null = null;

/** Closes the citations panel and gives the focus back to what opened it. */
export function closeCitations(): void {
  const aside = document.getElementById('citations')!;
  if (aside.hidden) return;
  aside.hidden = true;
  aside.replaceChildren();
  opener?.focus();
  opener = null;
}

/** Opens the citations panel with a title, and fills it with what load returns. */
export async function openCitations(title: string, load: () => Promise<ShownCitation[]>): Promise<void> {
  const aside = document.getElementById('citations')!;
  opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const heading = el('h2', { id: 'citations-title', tabindex: '-1' }, title);
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close citations' }, '×');
  close.addEventListener('click', closeCitations);
  const body = el('div', { class: 'body' }, el('p', {}, 'Loading citations…'));
  aside.replaceChildren(el('div', { class: 'head' }, heading, close), body);
  aside.hidden = false;
  heading.focus();
  try {
    body.replaceChildren(await citationList(await load()));
  } catch (err) {
    body.replaceChildren(errorBox(err));
  }
}

/** A visible, announced message for an error of the API. */
export function errorBox(err: unknown): HTMLElement {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  return el('div', { class: 'error', role: 'alert' },
    el('strong', {}, code === 'NOT_FOUND' ? 'Not found. ' : 'The API answered with an error. '),
    message, code ? ` (${code})` : '');
}
