"""Score feeds.series.group() on the hand-labelled series corpus.

usage: python bench/series_eval.py [--corpus PATH] [--both] [--verbose] [--errors BLOG]
       python bench/series_eval.py --heldout

--corpus PATH  a corpus in the shared corpus' schema: its directory or its .jsonl file
               (default: the shared corpus). It is always scored by the shared eval.py.
--both         score the shared corpus and bench/data/series-unseen/ one after the other.
--heldout      score bench/data/series-heldout/, printing only its three summary lines
               (series_f1 / part_acc / standalone_f1 per view), never per-blog figures or
               per-post errors: the rules are not tuned on it. Refuses --errors and -v;
               --both leaves it out. A blog on which group() raises is reported as a
               FAILED line and left out of the scores.

Each blog of the corpus is treated as one feed: group() sees all its posts at once.
Predictions are written to a temporary jsonl file and scored by the corpus' own
eval.py for three filters: all posts; multi-part series only; multi-part series whose
membership is visible in the title or URL. The last line of each block is the score.
Then one line of our own for what those filters leave out, the recurring columns
("scored apart"): pairwise F1 over the posts of labelled columns, macro over the blogs
that have one, and how many of those posts are shown as a column (``columns_line``).
The held-out corpus gets no such line: it has too few columns for a figure that says
nothing of one blog.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from readinglist.feeds.series.detect import group  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "series-eval"
UNSEEN_CORPUS = ROOT / "bench" / "data" / "series-unseen"
HELDOUT_CORPUS = ROOT / "bench" / "data" / "series-heldout"
FILTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("all posts", ()),
    ("multipart only", ("--exclude-kind", "recurring")),
    (
        "multipart, title/URL-visible",
        ("--exclude-kind", "recurring", "--exclude-signal", "metadata_only"),
    ),
)


def corpus_file(corpus: Path) -> Path:
    """A corpus given as its directory or as its jsonl file."""
    return corpus / "corpus.jsonl" if corpus.is_dir() else corpus


def load(corpus: Path) -> list[dict[str, object]]:
    with corpus_file(corpus).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(
    records: list[dict[str, object]], failures: dict[str, str] | None = None
) -> tuple[list[dict[str, object]], float]:
    """group() once per blog; returns predictions in corpus order and the seconds spent.

    With ``failures``, an exception from group() on a blog is recorded there (blog ->
    message) instead of raised, and that blog's predictions stay empty.
    """
    by_blog: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        by_blog[str(r["blog"])].append(i)
    preds: list[dict[str, object]] = [{} for _ in records]
    start = time.perf_counter()
    for blog, idx in by_blog.items():
        posts = [
            (
                str(records[i]["title"]),
                str(records[i]["url"]) if records[i].get("url") else None,
                [str(c) for c in records[i].get("categories") or []],  # type: ignore[attr-defined]
                str(records[i].get("published") or "") or None,
            )
            for i in idx
        ]
        try:
            guesses = group(posts)
        except Exception as exc:
            if failures is None:
                raise
            failures[blog] = f"{type(exc).__name__}: {exc}"
            continue
        for i, guess in zip(idx, guesses, strict=True):
            preds[i] = {"series_key": guess.key, "part": guess.part, "kind": guess.kind}
    return preds, time.perf_counter() - start


def score(
    corpus: Path, preds: list[dict[str, object]], verbose: bool, echo: bool = True
) -> list[str]:
    """Run the shared eval.py for each filter; return the final score line of each
    (``echo``: also print each filter's whole block)."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "predictions.jsonl"
        with pred_path.open("w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        for label, extra in FILTERS:
            cmd = [
                sys.executable,
                str(DEFAULT_CORPUS / "eval.py"),
                str(corpus_file(corpus)),
                str(pred_path),
                *extra,
            ]
            if not verbose:
                cmd.append("--quiet")
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            if echo:
                print(f"== {label} {' '.join(extra)}")
                print(out.rstrip())
            lines.append(out.strip().splitlines()[-1])
    return lines


def columns_line(records: list[dict[str, object]], preds: list[dict[str, object]]) -> str:
    """How the recurring columns the labels name are found, which eval.py's filters
    leave out ("scored apart"): pairwise F1 over the posts of labelled columns only
    (two posts of one column in one predicted group is a pair found; macro over the
    blogs that have a column), and how many of those posts are shown as a column."""
    by_blog: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        if r.get("series") is not None and r.get("series_kind") == "recurring":
            by_blog[str(r["blog"])].append(i)
    f1s: list[float] = []
    for idx in by_blog.values():
        gold = _pairs([records[i].get("series") for i in idx])
        found = _pairs([preds[i].get("series_key") for i in idx])
        if not gold:
            continue
        tp = len(gold & found)
        precision = tp / len(found) if found else 0.0
        recall = tp / len(gold)
        f1s.append(2 * precision * recall / (precision + recall) if tp else 0.0)
    posts = [i for idx in by_blog.values() for i in idx]
    shown = sum(1 for i in posts if preds[i].get("kind") == "recurring" and preds[i]["series_key"])
    f1 = sum(f1s) / len(f1s) if f1s else 0.0
    return (
        f"columns_f1={f1:.4f} (macro over {len(f1s)} blogs)"
        f" shown_as_column={shown}/{len(posts)} labelled column posts"
    )


def _pairs(keys: list[object]) -> set[tuple[int, int]]:
    """Index pairs that share a key (None shares nothing)."""
    groups: dict[object, list[int]] = defaultdict(list)
    for n, key in enumerate(keys):
        if key is not None:
            groups[key].append(n)
    return {(a, b) for members in groups.values() for a in members for b in members if a < b}


def show_errors(
    records: list[dict[str, object]], preds: list[dict[str, object]], blog: str
) -> None:
    """Print every post of ``blog`` as gold | predicted, to see where the rules fail."""
    for r, p in zip(records, preds, strict=True):
        if r["blog"] != blog:
            continue
        if r.get("series") and (
            r.get("series_kind") == "recurring" or r.get("signal") == "metadata_only"
        ):
            continue  # not scored by the strictest filter
        gold = (r.get("series"), r.get("part"))
        mark = "  " if (gold[0] is None) == (p["series_key"] is None) else "XX"
        if gold[1] is not None and gold[1] != p["part"]:
            mark = mark.strip() + "P"
        print(
            f"{mark:3s} {gold!s:40.40s} | {p['series_key']!s:30.30s} {p['part']!s:5s}"
            f" | {r['title']}"
        )


def run(corpus: Path, verbose: bool, errors: str | None) -> list[str]:
    """Predict and score one corpus; return its summary lines."""
    records = load(corpus)
    preds, seconds = predict(records)
    print(f"# {corpus_file(corpus)}")
    print(f"group() on {len(records)} posts: {seconds * 1000:.0f} ms")
    if errors:
        show_errors(records, preds, errors)
        return []
    lines = [
        f"{label:32s} {line}"
        for label, line in zip((f[0] for f in FILTERS), score(corpus, preds, verbose), strict=True)
    ]
    return [*lines, f"{'recurring columns (scored apart)':32s} {columns_line(records, preds)}"]


def run_heldout() -> int:
    """Score the held-out corpus; print its summary lines only (and any blog that fails)."""
    records = load(HELDOUT_CORPUS)
    failures: dict[str, str] = {}
    preds, _ = predict(records, failures)
    print(f"# {corpus_file(HELDOUT_CORPUS)} (held out: summary lines only)")
    for blog, error in sorted(failures.items()):
        n = sum(1 for r in records if r["blog"] == blog)
        print(f"FAILED {blog}: group() raised {error}; its {n} posts are left out of the scores")
    kept = [i for i, r in enumerate(records) if r["blog"] not in failures]
    if not kept:
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        scored = Path(tmp) / "corpus.jsonl"
        with scored.open("w", encoding="utf-8") as f:
            for i in kept:
                f.write(json.dumps(records[i], ensure_ascii=False) + "\n")
        lines = score(scored, [preds[i] for i in kept], verbose=False, echo=False)
    for label, line in zip((f[0] for f in FILTERS), lines, strict=True):
        print(f"{label:32s} {line}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus_dir", nargs="?", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help="corpus directory or .jsonl (default: shared)")
    ap.add_argument("--both", action="store_true", help="the shared and the unseen corpus")
    ap.add_argument("--heldout", action="store_true", help="the held-out corpus, summary only")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-blog table from eval.py")
    ap.add_argument("--errors", metavar="BLOG", help="list gold vs predicted for one blog")
    args = ap.parse_args(argv)
    if args.heldout:
        if args.errors or args.verbose:
            ap.error("--heldout prints summary lines only: no --errors, no -v/--verbose")
        if args.both or args.corpus or args.corpus_dir:
            ap.error("--heldout scores the held-out corpus alone")
        if not corpus_file(HELDOUT_CORPUS).is_file():
            print(f"corpus not found: {HELDOUT_CORPUS}", file=sys.stderr)
            return 2
        return run_heldout()
    if args.both:
        corpora = [DEFAULT_CORPUS, UNSEEN_CORPUS]
    else:
        corpora = [args.corpus or args.corpus_dir or DEFAULT_CORPUS]
    for corpus in corpora:
        if not corpus_file(corpus).is_file():
            print(f"corpus not found: {corpus}", file=sys.stderr)
            return 2
    summary: list[tuple[Path, list[str]]] = []
    for corpus in corpora:
        summary.append((corpus, run(corpus, args.verbose, args.errors)))
    if args.errors:
        return 0
    for corpus, lines in summary:
        if len(summary) > 1:
            print(f"\n## {corpus_file(corpus)}")
        for line in lines:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
