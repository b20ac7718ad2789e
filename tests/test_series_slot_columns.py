"""Columns whose titles differ in one slot: the month with its year, or the version (#12).

"Updates in April 2019", "2023 年 1 月報報", "🐤 2023년 3월 회고": one column that comes
back every month, shown together with no parts; what is only a year, only a month, a
full day or a pair is not one. Every title and address is invented.
"""

from __future__ import annotations

import pytest

from readinglist.feeds.series.detect import group
from readinglist.feeds.series.slot_columns import monthly_template, release_template
from readinglist.model.records import SeriesGuess

Post = tuple[str, str, list[str], str]


def _posts(titles: list[str], day0: int = 1) -> list[Post]:
    return [
        (t, f"https://blog.example/posts/p{n}/", [], f"2031-{(n % 12) + 1:02d}-{day0:02d}")
        for n, t in enumerate(titles)
    ]


def _keys(guesses: list[SeriesGuess]) -> list[str | None]:
    return [g.key for g in guesses]


@pytest.mark.parametrize(
    "titles",
    [
        ["Updates in April 2030", "Updates in May 2030", "Updates in June 2030"],
        ["2030 年 1 月報報", "2030 年 2 月報報", "2030 年 12 月報報", "2031 年 1 月報報"],
        ["🐤 2030년 3월 회고", "😎 2030년 4월 회고", "☀︎ 2030년 5월회고"],
        ["Resumen de marzo de 2030", "Resumen de abril de 2030", "Resumen de mayo de 2030"],
        ["Kiln log 2030-01", "Kiln log 2030-02", "Kiln log 2030-03"],
    ],
)
def test_titles_the_same_but_for_the_month_are_one_column(titles: list[str]) -> None:
    others = ["Why clay shrinks", "A visit to the potters' fair"]
    guesses = group(_posts([*titles, *others]))

    column = guesses[: len(titles)]
    assert len({g.key for g in column}) == 1 and column[0].key is not None
    assert all(g.kind == "recurring" and g.part is None for g in column)
    assert (column[0].why or "").startswith("recurring column")
    assert column[0].name and "2030" not in column[0].name  # named by its words
    assert _keys(guesses[len(titles) :]) == [None, None]


def test_the_columns_name_keeps_its_words_and_drops_the_decoration() -> None:
    guesses = group(_posts(["🐤 2030년 3월 회고", "😎 2030년 4월 회고", "🙌 2030년 5월 회고"]))
    assert guesses[0].name == "… 회고"
    assert guesses[0].why == (
        "recurring column; 3 titles the same but for the month ('… 회고'); no part numbers"
    )
    guesses = group(
        _posts(["Updates in April 2030", "Updates in May 2030", "Updates in June 2030"])
    )
    assert guesses[0].name == "Updates in …"


@pytest.mark.parametrize(
    "titles",
    [
        # two months may be a pair of anything
        ["Updates in April 2030", "Updates in May 2030"],
        # a year alone names an edition or a year's review, not a month's column
        ["Year in review 2028", "Year in review 2029", "Year in review 2030"],
        # a month with no year
        ["March notes", "April notes", "May notes"],
        # a full day is a diary's date, another rule's business
        ["Kiln log 2030-01-03", "Kiln log 2030-02-03", "Kiln log 2030-03-03"],
        # nothing but the date: no template of words
        ["2030-01", "2030-02", "2030-03"],
        # one month, said three times: the same post
        ["Updates in April 2030", "Updates in April 2030", "Updates in April 2030"],
    ],
)
def test_what_is_no_monthly_column(titles: list[str]) -> None:
    guesses = group(_posts([*titles, "Why clay shrinks"]))
    assert not any((g.key or "").startswith("monthly:") for g in guesses)


def test_a_numbered_series_dated_by_month_keeps_its_parts() -> None:
    """Posts another rule already grouped are not the column's: the month there dates
    a part, it does not make the series a column."""
    titles = [f"Kiln Basics, Part {n} ({m} 2030)" for n, m in enumerate(["May", "June", "July"], 1)]
    guesses = group(_posts(titles))
    assert [g.part for g in guesses] == [1, 2, 3]
    assert all(g.kind == "multipart" for g in guesses)


def test_monthly_template_reads_one_month_with_its_year() -> None:
    assert monthly_template("Updates in April 2030") == ("update in monthslot", "april2030")
    assert monthly_template("2030 年 1 月報報") is not None
    assert monthly_template("2030 年 1 月 3 日報報") is None  # a day
    assert monthly_template("From March 2030 to May 2030") is None  # two months
    assert monthly_template("April 2030") is None  # nothing but the month


@pytest.mark.parametrize(
    "titles",
    [
        ["Announcing Gizmo 1.29.0!", "Announcing Gizmo 1.30.0!", "Announcing Gizmo 1.31!"],
        ["Gizmo 2.0.2", "gizmo 2.2.1", "Gizmo 2.4"],
        ["Version 4.2.0", "Version 4.2.1", "Version 4.4.0", "Version 5.0"],
    ],
)
def test_titles_the_same_but_for_the_version_are_a_release_column(titles: list[str]) -> None:
    guesses = group(_posts([*titles, "Why clay shrinks"]))
    column = guesses[: len(titles)]
    assert len({g.key for g in column}) == 1 and column[0].key is not None
    assert all(g.kind == "recurring" and g.part is None for g in column)
    assert guesses[-1].key is None


@pytest.mark.parametrize(
    "titles",
    [
        ["Gizmo 2.0 released", "Gizmo 2.1 released"],  # two releases may be anything
        ["Gizmo 2.0 released", "Gizmo 2.0 released", "Gizmo 2.0 released"],  # one release
        ["Upgrading from 1.2 to 1.3", "Upgrading from 1.3 to 1.4", "Upgrading from 2.0 to 2.1"],
    ],
)
def test_what_is_no_release_column(titles: list[str]) -> None:
    guesses = group(_posts([*titles, "Why clay shrinks"]))
    assert not any((g.key or "").startswith("releases:") for g in guesses)


def test_release_template_reads_one_version() -> None:
    assert release_template("Announcing Gizmo 1.29.0!") == (
        "announcing gizmo versionslot",
        "1.29.0",
    )
    assert release_template("Gizmo v3.6 notes") == ("gizmo versionslot note", "3.6")
    assert release_template("From 1.2 to 1.3") is None  # two versions
    assert release_template("2.0.1") is None  # nothing but the version
