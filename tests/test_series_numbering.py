"""Differently named parts that keep one numbering are one series (issue #12).

"陶艺窑炉物理（一）", "陶艺釉料化学（二）", then "陶艺工作室笔记（三）" to "（五）": the
author numbered one series but titled each early part apart. A lone numbered post
joins a group only where its number completes the group's run. Every title here is
invented; none is copied from a corpus.
"""

from __future__ import annotations

from readinglist.feeds.series.detect import group
from readinglist.model.records import SeriesGuess


def _grouped(titles: list[str]) -> list[SeriesGuess]:
    return group(
        [
            (t, f"https://example.org/p/{n}/", (), f"2031-03-{n + 1:02d}")
            for n, t in enumerate(titles)
        ]
    )


def test_lone_parts_that_complete_a_run_join_it() -> None:
    out = _grouped(
        [
            "陶艺窑炉物理（一）",
            "陶艺釉料化学（二）",
            "陶艺工作室笔记（三）——拉坯",
            "陶艺工作室笔记（四）——修坯",
            "陶艺工作室笔记（五）——烧制",
            "一次展览的回顾",
        ]
    )
    assert len({g.key for g in out[:5]}) == 1 and out[0].key is not None
    assert [g.part for g in out[:5]] == [1, 2, 3, 4, 5]
    assert out[0].short_title == "陶艺窑炉物理（一）" and out[5].key is None
    assert "taking up its numbering (1–2)" in out[0].why


def test_a_next_part_under_a_new_name_joins_the_numbering() -> None:
    out = _grouped(
        [
            "A Gentle Tour of Clay (Part 1)",
            "A Gentle Tour of Clay (Part 2)",
            "A Gentle Tour of Glazes (Part 3)",
        ]
    )
    assert {g.key for g in out} == {out[0].key} and [g.part for g in out] == [1, 2, 3]


def test_a_first_part_named_one_word_shorter_joins_the_numbering() -> None:
    """ "Glazes – Part 1", then "Course Glazes – Part 2", "… Part 3": the name gained a
    word ("Course", "Kurs") after the first part; the numbers say it is one series."""
    out = _grouped(["Glazes – Part 1", "Course Glazes – Part 2", "Course Glazes – Part 3"])
    assert out[1].key is not None and {g.key for g in out} == {out[1].key}
    assert [g.part for g in out] == [1, 2, 3]
    polish = _grouped(["Szkliwa – część 1", "Kurs Szkliwa – część 2", "Kurs Szkliwa – część 3"])
    assert polish[1].key is not None and {g.key for g in polish} == {polish[1].key}
    # a number the longer-named group already has: two series, not one
    taken = _grouped(["Glazes – Part 2", "Course Glazes – Part 2", "Course Glazes – Part 3"])
    assert taken[0].key != taken[1].key


def test_numbers_that_leave_a_gap_or_a_shared_word_join_nothing() -> None:
    gap = _grouped(["Kiln Diary Episode 1", "Kiln Diary Episode 2", "Kiln Dreams Episode 9"])
    assert gap[2].key != gap[0].key  # 9 beside 1 and 2 continues nothing
    word = _grouped(["Clay tips (1)", "Clay tips (2)", "Clay safety (3)"])
    assert word[2].key != word[0].key  # one shared word names a topic, not the series
    taken = _grouped(["Kiln Diary (1)", "Kiln Diary (2)", "Kiln Dreams (2)"])
    assert taken[2].key != taken[0].key  # a number the group has already


def test_lone_parts_said_one_way_and_numbered_in_date_order_are_one_series() -> None:
    """ "Glaze chemistry (Episode 1)", "Firing curves (Episode 2)", …: no name is shared,
    but the parts are said the same way and count 1, 2, 3 as they were posted."""
    rows = [
        ("Glaze chemistry (Episode 1)", "2031-04-01"),
        ("A trip to the clay pit", "2031-04-03"),
        ("Firing curves (Episode 2)", "2031-04-08"),
        ("Kiln wash (Episode 3)", "2031-04-15"),
        ("Shelves and posts (Episode 4)", "2031-04-22"),
    ]
    out = group([(t, None, (), d) for t, d in rows])
    episodes = [out[0], *out[2:]]
    assert episodes[0].key is not None and {g.key for g in episodes} == {episodes[0].key}
    assert [g.part for g in episodes] == [1, 2, 3, 4]
    assert episodes[0].name == "Glaze chemistry" and out[1].key is None


def test_lone_parts_out_of_date_order_or_with_a_gap_stay_apart() -> None:
    out_of_order = [
        ("Glaze chemistry (Episode 2)", "2031-04-01"),
        ("Firing curves (Episode 1)", "2031-04-08"),
        ("Kiln wash (Episode 3)", "2031-04-15"),
    ]
    gap = [
        ("Glaze chemistry (Episode 1)", "2031-04-01"),
        ("Firing curves (Episode 2)", "2031-04-08"),
        ("Kiln wash (Episode 4)", "2031-04-15"),
    ]
    for rows in (out_of_order, gap):
        out = group([(t, None, (), d) for t, d in rows])
        assert len({g.key for g in out}) == 3, out


def test_a_part_split_in_pieces_takes_its_place_in_the_series() -> None:
    """ "Gizmo Course 03 part 1" and "… 03 part 2" beside parts 1, 2 and 4 of "Gizmo
    Course" are the two pieces of its part 3; beside a series that has its 3, or none
    numbered around it, they stay a series of their own."""
    titles = [
        ("Opening a Kiln - Gizmo Course 01", "2021-10-01"),
        ("Loading Shelves - Gizmo Course 02", "2021-10-02"),
        ("Bisque Firing - Gizmo Course 03 part 1", "2021-10-03"),
        ("Glaze Application - Gizmo Course 03 part 2", "2021-10-04"),
        ("Cooling - Gizmo Course 04", "2021-10-05"),
    ]
    out = group([(t, None, (), d) for t, d in titles])
    assert {g.key for g in out} == {"gizmo course"}
    assert [g.part for g in out] == [1, 2, 3, 3, 4]
    whole = group([(t.replace("03 part", "07 part"), None, (), d) for t, d in titles])
    assert {g.key for g in whole[2:4]} == {"gizmo course 07"}
