"""Train the neural taggers (BiLSTM-CRF stacked on a perceptron).

--task attribution (the default) trains the attribution tagger on the JSON
lines written by
    go run ./cmd/nertrain -task attribution -accurate -dump /tmp/neural/dump.jsonl
(PolNeAR train sentences, gold BIO labels, and the accurate perceptron's BIO
labels jackknifed over 5 article folds: article i is in fold i%5).
--task ner --doc trains the accurate name tagger on
    go run ./cmd/nertrain -accurate -dump /tmp/nern/dump.jsonl
(CoNLL++ train, the perceptron's labels jackknifed over the 5 blocks of
documents newsgraph eval --cv scores: each row carries its "fold").

Model choices: --holdout 5 trains without fold --fold (default 0) and scores
it after every epoch, for the network and for the perceptron alone; --cv
does so for every fold and pools the scores. The shipped model: --holdout 0
--epochs N trains on all of train and writes the model file plus its test
vectors (ingest/ner/testdata/). See README.md here.
"""

import argparse
import gzip
import json
import math
import struct
import sys
import time

import numpy as np
import jax
import jax.numpy as jnp
import optax

import feats
import infer


def load(path):
    rows = []
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            if r["tokens"]:
                rows.append(r)
    return rows


def build_vocab(rows, key, min_count):
    counts = {}
    for r in rows:
        for w in r["tokens"]:
            k = key(w)
            counts[k] = counts.get(k, 0) + 1
    items = sorted(k for k, c in counts.items() if c >= min_count)
    return items


# GloVe's vectors (--glove): a frozen table, row 0 the zero vector of
# words it does not know, and the words, int8 rows and scales it was made
# from (what the model file stores); set by main or read_model.
GLOVE = None
GLOVE_ID = {}
GLOVE_WORDS, GLOVE_Q, GLOVE_S = [], None, None


def load_glove(path):
    """Reads an .npz written by glove.py into GLOVE and GLOVE_ID."""
    g = np.load(path)
    set_glove(g["words"].tolist(), g["q"], g["scale"])


def set_glove(words, q, scale):
    """Sets GLOVE from int8 rows q and their half-precision scales."""
    global GLOVE, GLOVE_ID, GLOVE_WORDS, GLOVE_Q, GLOVE_S
    vecs = q.astype(np.float32) * scale.astype(np.float32)[:, None]
    GLOVE = np.concatenate([np.zeros((1, q.shape[1]), np.float32), vecs])
    GLOVE_ID = {w: i + 1 for i, w in enumerate(words)}
    GLOVE_WORDS, GLOVE_Q, GLOVE_S = list(words), q, scale


def encode(rows, words, sufs, doc=False):
    wid = {w: i + 2 for i, w in enumerate(words)}
    sid = {s: i + 2 for i, s in enumerate(sufs)}
    out = []
    if doc:
        by_doc = {}
        for r in rows:
            by_doc.setdefault(r["doc"], []).append(r)
        for d in by_doc.values():
            for r, c in zip(d, feats.doc_classes(d)):
                r["dclass"] = c
    for r in rows:
        toks = r["tokens"]
        out.append(dict(
            w=np.array([wid.get(feats.norm(t), feats.UNK) for t in toks], np.int32),
            s=np.array([sid.get(feats.suffix(t), feats.UNK) for t in toks], np.int32),
            sh=np.array([feats.shape(t) for t in toks], np.int32),
            p=np.array([feats.TAG_ID.get(l, 0) for l in r["perc"]], np.int32),
            o=np.array(r["dclass"], np.int32) if doc else np.full(len(toks), 1 if r["open"] else 0, np.int32),
            y=np.array([feats.TAG_ID.get(l, 0) for l in r["gold"]], np.int32),
            g=np.array([GLOVE_ID.get(feats.glove_key(t), 0) for t in toks], np.int32),
        ))
    return out


