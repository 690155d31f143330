// Citations point into article text by Unicode code points (as brat, spaCy
// and the W3C TextPositionSelector do), while JavaScript strings index
// UTF-16 units: a character outside the Basic Multilingual Plane (an emoji,
// a mathematical letter, many CJK extensions) is one code point but two
// units. Everything here works on arrays of code points (Array.from), never
// on string indices.

import { gql } from './api';
import { el } from './dom';

/** The code points of s. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/**
 * Where sentence starts in text, in code points: the occurrence that holds
 * the code point at `at` (a citation's start), else the first one; -1 when
 * text does not contain it.
 */
export function sentenceStart(text: string, sentence: string, at: number): number {
  if (sentence === '') return -1;
  const len = codePoints(sentence).length;
  let first = -1;
  let units = 0; // UTF-16 index of the previous occurrence
  let cps = 0; // its code-point index
  for (let i = text.indexOf(sentence); i >= 0; i = text.indexOf(sentence, i + 1)) {
    cps += codePoints(text.slice(units, i)).length;
    units = i;
    if (first < 0) first = cps;
    if (cps <= at && at < cps + len) return cps;
  }
  return first;
}

/** Where trigger occurs in cps (case-folded), preferring an occurrence inside [from, to); -1 when nowhere. */
export function findTrigger(cps: string[], trigger: string, from: number, to: number): number {
  const t = codePoints(trigger.toLowerCase());
  if (t.length === 0) return -1;
  let best = -1;
  let bestDist = Infinity;
  for (let i = 0; i + t.length <= cps.length; i++) {
    let k = 0;
    while (k < t.length && cps[i + k].toLowerCase() === t[k]) k++;
    if (k < t.length) continue;
    const dist = i >= from && i + t.length <= to ? 0 : Math.min(Math.abs(i - from), Math.abs(i - to));
    if (dist < bestDist) {
      best = i;
      bestDist = dist;
    }
  }
  return best;
}

/** A run of a sentence: plain, or part of the trigger. */
interface Run {
  text: string;
  trigger: boolean;
}

function runs(cps: string[], from: number, to: number, tStart: number, tEnd: number): Run[] {
  const out: Run[] = [];
  for (let i = from; i < to; ) {
    const inTrigger = i >= tStart && i < tEnd;
    let j = i + 1;
    while (j < to && (j >= tStart && j < tEnd) === inTrigger) j++;
    out.push({ text: cps.slice(i, j).join(''), trigger: inTrigger });
    i = j;
  }
  return out;
}

function renderRuns(rs: Run[]): Node[] {
  return rs.map((r) => (r.trigger ? el('b', { class: 'trigger', title: 'trigger word' }, r.text) : document.createTextNode(r.text)));
}

/**
 * The sentence as DOM nodes: the evidence [start, end) (code points from
 * the start of the article, as the API gives them) in a <mark>, the trigger
 * word in a <b class="trigger">: at triggerAt when the API says where it is
 * (a claim's cue), else its occurrence nearest the evidence. base is where
 * the sentence starts in the article; with base < 0 (the article text is
 * unknown) nothing is marked.
 */
export function highlightSentence(
  sentence: string,
  base: number,
  start: number,
  end: number,
  trigger: string,
  triggerAt?: { start: number; end: number },
): HTMLElement {
  const cps = codePoints(sentence);
  const q = el('q', { class: 'sentence' });
  if (base < 0) {
    q.append(sentence);
    q.title = 'The article text is not available, so the evidence cannot be marked.';
    return q;
  }
  const s = Math.max(0, Math.min(cps.length, start - base));
  const e = Math.max(s, Math.min(cps.length, end - base));
  let t = findTrigger(cps, trigger, s, e);
  let tEnd = t < 0 ? -1 : t + codePoints(trigger).length;
  if (triggerAt && triggerAt.start - base >= 0 && triggerAt.end - base <= cps.length) {
    t = triggerAt.start - base;
    tEnd = triggerAt.end - base;
  }
  q.append(...renderRuns(runs(cps, 0, s, t, tEnd)));
  const mark = el('mark', { class: 'evidence', 'data-start': String(start), 'data-end': String(end) });
  mark.append(...renderRuns(runs(cps, s, e, t, tEnd)));
  q.append(mark, ...renderRuns(runs(cps, e, cps.length, t, tEnd)));
  return q;
}

const texts = new Map<string, Promise<string | null>>();

/** The texts of the articles with the given ids, fetched once each, in one request for those not yet known. */
export async function articleTexts(ids: string[]): Promise<Map<string, string | null>> {
  const missing = [...new Set(ids)].filter((id) => !texts.has(id));
  if (missing.length > 0) {
    const query = `query ArticleTexts(${missing.map((_, i) => `$a${i}: ID!`).join(', ')}) {
      ${missing.map((_, i) => `a${i}: article(id: $a${i}) { text }`).join('\n')}
    }`;
    const vars = Object.fromEntries(missing.map((id, i) => [`a${i}`, id]));
    const batch = gql<Record<string, { text: string | null } | null>>(query, vars);
    missing.forEach((id, i) => {
      const p = batch.then((d) => d[`a${i}`]?.text ?? null);
      p.catch(() => texts.delete(id)); // let a later call retry
      texts.set(id, p);
    });
  }
  const out = new Map<string, string | null>();
  for (const id of new Set(ids)) out.set(id, await texts.get(id)!);
  return out;
}
