"""The CLI's pure pieces: the exit-code table, error lines, text tables, part ranges."""

from __future__ import annotations

import inspect

import pytest

from readinglist.cli.errors import (
    EXIT_CODES,
    BadAddressError,
    UsageError,
    error_line,
    exit_code_for,
    mentions,
)
from readinglist.cli.format import backfill_line, parts_text, table, width
from readinglist.model import errors
from readinglist.services.backfill.run import BackfillReport

ERROR_CLASSES = [
    cls
    for _, cls in inspect.getmembers(errors, inspect.isclass)
    if issubclass(cls, errors.ReadingListError)
]


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_every_error_class_has_its_exit_code(cls: type[errors.ReadingListError]) -> None:
    """Feeds, sites and pages that fail exit 1; everything else is a refused request, 2."""
    expected = 1 if issubclass(cls, errors.FeedError) else 2
    exc = cls.__new__(cls)
    assert exit_code_for(exc) == expected


def test_the_cli_own_refusals_exit_2() -> None:
    assert exit_code_for(UsageError()) == 2
    assert exit_code_for(BadAddressError()) == 2
    assert set(EXIT_CODES.values()) == {1, 2}


@pytest.mark.parametrize(
    "message, name, named",
    [
        ("no feed with id 21", "feed 2", False),
        ("feed 2 is gone", "feed 2", True),
        ("already subscribed to https://a.example/f (feed 1)", "https://a.example/f", True),
        ("already subscribed to https://a.example/feed", "https://a.example/f", False),
        ("HTTP 410 Gone", "https://a.example/f", False),
    ],
)
def test_mentions(message: str, name: str, named: bool) -> None:
    assert mentions(message, name) is named


def test_error_line_says_each_thing_once() -> None:
    url = "https://a.example/f.xml"
    assert (
        error_line("HTTP 410 Gone", "feed 2", url) == f"readinglist: feed 2 ({url}): HTTP 410 Gone"
    )
    assert error_line(f"{url} is not a feed", "feed 2", url) == (
        f"readinglist: feed 2: {url} is not a feed"
    )
    assert error_line("article 4 has no web address to fetch", "article 4") == (
        "readinglist: article 4 has no web address to fetch"
    )
    assert error_line("no series with id 5") == "readinglist: no series with id 5"


def test_parts_are_written_as_runs() -> None:
    assert parts_text([13, 16]) == "13, 16"
    assert parts_text([1, 2, 3, 4, 6]) == "1–4, 6"
    assert parts_text([]) == "-"


def test_backfill_line_writes_found_and_missing_parts_as_runs() -> None:
    report = BackfillReport(
        series_id=3,
        series_name="Transfer Learning",
        new_article_ids=(7, 8, 9),
        parts_found=(3, 4, 5),
        still_missing=(*range(6, 13), 14, 15),
        requests=2,
        cached=14,
        errors=(),
    )
    assert backfill_line(report) == (
        "Transfer Learning: found parts 3–5 (2 requests, 14 cached); still missing: 6–12, 14–15"
    )


def test_table_aligns_wide_characters_and_leaves_no_trailing_spaces() -> None:
    lines = table(
        (("ID", True), ("TITLE", False), ("PART", True)),
        [("1", "深度学习", "3"), ("12", "Attention", "")],
    )
    assert lines == [
        "ID  TITLE      PART",
        " 1  深度学习      3",
        "12  Attention",
    ]
    assert width("深度学习") == 8
