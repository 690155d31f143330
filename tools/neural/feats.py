"""Token features of the neural attribution tagger.

ingest/ner/neural.go computes the same features in Go; any change here must
be made there too (the test vectors written by train.py check that both
agree).
"""

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
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
