#!/usr/bin/env python3
"""Writes the benchmark corpus and the grep floor's word list, deterministically (fixed seed).

usage: make_corpus.py DATA_DIR OUT_DIR [LINES]
OUT_DIR/corpus.txt: LINES duty lines sampled with replacement from the `text` column of DATA_DIR/*.tsv.
OUT_DIR/words.txt:  the 400 most frequent lower-case words of the corpus (ties broken alphabetically).
OUT_DIR/train.txt:  the labelled rows in fastText's format (__label__sales text).
OUT_DIR/postings.jsonl: DOCUMENTS job postings ({"id", "text"}; LINES / 20 by default), each an
                    occupation's title, a "Responsibilities" heading and 6-12 of its duties as bullets."""
import collections
import glob
import json
import os
import random
import re
import sys


def main() -> None:
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    lines = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    texts, train = [], []
    by_occupation = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(data_dir, "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            label_col, text_col = header.index("label"), header.index("text")
            for row in f:
                fields = row.rstrip("\n").split("\t")
                texts.append(fields[text_col])
                if "occupation" in header:
                    by_occupation[fields[header.index("occupation")]].append(fields[text_col])
                train.append(f"__label__{fields[label_col]} {fields[text_col]}\n")
    rng = random.Random(20240501)
    counts = collections.Counter()
    sampled = [0] * len(texts)
    with open(os.path.join(out_dir, "corpus.txt"), "w", encoding="utf-8") as out:
        for _ in range(lines):
            index = int(rng.random() * len(texts))
            sampled[index] += 1
            out.write(texts[index] + "\n")
    for text, times in zip(texts, sampled):  # word frequencies of the corpus
        for word in re.findall(r"[a-z]+", text.lower()):
            counts[word] += times
    words = sorted(counts, key=lambda w: (-counts[w], w))[:400]
    with open(os.path.join(out_dir, "words.txt"), "w", encoding="utf-8") as out:
        out.write("".join(w + "\n" for w in words))
    with open(os.path.join(out_dir, "train.txt"), "w", encoding="utf-8") as out:
        out.write("".join(train))
    occupations = sorted(by_occupation)
    with open(os.path.join(out_dir, "postings.jsonl"), "w", encoding="utf-8") as out:
        for number in range(max(1, lines // 20)):
            occupation = occupations[int(rng.random() * len(occupations))]
            duties = by_occupation[occupation]
            picked = [duties[int(rng.random() * len(duties))] for _ in range(6 + int(rng.random() * 7))]
            text = occupation + "\n\nResponsibilities\n" + "".join("- " + d + "\n" for d in picked)
            out.write(json.dumps({"id": number, "text": text}) + "\n")


if __name__ == "__main__":
    main()
