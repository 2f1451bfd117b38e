#!/usr/bin/env python3
"""Builds pseudo job descriptions from labelled O*NET task statements and scores rolecheck's role verdicts.

Each occupation (column 4 of the TSV) yields: its whole task list as a bulleted document, and N random
subsets of 5-10 of its tasks, each rendered as a bulleted list, a numbered list with a title, and a
prose paragraph. The gold label of a document is its occupation's label (sales or marketing), so
`hybrid`, `other` and `unknown` verdicts count as wrong. Deterministic (fixed seed).

Occupations that are neither (`--other`, default onet_other_dev.tsv) yield their task list as bullets,
as a numbered list with the occupation as title, and as prose; their gold label is `other`, and the
bar is the share of them that get a verdict other than sales, marketing or hybrid.

The data sits in ../shared/data beside the source tree (as tests/cli/accuracy.sh expects it).
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")


def load(paths):
    by_occupation = collections.defaultdict(list)
    labels = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            col = {name: i for i, name in enumerate(header)}
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                occupation = fields[col["occupation"]]
                by_occupation[occupation].append(fields[col["text"]])
                labels[occupation] = fields[col["label"]]
    return by_occupation, labels


def render(style, occupation, tasks):
    if style == "bullets":
        return "\n".join("- " + t for t in tasks) + "\n"
    if style == "titled":
        return occupation + "\n\nTasks:\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(tasks, 1)) + "\n"
    return " ".join(tasks) + "\n"  # prose


def build(by_occupation, labels, subsets, seed, hybrids):
    rng = random.Random(seed)
    documents = []
    for occupation in sorted(by_occupation):
        tasks = by_occupation[occupation]
        documents.append(("full", occupation, labels[occupation], render("bullets", occupation, tasks)))
        for _ in range(subsets):
            size = min(len(tasks), rng.randint(5, 10))
            chosen = rng.sample(tasks, size)
            for style in ("bullets", "titled", "prose"):
                documents.append((style, occupation, labels[occupation], render(style, occupation, chosen)))
    # Hybrids (not part of the bar): 3-5 tasks of a sales occupation and 3-5 of a marketing one, shuffled.
    sales = sorted(o for o in by_occupation if labels[o] == "sales")
    marketing = sorted(o for o in by_occupation if labels[o] == "marketing")
    for _ in range(hybrids):
        a, b = rng.choice(sales), rng.choice(marketing)
        chosen = rng.sample(by_occupation[a], min(len(by_occupation[a]), rng.randint(3, 5)))
        chosen += rng.sample(by_occupation[b], min(len(by_occupation[b]), rng.randint(3, 5)))
        rng.shuffle(chosen)
        documents.append(("hybrid", f"{a} + {b}", "hybrid", render("bullets", "", chosen)))
    return documents


def build_other(by_occupation):
    """Each occupation that is neither: its tasks as bullets, numbered under a title, and as prose."""
    documents = []
    for occupation in sorted(by_occupation):
        tasks = by_occupation[occupation]
        for style in ("bullets", "titled", "prose"):
            documents.append(("other-" + style, occupation, "other", render(style, occupation, tasks)))
    return documents


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rolecheck", default="build/rolecheck")
    parser.add_argument("--taxonomy", help="taxonomy file (default: the embedded one)")
    parser.add_argument("--subsets", type=int, default=10, help="random subsets per occupation")
    parser.add_argument("--hybrids", type=int, default=60, help="sales+marketing mixtures (reported apart)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--errors", type=int, default=0, help="list this many wrong verdicts")
    parser.add_argument("--write", help="also write the pseudo-documents as JSONL to this file")
    parser.add_argument("--other", nargs="*", default=[os.path.join(DATA, "onet_other_dev.tsv")],
                        help="task lists of occupations that are neither (gold: other); none to skip")
    parser.add_argument("tsv", nargs="*", default=[os.path.join(DATA, "onet_tasks_dev.tsv")])
    args = parser.parse_args()

    by_occupation, labels = load(args.tsv)
    documents = build(by_occupation, labels, args.subsets, args.seed, args.hybrids)
    if args.other:
        documents += build_other(load(args.other)[0])
    lines = [json.dumps({"id": i, "label": gold, "style": style, "occupation": occ, "text": text})
             for i, (style, occ, gold, text) in enumerate(documents)]
    if args.write:
        with open(args.write, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    command = [args.rolecheck]
    if args.taxonomy:
        command += ["--taxonomy", args.taxonomy]
    command += ["classify", "--input", "jsonl", "--format", "jsonl", "-"]
    run = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"rolecheck failed ({run.returncode}): {run.stderr}")
    records = [json.loads(line) for line in run.stdout.splitlines()]

    totals = collections.Counter()
    right = collections.Counter()
    verdicts = collections.Counter()
    wrong = []
    for record in records:
        style = record["style"]
        gold = record["input"]["label"]
        if style.startswith("other-"):
            # Not a sales or marketing role: any verdict but sales, marketing and hybrid is right.
            ok = record["label"] in ("other", "unknown")
            keys = (style, "other")
            right["other-exact"] += record["label"] == "other"
        else:
            ok = record["label"] == gold
            keys = (style, "all") if style != "hybrid" else (style,)
        for key in keys:
            totals[key] += 1
            right[key] += ok
        verdicts[(gold, record["label"])] += 1
        if not ok and style != "hybrid":
            wrong.append(record)
    for key in ("all", "full", "bullets", "titled", "prose", "hybrid", "other", "other-bullets", "other-titled",
                "other-prose"):
        if totals[key]:
            print(f"{key:13} accuracy {right[key] / totals[key]:.3f}  ({right[key]}/{totals[key]})")
    if totals["other"]:
        print(f"{'other-exact':13} share    {right['other-exact'] / totals['other']:.3f}  "
              f"({right['other-exact']}/{totals['other']} got the verdict other itself)")
    print("(all = the bar for sales and marketing occupations; other = the bar for occupations that are neither,")
    print(" right when not sales, marketing or hybrid; hybrid = mixtures, reported apart)")
    print("gold -> verdict:", ", ".join(f"{g}->{p}: {n}" for (g, p), n in sorted(verdicts.items())))
    for record in wrong[: args.errors]:
        print(f"\n[{record['style']}] {record['occupation']} gold={record['input']['label']} "
              f"got={record['label']} shares={record['shares']} duties={record.get('duty_shares')}")
        for duty in record["duties"]:
            print(f"   {duty['label']:9} {duty['text'][:100]}")


if __name__ == "__main__":
    main()
