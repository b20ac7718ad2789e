"""Part-number helpers: gaps and how they are written."""

from __future__ import annotations

from readinglist.model.parts import format_part_ranges, missing_parts, part_runs


def test_missing_parts_rules() -> None:
    assert missing_parts([1, 2, 4]) == (3,)
    assert missing_parts([0, 2]) == (1,)
    assert missing_parts([]) == ()
    assert missing_parts([1, 5000]) == ()  # an absurd gap is not listed part by part


def test_runs_fold_consecutive_numbers() -> None:
    assert part_runs([8, 7, 1, 2, 3, 5, 2]) == [(1, 3), (5, 5), (7, 8)]
    assert part_runs([]) == []


def test_gaps_are_written_as_ranges() -> None:
    assert format_part_ranges(missing_parts([13, 16])) == "1\u201312, 14\u201315"
    assert format_part_ranges([3]) == "3"
    assert format_part_ranges([3, 4]) == "3\u20134"
    assert format_part_ranges([]) == ""
