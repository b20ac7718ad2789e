"""Columns and part markers as blogs in other languages write them (issue #12).

The held-out blogs are English, Chinese, Korean and Spanish: a column that comes back
on a schedule is said in each language, a date in the title is no part number, and a
part may be a roman numeral in parentheses.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from readinglist.feeds.series.detect import group
from readinglist.feeds.series.reading import read_post
from readinglist.feeds.series.templates import reviews_of_works
from readinglist.feeds.series.titles import title_marker
from readinglist.model.records import SeriesGuess


def _dated(posts: Sequence[tuple[str, str]]) -> list[SeriesGuess]:
    """(title, ISO date) -> group(), with one unrelated post so no feed is all one group."""
    rows = [
        (title, f"https://example.org/p{i}/", (), when) for i, (title, when) in enumerate(posts)
    ]
    rows.append(("Something else entirely", "https://example.org/other/", (), "2019-06-01"))
    return group(rows)[:-1]


def test_roman_numerals_in_parentheses_are_part_numbers() -> None:
    out = _dated(
        [
            ("Introducción a Gizmo (I)", "2022-01-01"),
            ("Introducción a Gizmo (II): tipos", "2022-01-08"),
            ("Introducción a Gizmo (IV)", "2022-01-22"),
        ]
    )
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None
    assert [g.part for g in out] == [1, 2, 4]
    assert all(g.strength == "strong" for g in out)
    # a lone "(X)" names a thing, not part ten
    assert _dated([("Posting to Gizmo (X) from a script", "2023-08-01")])[0].key is None


def test_titles_that_differ_by_a_date_are_a_column_without_parts() -> None:
    out = _dated(
        [
            ("Weekly update: 2022-01-03", "2022-01-03"),
            ("Weekly update: 2022-01-10", "2022-01-10"),
            ("Weekly update: 2022-01-17", "2022-01-17"),
            ("Weekly update: 2023-01-02", "2023-01-02"),
        ]
    )
    # one column across the years: the date varies, the words stay
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None
    assert all(g.kind == "recurring" and g.part is None for g in out)
    assert out[0].name == "Weekly update"  # the opening's words, not its colon


def test_titles_that_each_name_a_release_are_a_column_without_parts() -> None:
    out = _dated(
        [
            ("Correctif de Gizmo 3.0.1", "2022-02-01"),
            ("Correctif de Gizmo 3.0.2", "2022-03-01"),
            ("Correctif de Gizmo 3.2.1", "2022-07-01"),
        ]
    )
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None
    assert all(g.kind == "recurring" and g.part is None for g in out)
    assert "every title names a release by its version" in out[0].why
    # a numbered course that happens to name versions keeps its parts
    course = _dated(
        [
            ("Gizmo course, part 1: install 3.0", "2022-02-01"),
            ("Gizmo course, part 2: what 3.1 changed", "2022-02-08"),
        ]
    )
    assert [g.part for g in course] == [1, 2] and {g.kind for g in course} == {"multipart"}


@pytest.mark.parametrize("stage", ["preview-{}", "Beta {}", "RC {}"])
def test_numbered_pre_releases_are_the_release_column_not_parts(stage: str) -> None:
    """ "Gizmo preview-2", "… preview-3", "… preview-4": drafts of one release, each
    announced as the last was; no part 1 is missing."""
    out = _dated(
        [
            (f"Gizmo {stage.format(2)}: a faster parser", "2030-01-01"),
            (f"Gizmo {stage.format(3)}: bug fixes before 1.0", "2030-01-09"),
            (f"Gizmo {stage.format(4)}: the features keep coming", "2030-02-01"),
        ]
    )
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None
    assert all(g.kind == "recurring" and g.part is None for g in out)
    assert "numbers 2–4 name pre-releases" in out[0].why


def test_a_part_that_names_a_preview_stays_a_part() -> None:
    # "Part 2: preview of the kiln": the number is the part's, not the preview's
    out = _dated(
        [
            ("Kiln Basics Part 1: the bricks", "2030-01-01"),
            ("Kiln Basics Part 2: a preview of firing", "2030-01-09"),
        ]
    )
    assert [g.part for g in out] == [1, 2] and out[0].kind == "multipart"


def test_a_diary_of_dated_titles_is_no_series_of_parts() -> None:
    out = _dated([(f"Gizmo log {day}", day) for day in ("2021-05-03", "2021-05-04", "2021-05-06")])
    assert all(g.part is None for g in out), out
    assert all(g.key is None or g.kind == "recurring" for g in out), out


@pytest.mark.parametrize(
    "titles",
    [
        ["Boletín semanal: enlaces", "Boletín semanal: herramientas", "Boletín semanal: libros"],
        ["주간 회고: 설날", "주간 회고: 이사", "주간 회고: 휴가"],
        ["週報: 引っ越し", "週報: 年末", "週報: 新年"],
        ["Resumo da semana: Python", "Resumo da semana: Rust", "Resumo da semana: Go"],
        # a periodical's volume and issue: "Vol I, #1" numbers issues, not parts
        ["Kiln Links Vol I, #1", "Kiln Links Vol I, #2", "Kiln Links Vol I, #3"],
    ],
)
def test_columns_said_in_other_languages_are_recurring(titles: list[str]) -> None:
    days = ("2022-01-03", "2022-01-10", "2022-01-17")
    out = _dated(list(zip(titles, days, strict=True)))
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}, out
    assert all(g.kind == "recurring" and g.part is None for g in out), out


@pytest.mark.parametrize(
    ("titles", "parts"),
    [
        (
            ["Migrating to Gizmo (1/3)", "Migrating to Gizmo (2/3)", "Migrating to Gizmo (3/3)"],
            [1, 2, 3],
        ),
        (["Gizmo en producción [1/2]: datos", "Gizmo en producción [2/2]: red"], [1, 2]),
        (["Gizmo en producción, primera parte", "Gizmo en producción, segunda parte"], [1, 2]),
        (["Gizmo en producción (1ª parte)", "Gizmo en producción (3ª parte)"], [1, 3]),
        (["Gizmo, primeira parte", "Gizmo, terceira parte"], [1, 3]),
        (["Gizmo - First Part", "Gizmo - Second Part"], [1, 2]),
        (["Gizmo 입문 - 첫 번째", "Gizmo 입문 - 두 번째", "Gizmo 입문 (3번째 이야기)"], [1, 2, 3]),
        (["Kafka系列一：简介", "Kafka系列二：生产者", "Kafka 系列 3：消费者"], [1, 2, 3]),
        (["【Kafka 系列】一、简介", "【Kafka 系列】二、生产者"], [1, 2]),
        (
            ["Gizmo 2 系列之一 第一个应用", "Gizmo 2 系列之三 入门", "Gizmo 2 系列之十二：指令"],
            [1, 3, 12],
        ),
        (["[Gizmo] 1. 소개", "[Gizmo] 2. 영속성", "[Gizmo] 3. 매핑"], [1, 2, 3]),
        (["자료구조 1강 - 배열", "자료구조 2강 - 연결 리스트"], [1, 2]),
        (["스터디 1주차 회고", "스터디 2주차 회고"], [1, 2]),
        (["알고리즘 스터디 1회차", "알고리즘 스터디 2회차", "알고리즘 스터디 4회차"], [1, 2, 4]),
        (["웹 개발 1차시 - HTML", "웹 개발 2차시 - CSS"], [1, 2]),
        (["Gizmo Notes No. 1", "Gizmo Notes No. 2", "Gizmo Notes Nr. 3"], [1, 2, 3]),
        (["Gizmo Nº 4: tipos", "Gizmo Nº 5: errores"], [4, 5]),
    ],
)
def test_counted_and_ordinal_part_markers(titles: list[str], parts: list[int]) -> None:
    days = [f"2022-01-{n + 1:02d}" for n in range(len(titles))]
    out = _dated(list(zip(titles, days, strict=True)))
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}, out
    assert [g.part for g in out] == parts and out[0].strength == "strong", out


@pytest.mark.parametrize(
    "title",
    [
        "Memory access is O(N^[1/3])",  # an exponent
        "Holiday notes (12/25)",  # a date
        "Gizmo Handbook, reviewed (4/5)",  # a lone rating: a count needs siblings
        "Gizmo深入系列15篇正式完结！",  # a count of pieces, not part 15
        "这只是系列之一",  # "one of a series": no name before it
        "[Gizmo] 1.18 릴리스",  # a version after a bracketed name
        "Gizmo 공식문서 정리 3장",  # a lone chapter points into something else
        "No 2 ways about it",  # "No" without its dot is a word
    ],
)
def test_what_only_looks_like_a_part_of_a_count(title: str) -> None:
    assert _dated([(title, "2022-01-01")])[0].key is None


def test_numbered_list_items_after_a_name_are_parts_among_siblings() -> None:
    """ "机器学习笔记 1. 线性回归": the name, then a list item's number and its dot."""
    titles = ["机器学习笔记 1. 线性回归", "机器学习笔记 2. 逻辑回归", "机器学习笔记 3. 决策树"]
    out = _dated([(t, f"2022-02-{n + 1:02d}") for n, t in enumerate(titles)])
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}, out
    assert [g.part for g in out] == [1, 2, 3]
    assert [g.short_title for g in out] == ["线性回归", "逻辑回归", "决策树"]


