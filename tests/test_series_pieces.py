"""Chinese and Japanese name a series' parts as pieces: by position (前編/中編/後編, like
上篇/下篇) or by what each covers ("（基础篇）", "（設置編）"), last in the title.

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

from readinglist.feeds.series.detect import group
from readinglist.model.records import SeriesGuess

SITE = "https://example.org/blog"


def _group(titles: list[str]) -> list[SeriesGuess]:
    return group([(t, f"{SITE}/{i}/", (), f"2031-02-{i + 1:02d}") for i, t in enumerate(titles)])


def _parts(guesses: list[SeriesGuess]) -> list[tuple[str | None, int | None]]:
    return [(g.key, g.part) for g in guesses]


def test_front_middle_and_back_pieces_are_parts_in_that_order() -> None:
    guesses = _group(["窯の焚き方（前編）", "窯の焚き方（中編）", "窯の焚き方（後編）", "雑記"])

    assert _parts(guesses) == [
        ("窯の焚き方", 1),
        ("窯の焚き方", 2),
        ("窯の焚き方", 3),
        (None, None),
    ]
    assert guesses[0].strength == "strong"


def test_a_front_and_back_pair_is_parts_one_and_two_written_either_way() -> None:
    spaced = _group(["釉薬の調合 前編", "釉薬の調合 後編"])
    chinese = _group(["釉料调配（前篇）", "釉料调配（后篇）"])

    assert [g.part for g in spaced] == [1, 2]
    assert [g.part for g in chinese] == [1, 2]
    assert spaced[0].key == spaced[1].key is not None


def test_the_previous_post_is_no_front_piece() -> None:
    """ "续前篇" is "continuing the previous post": 前 stuck to a word is no position."""
    guesses = _group(["釉料调配续前篇", "釉料调配续前篇的补充"])

    assert all(g.part != 1 or g.key is None for g in guesses)
    assert not any(g.why and "上/中/下" in g.why for g in guesses)


def test_pieces_named_by_what_they_cover_make_a_series_in_date_order() -> None:
    guesses = _group(
        [
            "窯にカメラを付ける（カメラの選び方・購入編）",
            "陶芸の雑記",
            "窯にカメラを付ける（設置編）",
        ]
    )

    assert _parts(guesses) == [("窯にカメラを付ける", 1), (None, None), ("窯にカメラを付ける", 2)]
    assert [guesses[0].short_title, guesses[2].short_title] == ["カメラの選び方・購入編", "設置編"]
    assert guesses[0].strength == "weak"  # nothing numbers them: a guess the tree marks


def test_chinese_pieces_after_a_colon_or_in_brackets_join_one_series() -> None:
    guesses = _group(["窑炉入门（基础篇）", "窑炉入门：进阶篇", "窑炉入门【实战篇】"])

    assert len({g.key for g in guesses}) == 1
    assert guesses[0].key is not None
    assert [g.part for g in guesses] == [1, 2, 3]


def test_a_lone_piece_is_no_series() -> None:
    guesses = _group(["窑炉入门（基础篇）", "釉料调配的笔记", "素烧温度"])

    assert _parts(guesses) == [(None, None)] * 3


def test_a_piece_follows_the_post_titled_as_what_it_is_a_piece_of() -> None:
    """ "窯の旅" and, later, "窯の旅 コロナ編" ("the corona piece"): the first post is
    the whole the piece belongs to, and the piece its sequel."""
    guesses = _group(["窯の旅", "釉薬のメモ", "窯の旅 コロナ編"])

    assert guesses[0].key is not None and guesses[2].key == guesses[0].key
    assert [guesses[0].part, guesses[2].part] == [1, 2]
    assert guesses[1].key is None


def test_numbers_in_tortoise_shell_brackets_are_parts() -> None:
    guesses = _group(["窯の大学〔一〕", "窯の大学〔二〕", "雑記", "窯の大学〔十一〕"])

    assert [g.part for g in guesses] == [1, 2, None, 11]
    assert guesses[0].key == guesses[1].key == guesses[3].key is not None


def test_this_piece_and_a_count_of_pieces_are_no_parts() -> None:
    """ "看这篇就够" ("this one piece is enough"), "（全一篇）" ("in one piece")."""
    guesses = _group(["窑炉入门，看这一篇", "窑炉入门（全一篇）", "窑炉入门 这篇"])

    assert _parts(guesses) == [(None, None)] * 3


def test_a_numbered_day_outranks_the_piece_at_the_end() -> None:
    guesses = _group(
        [
            "窑炉学习 Day 001：准备开篇",
            "窑炉学习 Day 002：素烧",
            "窑炉学习 Day 003：釉烧收尾篇",
        ]
    )

    assert [g.part for g in guesses] == [1, 2, 3]
    assert len({g.key for g in guesses}) == 1


def test_a_part_split_by_a_letter_in_its_slug_is_that_part() -> None:
    """ "kiln-guide-part4a", "…part4b": the two pieces of part 4, as "Section 5-1" and
    "5-2" are; titles that say nothing of the series no longer leave them out. A word
    that merely ends in "part" before a number and a letter ("apartment4a") is a word."""
    rows = [
        ("Why fire your own kiln?", "kiln-guide-part1"),
        ("Bricks and insulation", "kiln-guide-part2"),
        ("Burners, the first half", "kiln-guide-part3a"),
        ("Burners, the second half", "kiln-guide-part3b"),
        ("The first firing", "kiln-guide-part4"),
        ("Moving house", "apartment4a"),
    ]
    guesses = group(
        [(t, f"{SITE}/{slug}/", (), f"2031-03-{i + 1:02d}") for i, (t, slug) in enumerate(rows)]
    )
    assert len({g.key for g in guesses[:5]}) == 1 and guesses[0].key is not None
    assert [g.part for g in guesses[:5]] == [1, 2, 3, 3, 4]
    assert guesses[5].key is None
