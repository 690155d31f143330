"""Plain numpy inference of the neural attribution tagger, one sentence at a
time, as ingest/ner/neural.go does it: the reference for the Go test
vectors."""

import numpy as np

import feats


def viterbi(em, trans, start, end):
    """Best tag sequence under emissions em [n, T] and CRF scores."""
    n, T = em.shape
    score = start + em[0]
    back = np.zeros((n, T), np.int32)
    for t in range(1, n):
        cand = score[:, None] + trans  # [prev, cur]
        back[t] = cand.argmax(0)
        score = cand.max(0) + em[t]
    score = score + end
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def has_cue(tag_ids):
    """Whether a tag id sequence holds a cue (ORG slot): a gated network
    runs only on such sentences of the perceptron."""
    return any(feats.TAGS[t].endswith("ORG") for t in tag_ids)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class Model:
    def __init__(self, p, words, sufs, hidden, glove=None):
        """glove: (ids by feats.glove_key, table with the zero row 0) of a
        network that reads GloVe's vectors, else None."""
        self.p = p
        self.glove = glove
        self.wid = {w: i + 2 for i, w in enumerate(words)}
        self.sid = {s: i + 2 for i, s in enumerate(sufs)}
        self.H = hidden

    def _lstm(self, x, d):
        p, H = self.p, self.H
        h = np.zeros(H, np.float32)
        c = np.zeros(H, np.float32)
        out = []
        for t in range(len(x)):
            z = x[t] @ p[d + "_wx"] + p[d + "_b"] + h @ p[d + "_wh"]
            i, f = sigmoid(z[:H]), sigmoid(z[H:2 * H])
            g, o = np.tanh(z[2 * H:3 * H]), sigmoid(z[3 * H:])
            c = f * c + i * g
            h = o * np.tanh(c)
            out.append(h)
        return np.array(out)

    def emissions(self, toks, perc, classes):
        """classes: per token, the row of the third input table (oemb):
        1 inside a quotation opened before the sentence, else 0, for
        attribution; the document class (feats.doc_classes) for names."""
        p = self.p
        rows = []
        for t, l, c in zip(toks, perc, classes):
            rows.append(np.concatenate([
                p["wemb"][self.wid.get(feats.norm(t), feats.UNK)],
                p["semb"][self.sid.get(feats.suffix(t), feats.UNK)],
                p["shemb"][feats.shape(t)],
                p["pemb"][feats.TAG_ID.get(l, 0)],
                p["oemb"][c]] + ([self.glove[1][self.glove[0].get(feats.glove_key(t), 0)]] if self.glove else [])))
        x = np.array(rows, np.float32)
        hf = self._lstm(x, "f")
        hb = self._lstm(x[::-1], "b")[::-1]
        return np.concatenate([hf, hb], 1) @ p["out_w"] + p["out_b"]

    def tag(self, toks, perc, classes, bonus, ungated=False):
        ids = [feats.TAG_ID.get(l, 0) for l in perc]
        if not ungated and not has_cue(ids):
            return ids
        em = self.emissions(toks, perc, classes)
        for i, l in enumerate(perc):
            em[i, feats.TAG_ID.get(l, 0)] += bonus
        return viterbi(em, self.p["trans"], self.p["start"], self.p["end"])