def test_a_number_in_parentheses_glued_to_the_name_numbers_siblings() -> None:
    """ "Kiln API(1)", "Kiln API(2)": glued to the name, weak alone, parts among siblings."""
    titles = ["Kiln API(1)", "Kiln API(2) Glazes"]
    out = _dated([(t, f"2022-02-{n + 1:02d}") for n, t in enumerate(titles)])
    assert out[0].key is not None and out[1].key == out[0].key, out
    assert [g.part for g in out] == [1, 2]
    assert out[0].name == "Kiln API"


@pytest.mark.parametrize(
    "title",
    ["Watching a kiln with mon(1)", "O(1) Build Files", "count(1) or count(*)"],
)
def test_a_glued_number_in_parentheses_alone_is_no_part(title: str) -> None:
    assert _dated([(title, "2022-01-01")])[0].key is None


def test_a_list_item_dot_glued_to_its_first_word_is_still_a_part() -> None:
    """ "가마 만들기 - 1.흙 고르기": the dot glued to the item, no space after it."""
    titles = ["가마 만들기 - 1.흙 고르기", "가마 만들기 - 2.Firing the kiln"]
    out = _dated([(t, f"2022-02-{n + 1:02d}") for n, t in enumerate(titles)])
    assert out[0].key is not None and out[1].key == out[0].key, out
    assert [g.part for g in out] == [1, 2]
    assert [g.short_title for g in out] == ["흙 고르기", "Firing the kiln"]