def init_params(key, V, S, a):
    ks = jax.random.split(key, 12)
    din = a.wdim + a.sdim + a.shdim + a.pdim + a.odim + a.gdim
    H = a.hidden
    NT = len(feats.TAGS)

    def u(k, shape, scale):
        return jax.random.uniform(k, shape, jnp.float32, -scale, scale)

    p = dict(
        wemb=u(ks[0], (V, a.wdim), 0.1), semb=u(ks[1], (S, a.sdim), 0.1),
        shemb=u(ks[2], (feats.NUM_SHAPES, a.shdim), 0.1), pemb=u(ks[3], (NT, a.pdim), 0.1),
        oemb=u(ks[4], (feats.NUM_DOC if a.doc else 2, a.odim), 0.1),
        out_w=u(ks[9], (2 * H, NT), 1 / math.sqrt(2 * H)), out_b=jnp.zeros(NT),
        trans=jnp.zeros((NT, NT)), start=jnp.zeros(NT), end=jnp.zeros(NT),
    )
    for d, (k1, k2) in (("f", (ks[5], ks[6])), ("b", (ks[7], ks[8]))):
        p[d + "_wx"] = u(k1, (din, 4 * H), 1 / math.sqrt(din))
        p[d + "_wh"] = u(k2, (H, 4 * H), 1 / math.sqrt(H))
        # forget gate bias 1: remember by default
        p[d + "_b"] = jnp.zeros(4 * H).at[H:2 * H].set(1.0)
    return p


def lstm(x, mask, wx, wh, b):
    """x [B,T,D], mask [B,T] -> h [B,T,H]; gates i, f, g, o."""
    H = wh.shape[0]
    xp = x @ wx + b  # [B,T,4H]

    def step(carry, inp):
        h, c = carry
        g, m = inp
        z = g + h @ wh
        i = jax.nn.sigmoid(z[:, :H])
        f = jax.nn.sigmoid(z[:, H:2 * H])
        gg = jnp.tanh(z[:, 2 * H:3 * H])
        o = jax.nn.sigmoid(z[:, 3 * H:])
        c2 = f * c + i * gg
        h2 = o * jnp.tanh(c2)
        m = m[:, None]
        return (m * h2 + (1 - m) * h, m * c2 + (1 - m) * c), h2

    B = x.shape[0]
    init = (jnp.zeros((B, H)), jnp.zeros((B, H)))
    _, hs = jax.lax.scan(step, init, (jnp.swapaxes(xp, 0, 1), jnp.swapaxes(mask, 0, 1)))
    return jnp.swapaxes(hs, 0, 1)


def emissions(p, b, key, train, a):
    w, o = b["w"], b["o"]
    if train:
        if a.doc and a.doc_drop > 0:
            k1, k2, k3, k4 = jax.random.split(key, 4)
        else:
            k1, k2, k3 = jax.random.split(key, 3)  # as before document classes: the attribution model retrains to the same bytes
        drop = jax.random.bernoulli(k1, a.word_drop, w.shape)
        w = jnp.where(drop & (w > 1), feats.UNK, w)
        if a.doc and a.doc_drop > 0:
            # Hide the document class now and then, so that the network
            # does not lean on it as much as CoNLL's consistent documents
            # would teach it to.
            o = jnp.where(jax.random.bernoulli(k4, a.doc_drop, o.shape), feats.DOC_NONE, o)
    x = jnp.concatenate([p["wemb"][w], p["semb"][b["s"]], p["shemb"][b["sh"]],
                         p["pemb"][b["p"]], p["oemb"][o]] + ([b["gv"]] if a.gdim else []), -1)
    if train:
        x = x * jax.random.bernoulli(k2, 1 - a.dropout, x.shape) / (1 - a.dropout)
    mask = b["mask"]
    lens = mask.sum(1).astype(jnp.int32)
    T = w.shape[1]
    t = jnp.arange(T)[None, :]
    rev = jnp.where(t < lens[:, None], lens[:, None] - 1 - t, t)
    hf = lstm(x, mask, p["f_wx"], p["f_wh"], p["f_b"])
    xr = jnp.take_along_axis(x, rev[:, :, None], 1)
    hb = lstm(xr, mask, p["b_wx"], p["b_wh"], p["b_b"])
    hb = jnp.take_along_axis(hb, rev[:, :, None], 1)
    h = jnp.concatenate([hf, hb], -1)
    if train:
        h = h * jax.random.bernoulli(k3, 1 - a.dropout, h.shape) / (1 - a.dropout)
    return h @ p["out_w"] + p["out_b"]


