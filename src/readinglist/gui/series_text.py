"""How the window words a series' progress and its missing parts (plain text, no Qt).

Why one module: the tree, its tooltips and the series pane all say the same things, and
a reader comparing them must see the same words. "0/2" hid that fourteen parts were
missing; "0 of 2 read · 14 missing" does not. Missing parts come in runs, and a run is
said once ("Parts 1–12"), never as twelve rows or twelve numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from readinglist.model.parts import format_part_ranges, format_run, part_runs

NOT_IN_FEED = "not in the feed"


def series_progress(read: int, total: int, missing: int = 0) -> str:
    """ "0 of 2 read · 14 missing"; without the missing part when none are."""
    text = f"{read} of {total} read"
    return f"{text} · {missing} missing" if missing else text


def run_label(first: int, last: int) -> str:
    """ "Part 3" for one part, "Parts 1–12" for a run."""
    return f"Part {first}" if first == last else f"Parts {format_run(first, last)}"


def missing_run_row(first: int, last: int) -> str:
    """The grey row standing for a run of missing parts: "Parts 1–12 — not in the feed"."""
    return f"{run_label(first, last)} — {NOT_IN_FEED}"


def missing_runs(missing: Sequence[int]) -> list[tuple[int, int]]:
    """The runs of missing part numbers, ascending: [(1, 12), (14, 15)]."""
    return part_runs(missing)


def missing_summary(missing: Sequence[int]) -> str:
    """ "Missing: 1–12, 14–15" (empty when nothing is missing)."""
    return f"Missing: {format_part_ranges(missing)}" if missing else ""


def missing_run_tooltip(first: int, last: int) -> str:
    """Why a run row is there and what can be done about it."""
    subject = f"Part {first} is" if first == last else f"Parts {format_run(first, last)} are"
    return (
        f"{subject} not in the feed (feeds often list only their newest posts).\n"
        "“Find missing parts” (right-click, or the series page) searches its own site."
    )