@pytest.mark.parametrize(
    "titles",
    [
        ["Python 3. Why I finally switched"],  # alone, a list item is nothing
        ["Python 3.6 f-strings", "Python 3.7 dataclasses"],  # versions: no space after the dot
        ["Vue 2.x in practice", "Vue 3.x in practice"],  # a version's "x" is one letter
    ],
)
def test_what_only_looks_like_a_numbered_list_item(titles: list[str]) -> None:
    out = _dated([(t, f"2022-03-{n + 1:02d}") for n, t in enumerate(titles)])
    assert all(g.part is None for g in out), out


def test_a_part_word_inside_a_longer_word_is_no_marker() -> None:
    """ "partiel" (French: partial) is no "partie L", part 50."""
    marker = title_marker("Tuto Gizmo 10: le virage partiel")
    assert marker is not None and (marker.name, marker.part) == ("Tuto Gizmo", 10)
    glued = title_marker("Gizmo Part1")  # digits may follow the word at once
    assert glued is not None and glued.part == 1
    roman = title_marker("Gizmo Part II")
    assert roman is not None and roman.part == 2


def test_a_chapter_prefix_alone_names_no_series() -> None:
    """ "제 3장. x" is "Chapter 3. x": the slug names the book, the prefix does not."""
    rows = [
        (f"제 {n}장. {t}", f"https://example.org/kiln-basics-{n}/", (), f"2022-08-0{n}")
        for n, t in enumerate(("흙", "유약", "가마"), start=1)
    ]
    out = group(rows)
    assert {g.key for g in out} == {"kiln basic"} and [g.part for g in out] == [1, 2, 3]
    assert {g.name for g in out} != {"제"}


