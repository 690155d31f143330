"""Token features of the neural attribution tagger.

ingest/ner/neural.go computes the same features in Go; any change here must
be made there too (the test vectors written by train.py check that both
agree).
"""

# Attribution's slots travel under the name tagger's type names (source as
# PER, cue as ORG, content as LOC), as in ingest/ner/attribution.go.
ATTRIBUTION_TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
# The name tagger's CoNLL types.
NER_TAGS = ATTRIBUTION_TAGS + ["B-MISC", "I-MISC"]

TAGS = ATTRIBUTION_TAGS
TAG_ID = {t: i for i, t in enumerate(TAGS)}


def use_tags(tags):
    """Switch the tag set (train.py --task): the model file names it."""
    global TAGS, TAG_ID
    TAGS = list(tags)
    TAG_ID = {t: i for i, t in enumerate(TAGS)}

# Quotation marks: their own shape class, since quotes delimit contents.
QUOTES = set(['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "``", "''"])

UNK = 1  # id 0 is padding, 1 unknown, real entries start at 2


def norm(word):
    """Lower case with ASCII digits folded to 0."""
    out = []
    for c in word.lower():
        out.append("0" if "0" <= c <= "9" else c)
    return "".join(out)


def glove_key(word):
    """The key of a word in GloVe's table: lower case, digits kept."""
    return word.lower()


def suffix(word):
    """The last three characters of the normalised word."""
    w = norm(word)
    return w[-3:]


def shape(word):
    """A small word-shape class (1..7)."""
    if word in QUOTES:
        return 1
    if not any(c.isalpha() or c.isdigit() for c in word):
        return 2
    if any("0" <= c <= "9" for c in word):
        return 3
    letters = [c for c in word if c.isalpha()]
    if word[0].isupper():
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return 4
        return 5
    if all(c.islower() for c in letters):
        return 6
    return 7


NUM_SHAPES = 8


# Document classes of a word (doc_classes): how the perceptron labelled the
# same word elsewhere in its document.
DOC_NONE, DOC_O = 0, 1  # not elsewhere (or not capitalised); elsewhere, never in a name
DOC_TYPES = ["PER", "ORG", "LOC", "MISC"]  # 2 + index: the type it had most often elsewhere
NUM_DOC = 2 + len(DOC_TYPES)


def doc_classes(rows):
    """Per row of one document, per token, its document class: for a
    capitalised word, the type the perceptron gave it most often at its
    other occurrences in the document (ties to the earliest type in
    DOC_TYPES), DOC_O when it is never in a name there, DOC_NONE when it
    does not occur elsewhere."""
    seen = {}  # word -> list of (row, pos, type or None)
    for ri, r in enumerate(rows):
        for i, (w, l) in enumerate(zip(r["tokens"], r["perc"])):
            if not w[:1].isupper():
                continue
            seen.setdefault(w, []).append((ri, i, None if l == "O" else l[2:]))
    out = [[DOC_NONE] * len(r["tokens"]) for r in rows]
    for w, occ in seen.items():
        if len(occ) < 2:
            continue
        for ri, i, _ in occ:
            counts = [0] * len(DOC_TYPES)
            for rj, j, t in occ:
                if (rj, j) != (ri, i) and t is not None:
                    counts[DOC_TYPES.index(t)] += 1
            best = max(range(len(DOC_TYPES)), key=lambda k: (counts[k], -k))
            out[ri][i] = DOC_O if counts[best] == 0 else 2 + best
    return out