def crf_nll(p, em, y, mask):
    B, T, _ = em.shape
    lens = mask.sum(1).astype(jnp.int32)
    gold_em = (jnp.take_along_axis(em, y[:, :, None], 2)[:, :, 0] * mask).sum(1)
    tr = p["trans"][y[:, :-1], y[:, 1:]] * mask[:, 1:]
    last = jnp.take_along_axis(y, (lens - 1)[:, None], 1)[:, 0]
    gold = gold_em + tr.sum(1) + p["start"][y[:, 0]] + p["end"][last]

    def step(alpha, inp):
        e, m = inp
        nxt = jax.nn.logsumexp(alpha[:, :, None] + p["trans"][None], axis=1) + e
        m = m[:, None]
        return m * nxt + (1 - m) * alpha, None

    alpha0 = p["start"][None] + em[:, 0]
    alpha, _ = jax.lax.scan(step, alpha0, (jnp.swapaxes(em[:, 1:], 0, 1), jnp.swapaxes(mask[:, 1:], 0, 1)))
    logz = jax.nn.logsumexp(alpha + p["end"][None], axis=1)
    return (logz - gold).sum() / B


def batches(data, size, rng):
    idx = sorted(range(len(data)), key=lambda i: len(data[i]["w"]))
    chunks = [idx[i:i + size] for i in range(0, len(idx), size)]
    if rng is not None:
        rng.shuffle(chunks)
    for ch in chunks:
        T = max(len(data[i]["w"]) for i in ch)
        T = (T + 7) // 8 * 8
        b = {k: np.zeros((len(ch), T), np.int32) for k in ("w", "s", "sh", "p", "o", "y", "g")}
        b["mask"] = np.zeros((len(ch), T), np.float32)
        for j, i in enumerate(ch):
            n = len(data[i]["w"])
            for k in ("w", "s", "sh", "p", "o", "y", "g"):
                b[k][j, :n] = data[i][k]
            b["mask"][j, :n] = 1
        if GLOVE is not None:
            b["gv"] = GLOVE[b["g"]]
        del b["g"]
        yield ch, b


def spans(tags):
    """(start, end, type) spans of a BIO tag id sequence; an I- that does not
    continue a span of its type starts one (as ingest/ner/neural.go)."""
    out = []
    cur = None
    for i, t in enumerate(tags):
        name = feats.TAGS[t]
        if name == "O":
            if cur:
                out.append(tuple(cur))
            cur = None
            continue
        pre, typ = name.split("-")
        if pre == "I" and cur and cur[2] == typ:
            cur[1] = i + 1
            continue
        if cur:
            out.append(tuple(cur))
        cur = [i, i + 1, typ]
    if cur:
        out.append(tuple(cur))
    return out


def score_names(golds, preds):
    """Exact span F1 per CoNLL type and micro over PER, ORG and LOC, as
    conlleval counts (and newsgraph eval --cv scores the perceptron)."""
    res = {}
    counts = {}
    for typ in ("PER", "ORG", "LOC", "MISC"):
        tp = ng = np_ = 0
        for g, p in zip(golds, preds):
            gs = set(s for s in spans(g) if s[2] == typ)
            ps = set(s for s in spans(p) if s[2] == typ)
            tp, ng, np_ = tp + len(gs & ps), ng + len(gs), np_ + len(ps)
        counts[typ] = (tp, ng, np_)
        res[typ] = 2 * tp / max(ng + np_, 1)
    tp, ng, np_ = (sum(counts[t][i] for t in ("PER", "ORG", "LOC")) for i in range(3))
    res["micro"] = 2 * tp / max(ng + np_, 1)
    res["counts"] = (tp, ng, np_)
    return res