def test_a_name_that_starts_or_ends_with_a_weekday_is_a_column() -> None:
    out = _dated(
        [
            ("Kiln Tuesday #41 - glazes we regret", "2024-03-12"),
            ("Kiln Tuesday 42: studio rent", "2024-04-09"),
        ]
    )
    assert out[0].key == out[1].key is not None
    assert all(g.kind == "recurring" and g.part is None for g in out)
    # two days of one event are parts, not a weekday column
    event = _dated([("Gizmo Con: Saturday", "2023-06-10"), ("Gizmo Con: Sunday", "2023-06-11")])
    assert all(g.kind != "recurring" for g in event)


def test_pt_before_a_small_number_is_part() -> None:
    """Italian and Portuguese shorten "parte" to "PT": "Gizmo PT2.1 - x" is part 2."""
    out = _dated(
        [
            ("Gizmo PT1 - come funziona?", "2023-01-01"),
            ("Gizmo PT2.1 - le entità", "2023-01-08"),
            ("Gizmo PT2.2 - le API", "2023-01-15"),
            ("Gizmo pt 3 - il deploy", "2023-01-22"),
        ]
    )
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert [g.part for g in out] == [1, 2, 2, 3]
    assert out[1].short_title == "le entità"
    assert title_marker("Lisbon PT 2024 trip") is None  # a year, not part 2024


def test_problem_ids_under_one_head_are_a_column() -> None:
    ids = [1, 121, 1108, 13, 217, 70, 9]
    posts = [(f"Judge Kata - {n} - problem {n}", f"2024-03-{i + 1:02d}") for i, n in enumerate(ids)]
    posts += [
        ("Judge Kata - setting up", "2024-03-20"),
        ("Judge Kata - what I learned", "2024-03-21"),
        ("Judge Kata - a third note", "2024-03-22"),
    ]
    out = _dated(posts)
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert all(g.kind == "recurring" and g.part is None for g in out)
    assert "are no sequence of parts" in out[0].why


def test_problem_ids_too_big_for_parts_count_as_ids() -> None:
    """Most of the column's items are numbered past any part ("Judge Kata - 1045 - x"):
    they are ids as much as the small ones, and the group is a column of them."""
    ids = [175, 181, 183, 197, 550, 1045, 1068, 1070, 1075, 1084, 1141, 1148, 1158]
    posts = [(f"Judge Kata - {n} - problem {n}", f"2024-03-{i + 1:02d}") for i, n in enumerate(ids)]
    out = _dated(posts)
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert all(g.kind == "recurring" and g.part is None for g in out)


def test_a_post_each_year_that_names_no_year_is_a_yearly_column() -> None:
    """ "Pottery stalls worth a visit at this fair" every October, its titles naming no
    year: the dates say what "Gift Guide 2019", "… 2020" say in their titles."""
    out = _dated(
        [
            ("Pottery stalls worth a visit at this fair", "2017-10-02"),
            ("Pottery stalls worth a visit at this fair, again", "2018-09-30"),
            ("Pottery stalls worth a visit at this fair: the return", "2019-09-25"),
        ]
    )
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}, out
    assert all(g.kind == "recurring" and g.part is None for g in out), out
    assert "one post a year (2017, 2018, 2019)" in out[0].why


def test_a_yearly_column_that_skipped_some_years_is_still_one() -> None:
    """The birthday post comes each January, but not in 2019: the years between posts
    are whole years, in the same season, and most of them one."""
    dates = ["2015-01-29", "2016-01-22", "2017-01-21", "2018-01-15", "2020-01-24", "2021-01-17"]
    out = _dated([(f"Birthday post: the potter turns {30 + i}", d) for i, d in enumerate(dates)])
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}, out
    assert all(g.kind == "recurring" and g.part is None for g in out), out


def test_posts_years_apart_in_other_seasons_stay_parts() -> None:
    out = _dated(
        [
            ("Pottery stalls worth a visit at this fair", "2017-10-02"),
            ("Pottery stalls worth a visit at this fair, again", "2018-01-30"),
            ("Pottery stalls worth a visit at this fair: the return", "2020-05-25"),
        ]
    )
    assert all(g.kind == "multipart" for g in out), out


