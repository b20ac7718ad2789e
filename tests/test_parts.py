"""Part-number helpers: gaps and how they are written."""

from __future__ import annotations

from datetime import UTC, datetime

from readinglist.model.parts import (
    covered,
    format_part_ranges,
    in_reading_order,
    missing_around_unnumbered,
    missing_parts,
    part_runs,
    part_words,
)


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


def test_unnumbered_posts_dated_in_a_gap_hold_its_numbers() -> None:
    day = [datetime(2031, 3, d, tzinfo=UTC) for d in range(1, 11)]
    # parts 1 and 4; two unnumbered posts of day 3 hold 2 and 3
    assert missing_around_unnumbered([(1, day[0]), (4, day[5])], [day[2], day[2]]) == ()
    # one unnumbered post cannot hold two numbers
    assert missing_around_unnumbered([(1, day[0]), (4, day[5])], [day[2]]) == (2, 3)
    # an unnumbered post after the last part holds nothing: a side story, an epilogue
    assert missing_around_unnumbered([(1, day[0]), (3, day[4])], [day[8]]) == (2,)
    # the first parts, before the first numbered one, held by posts dated before it
    assert missing_around_unnumbered([(3, day[5])], [day[1], day[2]]) == ()
    # each post holds one number in one gap only
    two_gaps = missing_around_unnumbered([(1, day[0]), (3, day[4]), (5, day[8])], [day[2]])
    assert two_gaps == (4,)
    # undated posts place nothing
    assert missing_around_unnumbered([(1, day[0]), (3, day[4])], [None]) == (2,)
    assert missing_around_unnumbered([(1, day[0]), (2, day[1])], [day[5]]) == ()


def test_a_series_is_read_with_its_unnumbered_posts_where_their_dates_fall() -> None:
    day = [datetime(2031, 3, d, tzinfo=UTC) for d in range(1, 11)]
    # (id, part, date): two posts of day 1 a date-only feed could not rank, then parts
    # 4 and 5, two more of one day, part 8; an introduction first; one undated post
    posts = [
        (10, 4, day[2]),
        (11, 5, day[3]),
        (12, 8, day[8]),
        (13, None, day[1]),
        (14, None, day[1]),
        (15, None, day[6]),
        (16, None, None),
        (17, None, day[0]),
    ]
    order = [p[0] for p in in_reading_order(posts, lambda p: (p[1], p[2], p[0]))]
    assert order == [17, 13, 14, 10, 11, 15, 12, 16]
    # a side story posted after the last part stays last; no numbers at all: by date
    side = [(1, 1, day[0]), (2, None, day[5]), (3, 2, day[2])]
    assert [p[0] for p in in_reading_order(side, lambda p: (p[1], p[2], p[0]))] == [1, 3, 2]
    dated = [(1, None, day[4]), (2, None, day[1])]
    assert [p[0] for p in in_reading_order(dated, lambda p: (p[1], p[2], p[0]))] == [2, 1]


def test_a_post_covering_several_parts_is_named_and_counted_so() -> None:
    assert part_words(4) == "Part 4" and part_words(4, 7) == "Parts 4–7"
    assert part_words(4, 4) == "Part 4" and list(covered(4, 7)) == [4, 5, 6, 7]
    assert list(covered(4, None)) == [4] and list(covered(4, 2)) == [4]