def fmt_names(r):
    return "PER+ORG+LOC %.4f (PER %.4f ORG %.4f LOC %.4f; MISC %.4f)" % (r["micro"], r["PER"], r["ORG"], r["LOC"], r["MISC"])


def score(golds, preds):
    """Exact span F1 per type, plus overlap F1 for contents (LOC)."""
    res = {}
    for typ, name in (("PER", "source"), ("ORG", "cue"), ("LOC", "content")):
        tp = ng = np_ = 0
        op = orr = 0
        for g, p in zip(golds, preds):
            gs = [s for s in spans(g) if s[2] == typ]
            ps = [s for s in spans(p) if s[2] == typ]
            ng += len(gs)
            np_ += len(ps)
            tp += len(set(gs) & set(ps))
            op += sum(any(a[0] < b[1] and b[0] < a[1] for b in gs) for a in ps)
            orr += sum(any(a[0] < b[1] and b[0] < a[1] for b in ps) for a in gs)
        f = 2 * tp / max(ng + np_, 1)
        P, R = op / max(np_, 1), orr / max(ng, 1)
        res[name] = f
        if typ == "LOC":
            res["content_overlap"] = 2 * P * R / max(P + R, 1e-9)
    return res


def fmt(r):
    return "source %.3f cue %.3f content %.3f content-overlap %.3f" % (r["source"], r["cue"], r["content"], r["content_overlap"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", choices=("attribution", "ner"), default="attribution",
                    help="attribution (PolNeAR source/cue/content) or ner (CoNLL PER/ORG/LOC/MISC names)")
    ap.add_argument("--dump", default="/tmp/neural/dump.jsonl")
    ap.add_argument("--holdout", type=int, default=5, help="score fold --fold of this many document folds (0: train on all)")
    ap.add_argument("--fold", type=int, default=0, help="the held-out fold, with --holdout")
    ap.add_argument("--cv", action="store_true", help="with --holdout K: train K networks, each scored on the fold it did not see, and print the pooled score")
    ap.add_argument("--doc", action="store_true", help="ner: the open-quote input becomes the word's document class (feats.doc_classes)")
    ap.add_argument("--doc-drop", type=float, default=0, help="with --doc: the share of training tokens whose document class is hidden")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--wdim", type=int, default=64)
    ap.add_argument("--sdim", type=int, default=16)
    ap.add_argument("--shdim", type=int, default=8)
    ap.add_argument("--pdim", type=int, default=16)
    ap.add_argument("--odim", type=int, default=4)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--glove", default="", help="an .npz of glove.py: GloVe's vectors as a frozen input")
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--word-drop", type=float, default=0.05)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--bonuses", default="0,0.25,0.5,1,2", help="perceptron-label emission bonuses scored on the held-out fold")
    ap.add_argument("--reexport", default="",
                    help="write this model file again with --bonus and --ungated (and new test vectors) instead of training")
    ap.add_argument("--ungated", action="store_true",
                    help="run the network on every sentence, not only where the perceptron finds a cue (scoring and the shipped model; always with --task ner)")
    ap.add_argument("--bonus", type=float, default=0.5, help="bonus written into the shipped model")
    ap.add_argument("--out", default="ingest/ner/attribution_neural.bin.gz")
    ap.add_argument("--write-held", action="store_true",
                    help="with --holdout: still write --out (a model that never saw the held-out fold, for nertrain -neural)")
    ap.add_argument("--vectors", default="ingest/ner/testdata/neural_vectors.json")
    a = ap.parse_args()
    if a.task == "ner":
        feats.use_tags(feats.NER_TAGS)
        a.ungated = True  # there is no cue to gate on

    if a.reexport:
        params, words, sufs = read_model(a.reexport, a)
        export(params, words, sufs, a)
        return
    a.gdim = 0
    if a.glove:
        load_glove(a.glove)
        a.gdim = GLOVE.shape[1]
    rows = load(a.dump)
    if a.holdout > 0 and "fold" in rows[0] and a.holdout != max(r["fold"] for r in rows) + 1:
        sys.exit("the dump's sentences are in %d folds (nertrain -dumpfolds): use --holdout %d" % (max(r["fold"] for r in rows) + 1, max(r["fold"] for r in rows) + 1))
    if a.cv:
        if a.holdout < 2:
            sys.exit("--cv needs --holdout K >= 2")
        pooled = {b: ([], []) for b in a.bonuses.split(",")}
        perc = ([], [])
        for fold in range(a.holdout):
            a.fold = fold
            _, _, _, held, preds = train_fold(rows, a)
            perc[0].extend(d["y"] for d in held)
            perc[1].extend(d["p"] for d in held)
            for b, p in preds.items():
                pooled[b][0].extend(d["y"] for d in held)
                pooled[b][1].extend(p)
        show = fmt_names if a.task == "ner" else fmt
        grade = score_names if a.task == "ner" else score
        print("pooled over %d folds, perceptron alone: %s" % (a.holdout, show(grade(*perc))), file=sys.stderr)
        for b, (g, p) in pooled.items():
            print("pooled over %d folds, bonus %s: %s" % (a.holdout, b, show(grade(g, p))), file=sys.stderr)
        return
    params, words, sufs, _, _ = train_fold(rows, a)
    if a.holdout > 0 and not a.write_held:
        return
    export(params, words, sufs, a)