def test_parts_written_months_apart_stay_parts() -> None:
    out = _dated(
        [
            ("Pottery stalls worth a visit at this fair", "2017-10-02"),
            ("Pottery stalls worth a visit at this fair, again", "2018-01-30"),
            ("Pottery stalls worth a visit at this fair: the return", "2018-05-25"),
        ]
    )
    assert all(g.kind == "multipart" for g in out), out
    assert [g.part for g in out] == [1, 2, 3]


def test_titles_each_naming_another_work_in_quotes_are_a_column() -> None:
    """ "О книге «X»" (about the book X), then «Y», «Z»: one work a post, a column of
    reviews with no parts, however the posts were grouped (here: slugs that put "about
    book" before each title)."""
    books = ["Freakonomics", "Piranesi", "The Net and the Butterfly", "Sapiens"]
    site = "https://pots.example/ru/posts"
    posts = [
        (f"О книге «{b}»", f"{site}/about-book-{b.lower().replace(' ', '-')}", (), f"2021-0{n}-01")
        for n, b in enumerate(books, start=1)
    ]
    posts.append(("Notes from the studio", f"{site}/studio", (), "2021-05-03"))
    out = group(posts)
    assert len({g.key for g in out[:4]}) == 1 and out[0].key is not None
    assert {g.kind for g in out[:4]} == {"recurring"} and all(g.part is None for g in out[:4])
    assert "each title names another work in quotes" in out[0].why
    assert out[4].standalone
    # one work named again and again is no column of reviews, nor are two works
    reviews = [read_post(t, u) for t, u, _c, _d in posts[:4]]
    assert reviews_of_works(reviews)
    assert not reviews_of_works([read_post("О книге «Kiln Basics»", None) for _ in books])
    assert not reviews_of_works(reviews[:2])
    # Chinese writes no space between its words and the book's quotes
    notes = [read_post(f"读《{b}》", None) for b in ("人类简史", "三体", "活着")]
    assert reviews_of_works(notes)


def test_a_group_whose_titles_differ_only_by_a_months_name_is_a_column() -> None:
    """ "Zwölf Lieder für den März", "… April", "… Mai": a monthly column, no parts; a
    group whose titles differ besides the month keeps its parts."""
    monthly = _dated(
        [
            ("Zwölf Lieder für den März", "2030-02-20"),
            ("Zwölf Lieder für den April", "2030-03-26"),
            ("Zwölf Lieder für den Mai", "2030-04-24"),
            ("Zwölf Lieder für den Juni", "2030-05-25"),
        ]
    )
    assert monthly[0].key is not None and {g.key for g in monthly} == {monthly[0].key}
    assert all(g.kind == "recurring" and g.part is None for g in monthly)
    parts = _dated(
        [
            ("Kiln build, part 1: bricks in March", "2030-03-01"),
            ("Kiln build, part 2: wiring in April", "2030-04-01"),
            ("Kiln build, part 3: firing in May", "2030-05-01"),
        ]
    )
    assert all(g.kind == "multipart" for g in parts) and [g.part for g in parts] == [1, 2, 3]


@pytest.mark.parametrize("opening", ["TIL: ", "[TIL] ", "Today I Learned: "])
def test_a_stream_of_til_posts_is_a_column(opening: str) -> None:
    """ "TIL: x" posts come back whenever the author learns something: one column, no
    parts; a lone "TIL: x" stays a post of its own."""
    rows = [
        (opening + "glaze crawls on dusty bisque", "2030-01-03"),
        (opening + "cone packs lie", "2030-02-11"),
        (opening + "wax resist burns clean", "2030-05-20"),
    ]
    out = _dated(rows)
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert all(g.kind == "recurring" and g.part is None for g in out)
    assert all(g.key is None for g in _dated(rows[:1]))


def test_numbered_russian_issues_are_a_column() -> None:
    """ "Выпуск 2: x", "Выпуск 3: y" (issue 2, issue 3): a column of issues, no parts."""
    out = _dated(
        [
            ("Выпуск 2: печь остывает", "2030-03-02"),
            ("Выпуск 3: глазурь", "2030-03-03"),
            ("Выпуск 4: новые формы", "2030-03-05"),
        ]
    )
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert all(g.kind == "recurring" and g.part is None for g in out)
