"""feeds.series on kinds of error seen on blogs the rules were not written from (#12):
numbers that name versions or someone else's chapters, and heads posts share only years
apart. The first kinds are in ``test_series_kinds.py``.

Each test names a kind of error, not a blog. Every title and URL here is invented;
none is copied from a corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

from readinglist.feeds.series.detect import detect, group
from readinglist.model.records import SeriesGuess


def _dated(posts: Sequence[tuple[str, str | None, str | None]]) -> list[SeriesGuess]:
    """(title, link, ISO date) -> group() with no categories."""
    return group([(title, link, (), when) for title, link, when in posts])


# --- bare numbers that name versions, chapters that belong to a book -----------------


def test_two_bare_numbers_without_a_first_part_are_versions() -> None:
    out = _dated(
        [
            ("Ideas for Gizmo 2", None, "2020-01-05"),
            ("Ideas for Gizmo 3", None, "2021-01-09"),
            ("Something else", None, "2021-02-01"),
        ]
    )
    assert all(g.key is None for g in out)
    # with a first part, or three in a row, the numbers still read as parts
    with_first = _dated(
        [
            ("Garden Log", None, "2019-12-01"),
            ("Garden Log 2", None, "2020-01-01"),
            ("Garden Log 3", None, "2020-01-08"),
        ]
    )
    assert [g.part for g in with_first] == [1, 2, 3]
    run = _dated([(f"Garden Log {n}", None, f"2020-01-0{n}") for n in (2, 3, 4)])
    assert [g.part for g in run] == [2, 3, 4]
    # a part word says part, whatever the first number
    explicit = _dated([(f"Gizmo Tour Part {n}", None, f"2020-01-0{n}") for n in (2, 3)])
    assert [g.part for g in explicit] == [2, 3]


def test_chapters_of_someone_elses_book_are_ordered_by_date() -> None:
    # "chapter 2/3/5 exercises" are the book's chapters: the author's posts on them
    # are parts 1-3 in date order, and chapter 4 is no missing part
    posts = [
        (f"Gizmo Handbook chapter {n} exercises", f"https://example.org/handbook-ch-{n}/", day)
        for n, day in ((5, "2020-03-01"), (2, "2020-01-01"), (3, "2020-02-01"))
    ]
    out = _dated(posts)
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None
    assert [g.part for g in out] == [3, 1, 2]
    assert "the book's chapters" in out[0].why and "ordered by date" in out[0].why
    # alone it points into the book: no series
    assert _dated([posts[0], ("Something else", None, "2020-04-01")])[0].key is None
    # the author's own chapters keep their numbers
    own = _dated(
        [
            ("Learning Gizmo Chapter 1: Setup", None, "2020-01-01"),
            ("Learning Gizmo Chapter 2: Wiring", None, "2020-02-01"),
        ]
    )
    assert [g.part for g in own] == [1, 2]


def test_chinese_chapters_read_like_english_ones() -> None:
    # 第N章 is "chapter N": a book's chapter (《书名》, 习题/笔记) goes in date order, and
    # a lone chapter points into something else; the author's own chapters keep numbers
    book = [
        (f"《小工具手册》第{n}章 习题", f"https://example.org/gizmo-{n}/", day)
        for n, day in ((5, "2020-03-01"), (2, "2020-01-01"), (3, "2020-02-01"))
    ]
    out = _dated(book)
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None
    assert [g.part for g in out] == [3, 1, 2]
    assert "the book's chapters" in out[0].why
    for lone in ("读《小工具手册》第 2 章", "小工具教程 第 4 章 接线"):
        alone = _dated([(lone, None, "2020-01-01"), ("别的文章", None, "2020-02-01")])
        assert alone[0].key is None, alone
    own = _dated([(f"小工具教程 第 {n} 章 话题{n}", None, f"2020-0{n}-01") for n in (1, 2, 3)])
    assert [g.part for g in own] == [1, 2, 3] and own[0].key is not None
    # a lone 第N篇 ("piece N") still says part, as "Part N" does
    assert _dated([("小工具教程 第 2 篇", None, "2020-01-01")])[0].part == 2


# --- a head only posts years apart share ------------------------------------------------


def test_a_head_shared_only_years_apart_is_phrasing() -> None:
    out = _dated(
        [
            ("Happy Solstice, and Thanks for Reading!", None, "2012-12-21"),
            ("Happy Solstice: A Paper Lantern", None, "2019-12-21"),
            ("Something else", None, "2019-12-28"),
        ]
    )
    assert all(g.key is None for g in out)
    # undated, nothing says they are apart
    undated = group(
        [
            ("Happy Solstice, and Thanks for Reading!", None, ()),
            ("Happy Solstice: A Paper Lantern", None, ()),
        ]
    )
    assert undated[0].key is not None and undated[0].key == undated[1].key


def test_a_series_resumed_years_later_keeps_its_straggler() -> None:
    out = _dated(
        [
            ("Garden Diary - Seeds", None, "2015-03-01"),
            ("Garden Diary - Seedlings", None, "2015-04-01"),
            ("Garden Diary - Harvest", None, "2015-09-01"),
            ("Garden Diary - Ten Years On", None, "2018-03-01"),
        ]
    )
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None


def test_one_post_a_year_is_a_recurring_column() -> None:
    out = _dated(
        [
            ("Tinkerer Gift Guide 2019", None, "2019-11-27"),
            ("Tinkerer Gift Guide - 2020 Edition", None, "2020-11-20"),
            ("Tinkerer Gift Guide (2021)", None, "2021-11-22"),
            ("Something else", None, "2021-12-01"),
        ]
    )
    guides = out[:3]
    assert {g.key for g in guides} == {guides[0].key} and guides[0].key is not None
    assert all(g.kind == "recurring" and g.part is None for g in guides)
    assert "one post a year (2019, 2020, 2021)" in guides[0].why
    # one year on every title is an edition's write-ups, not a yearly column
    same_year = _dated(
        [
            ("Gizmo Camp 2019: Packing", None, "2019-05-01"),
            ("Gizmo Camp 2019: The Workshops", None, "2019-07-01"),
            ("Gizmo Camp 2019: Wrap-Up", None, "2019-08-20"),
        ]
    )
    assert all(g.kind == "multipart" for g in same_year) and same_year[0].key is not None


def test_one_url_number_under_a_shared_head_orders_nothing() -> None:
    # "kiln-club-day1" gave one title a number; its siblings have none: the head ties
    # them, the dates order them, and the why says so
    out = _dated(
        [
            ("Kiln Club: Glazes", "https://example.org/kiln-club-glazes/", "2020-01-10"),
            ("Kiln Club: Saturday", "https://example.org/kiln-club-day1/", "2020-01-03"),
            ("Kiln Club: Firing", "https://example.org/kiln-club-firing/", "2020-01-17"),
        ]
    )
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None
    assert [g.part for g in out] == [2, 1, 3]
    assert "one number (1, from a URL) orders nothing" in out[0].why
    assert out[0].why.endswith("parts ordered by date")


# --- parts missed: "Chap01." and a number glued to a Korean word ---------------------


def test_chap_is_a_chapter_keyword() -> None:
    out = _dated(
        [
            ("[Kiln Handbook Notes] Chap01. Clay bodies", None, "2031-01-01"),
            ("[Kiln Handbook Notes] Chap02. Glaze chemistry", None, "2031-01-08"),
            ("[Kiln Handbook Notes] Chap03. Firing", None, "2031-01-15"),
            ("Chaplin films I liked", None, "2031-01-20"),
        ]
    )
    assert out[0].key == out[1].key == out[2].key is not None
    assert [g.part for g in out[:3]] == [1, 2, 3]
    assert "Chap N" in out[0].why
    assert out[3].key is None


def test_a_number_glued_to_a_korean_stem_numbers_its_parts() -> None:
    out = _dated(
        [
            ("도자기 유약 만들기1 기초", None, "2031-02-01"),
            ("도자기 유약 만들기2 색 내기", None, "2031-02-08"),
            ("도자기 유약 만들기3 시유", None, "2031-02-15"),
            ("주말 산책 기록", None, "2031-02-20"),
        ]
    )
    assert out[0].key == out[1].key == out[2].key is not None
    assert [g.part for g in out[:3]] == [1, 2, 3]
    assert out[3].key is None


def test_a_version_glued_to_one_korean_word_is_no_part() -> None:
    out = _dated(
        [
            ("파이썬2 설치", None, "2031-03-01"),
            ("파이썬3 설치", None, "2031-03-02"),
            ("주말 산책 기록", None, "2031-03-05"),
        ]
    )
    assert all(g.part is None for g in out), out
    # read alone, one word and its number is the word's own: no part to count with
    assert detect("파이썬3 설치").part is None
    assert detect("도자기 유약 만들기3 시유").part == 3


def test_a_counter_with_no_name_before_it_names_a_run() -> None:
    for titles in (
        ["Lab 1 Networking basics", "Lab 2 Routing", "Lab 3 Firewalls"],
        ["实验1 数据库的创建", "实验2 数据定义", "实验3 数据完整性"],
        ["Day 01 java基础语法", "Day 02 java流程控制", "Day 03 java方法详解"],
        ["Chapter 1: Clay", "Chapter 2: Glazes", "Chapter 3: Firing"],
        ["제 1장. 흙과 물", "제 2장. 유약의 원리", "제3장 가마 소성"],  # Korean "chapter N"
        ["第1章 概述", "第2章 釉料", "第3章 烧制"],  # Chinese "chapter N"
    ):
        out = _dated(
            [(t, None, f"2031-04-0{n}") for n, t in enumerate(titles, 1)]
            + [("Kiln notes", None, "2031-04-09")]
        )
        assert out[0].key == out[1].key == out[2].key is not None, titles
        assert [g.part for g in out[:3]] == [1, 2, 3]
        assert "N = 1–3" in out[0].why and out[3].key is None
    # alone, a counter opening a sentence is no series
    out = _dated([("Day 5 in Lisbon", None, "2031-05-01"), ("Kiln notes", None, "2031-05-09")])
    assert all(g.key is None for g in out)


def test_a_slug_names_the_series_a_chapter_counter_does_not() -> None:
    """ "제 1장. x" at /http-basics-1/ (a book read chapter by chapter): the slug's name
    and number are the series and its part; the part's title drops the counter. A
    folder of numbered files ("/bootcamp/08-x/") names nothing the counter does not."""
    rows = [("제 1장. 웹의 탄생", "http-basics-1"), ("제 2장. 간단한 프로토콜", "http-basics-2"),
            ("제 3장. 메시지", "http-basics-3")]  # fmt: skip
    out = group([(t, f"https://blog.example/{slug}/", (), f"2031-06-0{i}") for i, (t, slug)
                 in enumerate(rows, 1)])  # fmt: skip
    assert out[0].key is not None and len({g.key for g in out}) == 1
    assert {g.name for g in out} == {"Http Basics"}
    assert [g.part for g in out] == [1, 2, 3]
    assert [g.short_title for g in out] == ["웹의 탄생", "간단한 프로토콜", "메시지"]


def test_a_bare_counter_that_starts_again_is_a_new_series() -> None:
    """Two courses of "Day N: x", the second starting again at Day 1, are two series of
    their own, each named by the counter and its month; a first part posted late
    ("Lab 1" after "Lab 4") starts nothing new."""
    first = [(f"Day {n}: Kiln topic {n}", f"2025-08-0{n}") for n in range(1, 5)]
    second = [(f"Day {n}: Glaze topic {n}", f"2025-10-0{n}") for n in range(1, 4)]
    out = group([(t, None, (), d) for t, d in first + second])
    assert {g.name for g in out[:4]} == {"Day (2025-08)"}
    assert {g.name for g in out[4:]} == {"Day (2025-10)"}
    assert [g.part for g in out] == [1, 2, 3, 4, 1, 2, 3]
    # a named series numbered again ("Kiln Notes 1", "2", then "1", "2") is no bare
    # counter: its name is its own, with no month added
    again = [(f"Kiln Notes {n}", f"202{y}-0{n}-01") for y in (1, 3) for n in (1, 2)]
    assert not any("(20" in (g.name or "") for g in group([(t, None, (), d) for t, d in again]))
    late = [("Lab 2 Ports", "2024-01-01"), ("Lab 4 Routes", "2024-02-01"),
            ("Lab 3 Tables", "2024-03-01"), ("Lab 1 Cables", "2024-09-01")]  # fmt: skip
    out = group([(t, None, (), d) for t, d in late])
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    assert sorted(g.part or 0 for g in out) == [1, 2, 3, 4]


def test_a_day_an_inner_marker_took_fills_its_counters_gap() -> None:
    """ "Day 5 - Glaze Lab (一)" and "Day 6 - Glaze Lab (二)" read alone are a series of
    their own; between Day 4 and Day 7 of a run that lacks exactly days 5 and 6, posted
    between them, they are days 5 and 6. A "Day 5 …" posted months later, or a day the
    run has already, stays where it was."""
    days = [(f"Day {n} - Kiln topic {n}", f"2025-08-{n:02d}") for n in (1, 2, 3, 4, 7, 8)]
    inner = [("Day 5 - Glaze Lab (一) - mixing", "2025-08-05"),
             ("Day 6 - Glaze Lab (二) - firing", "2025-08-06")]  # fmt: skip
    out = group([(t, None, (), d) for t, d in days + inner])
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    assert [g.part for g in out] == [1, 2, 3, 4, 7, 8, 5, 6]
    assert [g.short_title for g in out[-2:]] == [
        "Glaze Lab (一) - mixing",
        "Glaze Lab (二) - firing",
    ]
    late = [("Day 5 - Glaze Lab (一) - mixing", "2026-03-05"),
            ("Day 6 - Glaze Lab (二) - firing", "2026-03-06")]  # fmt: skip
    out = group([(t, None, (), d) for t, d in days + late])
    assert out[-1].key == out[-2].key != out[0].key and [g.part for g in out[-2:]] == [1, 2]
    taken = [("Day 4 - Glaze Lab (一) - mixing", "2025-08-04"),
             ("Day 7 - Glaze Lab (二) - firing", "2025-08-07")]  # fmt: skip
    out = group([(t, None, (), d) for t, d in days + taken])
    assert out[-1].key == out[-2].key != out[0].key


def test_a_ratio_or_a_time_is_no_part_number() -> None:
    """ "링글 1:1 튜터링 복습" (a one-to-one tutoring review) and "Standup at 10:30 notes"
    number nothing; "Kiln 3: Glazes" still numbers its part."""
    assert detect("링글 1:1 튜터링 복습").part is None
    assert detect("Standup 10:30 notes").part is None
    assert detect("Kiln 3: Glazes").part == 3