def fold_of(row, k):
    """The row's fold of k: its dump's "fold" (CoNLL's contiguous blocks of
    documents, as newsgraph eval --cv), else its article number modulo k."""
    if "fold" in row:
        return row["fold"]
    return row["doc"] % k


def train_fold(rows, a):
    """Trains on the rows outside fold a.fold of a.holdout (all rows with
    --holdout 0), printing the held-out scores after every epoch. Returns
    the parameters, vocabularies, the encoded held-out rows and, per bonus,
    their tags after the last epoch."""
    if a.holdout > 0:
        train_rows = [r for r in rows if fold_of(r, a.holdout) != a.fold]
        held_rows = [r for r in rows if fold_of(r, a.holdout) == a.fold]
    else:
        train_rows, held_rows = rows, []
    words = build_vocab(train_rows, feats.norm, a.min_count)
    sufs = build_vocab(train_rows, feats.suffix, a.min_count)
    print("fold %d: train sentences %d, held-out %d, words %d, suffixes %d" % (a.fold, len(train_rows), len(held_rows), len(words), len(sufs)), file=sys.stderr)
    tr = encode(train_rows, words, sufs, a.doc)
    he = encode(held_rows, words, sufs, a.doc)

    params = init_params(jax.random.PRNGKey(a.seed), len(words) + 2, len(sufs) + 2, a)
    opt = optax.chain(optax.clip_by_global_norm(5.0), optax.adam(a.lr))
    state = opt.init(params)

    def loss_fn(p, b, key):
        em = emissions(p, b, key, True, a)
        return crf_nll(p, em, b["y"], b["mask"])

    @jax.jit
    def step(p, s, b, key):
        l, g = jax.value_and_grad(loss_fn)(p, b, key)
        up, s = opt.update(g, s, p)
        return optax.apply_updates(p, up), s, l

    @jax.jit
    def emit(p, b):
        return emissions(p, b, None, False, a)

    def predict(p, data, bonus):
        preds = [None] * len(data)
        trans, start, end = (np.asarray(p[k]) for k in ("trans", "start", "end"))
        for ch, b in batches(data, 64, None):
            em = np.asarray(emit(p, {k: jnp.asarray(v) for k, v in b.items()}))
            for j, i in enumerate(ch):
                n = len(data[i]["w"])
                if not a.ungated and not infer.has_cue(data[i]["p"]):
                    preds[i] = list(data[i]["p"])  # as Go: no perceptron cue, no network
                    continue
                e = em[j, :n].copy()
                e[np.arange(n), data[i]["p"]] += bonus
                preds[i] = infer.viterbi(e, trans, start, end)
        return preds

    show = fmt_names if a.task == "ner" else fmt
    grade = score_names if a.task == "ner" else score
    rng = np.random.default_rng(a.seed)
    key = jax.random.PRNGKey(a.seed + 1)
    t0 = time.time()
    if he:
        print("perceptron alone: " + show(grade([d["y"] for d in he], [d["p"] for d in he])), file=sys.stderr)
    bonuses = a.bonuses.split(",")
    preds = {}
    for ep in range(1, a.epochs + 1):
        tot = 0.0
        for _, b in batches(tr, a.batch, rng):
            key, sub = jax.random.split(key)
            params, state, l = step(params, state, {k: jnp.asarray(v) for k, v in b.items()}, sub)
            tot += float(l)
        msg = "epoch %d loss %.1f (%ds)" % (ep, tot, time.time() - t0)
        if he:
            for bo in bonuses:
                preds[bo] = predict(params, he, float(bo))
                msg += "\n  bonus %s: %s" % (bo, show(grade([d["y"] for d in he], preds[bo])))
        print(msg, file=sys.stderr, flush=True)
    return params, words, sufs, he, preds


