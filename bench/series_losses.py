"""Where series detection loses pairs on a labelled corpus, by kind of loss.

`series_eval.py` says how much is lost; this says where, so the claim that most false
pairs on the blogs never studied lie in runs the sites declare nothing of can be
checked with one command instead of throwaway scripts:

    .venv/bin/python bench/series_losses.py            # the unseen corpus
    .venv/bin/python bench/series_losses.py --shared   # the shared corpus

The posts scored are those of the headline row (multi-part series visible in title or
URL, recurring columns left out), as the shared eval.py keeps them. A false pair is two
posts of one predicted group that no labelled series holds together; it lies in

* an *undeclared* group: every scored post of the group is labelled standalone (a run
  the site declares nothing of, or a template mistaken for a series);
* a *declared + standalone* group: labelled series posts with standalone ones;
* a *two declared* group: posts of two or more labelled series.

A missed pair is two posts of one labelled series that no predicted group holds
together: *both alone* (neither post is grouped), *one alone*, or *split* (both grouped,
apart). The last line recomputes the macro series F1 without the false pairs of
undeclared groups: not a score, the size of what the labels alone decide. The held-out
corpus is never read here (only its summary lines are ever printed).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from series_eval import DEFAULT_CORPUS, UNSEEN_CORPUS, load, predict

Record = dict[str, object]


def scored(record: Record) -> bool:
    """The headline row's filter: eval.py's --exclude-kind recurring
    --exclude-signal metadata_only."""
    if record.get("series") is None:
        return True
    return record.get("series_kind") != "recurring" and record.get("signal") != "metadata_only"


def _f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def losses(records: list[Record], preds: list[Record]) -> dict[str, object]:
    """Counts of false and missed pairs by kind, and the two macro F1s."""
    by_blog: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        if scored(r):
            by_blog[str(r["blog"])].append(i)
    false_kinds: Counter[str] = Counter()
    missed_kinds: Counter[str] = Counter()
    f1s: list[float] = []
    f1s_declared: list[float] = []
    for idx in by_blog.values():
        gold = {i: records[i].get("series") for i in idx}
        pred = {i: preds[i].get("series_key") for i in idx}
        groups: dict[object, list[int]] = defaultdict(list)
        for i in idx:
            if pred[i] is not None:
                groups[pred[i]].append(i)
        tp = fp = fn = fp_undeclared = 0
        for members in groups.values():
            series = {gold[i] for i in members}
            kind = (
                "undeclared"
                if series == {None}
                else "declared + standalone"
                if None in series
                else "two declared"
            )
            for a, b in combinations(members, 2):
                if gold[a] is not None and gold[a] == gold[b]:
                    tp += 1
                else:
                    fp += 1
                    false_kinds[kind] += 1
                    fp_undeclared += kind == "undeclared"
        for a, b in combinations(idx, 2):
            if gold[a] is None or gold[a] != gold[b]:
                continue
            if pred[a] is not None and pred[a] == pred[b]:
                continue
            fn += 1
            alone = (pred[a] is None) + (pred[b] is None)
            missed_kinds[("split", "one alone", "both alone")[alone]] += 1
        if tp + fp + fn:
            f1s.append(_f1(tp, fp, fn))
        if tp + fp - fp_undeclared + fn:
            f1s_declared.append(_f1(tp, fp - fp_undeclared, fn))
    return {
        "false": false_kinds,
        "missed": missed_kinds,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 1.0,
        "macro_f1_declared": sum(f1s_declared) / len(f1s_declared) if f1s_declared else 1.0,
    }


def report(found: dict[str, object]) -> list[str]:
    false_kinds: Counter[str] = found["false"]  # type: ignore[assignment]
    missed_kinds: Counter[str] = found["missed"]  # type: ignore[assignment]
    lines = [f"false pairs: {sum(false_kinds.values())}"]
    for kind in ("undeclared", "declared + standalone", "two declared"):
        lines.append(f"  in {kind + ' groups':28s} {false_kinds[kind]:6d}")
    lines.append(f"missed pairs: {sum(missed_kinds.values())}")
    for kind in ("both alone", "one alone", "split"):
        lines.append(f"  {kind:31s} {missed_kinds[kind]:6d}")
    lines.append(f"series F1 (macro, the headline row):        {found['macro_f1']:.4f}")
    lines.append(
        f"  without undeclared groups' false pairs:   {found['macro_f1_declared']:.4f}"
        " (not a score: what the labels alone decide)"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", action="store_true", help="the shared corpus")
    parser.add_argument("--corpus", type=Path, help="another corpus directory or .jsonl")
    args = parser.parse_args(argv)
    corpus = args.corpus or (DEFAULT_CORPUS if args.shared else UNSEEN_CORPUS)
    if "heldout" in str(corpus):
        parser.error("the held-out corpus is summary-only: use series_eval.py --heldout")
    records = load(corpus)
    preds, _ = predict(records)
    print(f"# {corpus}")
    print("\n".join(report(losses(records, preds))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