def read_model(path, a):
    """The parameters and vocabularies of a model file written by export;
    sets a.hidden from its header. Training is deterministic, so a model
    re-exported with another bonus equals one trained with it."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"NGNEURAL", path
    (hl,) = struct.unpack("<I", data[8:12])
    header = json.loads(data[12:12 + hl].decode())
    feats.use_tags(header["tags"])
    a.hidden = header["hidden"]
    a.doc = header.get("doc", False)
    dims = header["dims"]
    a.wdim, a.sdim, a.shdim, a.pdim, a.odim = dims["word"], dims["suffix"], dims["shape"], dims["perc"], dims["open"]
    a.gdim = dims.get("glove", 0)
    off = 12 + hl
    params = {}
    for name, shape in header["tensors"]:
        n = int(np.prod(shape))
        params[name] = np.frombuffer(data[off:off + 2 * n], "<f2").reshape(shape).astype(np.float32)
        off += 2 * n
    if a.gdim:
        n = len(header["glove"])
        scale = np.frombuffer(data[off:off + 2 * n], "<f2")
        off += 2 * n
        q = np.frombuffer(data[off:off + n * a.gdim], np.int8).reshape(n, a.gdim)
        set_glove(header["glove"], q, scale)
    return params, header["words"], header["suffixes"]


def export(params, words, sufs, a):
    names = ["wemb", "semb", "shemb", "pemb", "oemb", "f_wx", "f_wh", "f_b", "b_wx", "b_wh", "b_b",
             "out_w", "out_b", "trans", "start", "end"]
    # float16 on disk; the Go model and the test vectors use the rounded values
    p16 = {k: np.asarray(params[k], np.float32).astype(np.float16) for k in names}
    header = dict(version=1, hidden=a.hidden, bonus=a.bonus, ungated=a.ungated)
    if a.doc:
        header["doc"] = True  # the third input is the document class (feats.doc_classes), not the open quotation
    header.update(tags=feats.TAGS, words=words, suffixes=sufs,
                  dims=dict(word=a.wdim, suffix=a.sdim, shape=a.shdim, perc=a.pdim, open=a.odim),
                  tensors=[[k, list(p16[k].shape)] for k in names])
    if a.gdim:
        # GloVe's words; after the tensors, their scales (half precision)
        # and int8 rows. The network's input weights for them are the
        # last a.gdim rows of f_wx and b_wx.
        # Sorted (by code point, as Go compares UTF-8 bytes), so that Go
        # looks a word up by binary search.
        order = sorted(range(len(GLOVE_WORDS)), key=lambda i: GLOVE_WORDS[i])
        header["dims"]["glove"] = a.gdim
        header["glove"] = [GLOVE_WORDS[i] for i in order]
    hb = json.dumps(header, ensure_ascii=False).encode()
    with gzip.open(a.out, "wb", compresslevel=9) as f:
        f.write(b"NGNEURAL")
        f.write(struct.pack("<I", len(hb)))
        f.write(hb)
        for k in names:
            f.write(p16[k].astype("<f2").tobytes())
        if a.gdim:
            f.write(GLOVE_S[order].astype("<f2").tobytes())
            f.write(GLOVE_Q[order].astype(np.int8).tobytes())
    print("wrote %s" % a.out, file=sys.stderr)
    model = infer.Model({k: v.astype(np.float32) for k, v in p16.items()}, words, sufs, a.hidden,
                        (GLOVE_ID, GLOVE) if a.gdim else None)
    vec = []
    if a.doc:
        # One invented document: the classes come from its perceptron tags
        # across its sentences, as ingest/ner computes them.
        rows = [dict(tokens=toks, perc=perc) for toks, perc in NAME_CASES]
        for r, classes in zip(rows, feats.doc_classes(rows)):
            em = model.emissions(r["tokens"], r["perc"], classes)
            vec.append(dict(tokens=r["tokens"], perc=r["perc"], classes=classes, emissions=em.tolist(),
                            tags=[feats.TAGS[t] for t in model.tag(r["tokens"], r["perc"], classes, a.bonus, True)]))
    else:
        for toks, perc, op in ATTRIBUTION_CASES:
            classes = [1 if op else 0] * len(toks)
            em = model.emissions(toks, perc, classes)
            vec.append(dict(tokens=toks, perc=perc, open=op, emissions=em.tolist(),
                            tags=[feats.TAGS[t] for t in model.tag(toks, perc, classes, a.bonus, a.ungated)]))
    with open(a.vectors, "w") as f:
        json.dump(vec, f, ensure_ascii=False, indent=1)
    print("wrote %s" % a.vectors, file=sys.stderr)


# Test sentences of the attribution model's vectors (invented).
ATTRIBUTION_CASES = [
    (["The", "minister", "said", "the", "plan", "was", "sound", "."], ["B-PER", "I-PER", "B-ORG", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "O"], False),
    (["\u201c", "We", "will", "win", ",", "\u201d", "she", "told", "reporters", "on", "Monday", "."],
     ["O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "B-PER", "B-ORG", "O", "O", "O", "O"], False),
    (["Prices", "rose", "3.5", "percent", "in", "May", "."], ["O"] * 7, False),
    (["and", "nobody", "knows", "why", ",", "\u201d", "Smith", "added", "."], ["B-LOC", "I-LOC", "I-LOC", "I-LOC", "O", "O", "B-PER", "B-ORG", "O"], True),
    (["According", "to", "officials", "at", "the", "agency", ",", "XYZ-9", "failed", "twice", "."],
     ["B-ORG", "I-ORG", "B-PER", "I-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "I-LOC", "O"], False),
]

# The name model's test document (invented): one word in two sentences with
# two types, words seen once, a word that is never in a name.
NAME_CASES = [
    (["Kestrel", "Motors", "Corp", "said", "on", "Monday", "that", "Anna", "Vale", "would", "lead", "it", "."],
     ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O"]),
    (["Kestrel", "shares", "rose", "in", "Valdor", "on", "Monday", "."],
     ["B-PER", "O", "O", "O", "B-LOC", "O", "O", "O"]),
    (["Vale", ",", "a", "former", "Valdor", "Cup", "winner", ",", "joined", "Kestrel", "in", "1994", "."],
     ["B-PER", "O", "O", "O", "B-MISC", "I-MISC", "O", "O", "O", "B-ORG", "O", "O", "O"]),
]


if __name__ == "__main__":
    main()
