"""feeds.series with publication dates (issue #12): order, introductions, cadence.

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import pytest

from readinglist.feeds.series.detect import group
from readinglist.feeds.series.post import day_number
from readinglist.model.records import SeriesGuess


def _dated(posts: Sequence[tuple[str, str | None]]) -> list[SeriesGuess]:
    """(title, ISO date or None) -> group() with no links and no categories."""
    return group([(title, None, (), when) for title, when in posts])


def test_dates_in_every_form_and_garbage() -> None:
    assert day_number("1970-01-02") == 1.0
    assert day_number("1970-01-02T12:00:00Z") == 1.5
    assert day_number(datetime(1970, 1, 2, 12, tzinfo=UTC)) == 1.5
    assert day_number(date(1970, 1, 3)) == 2.0
    assert day_number("not a date") is None
    assert day_number(None) is None and day_number("") is None


def test_three_tuples_still_work_and_give_no_date_order() -> None:
    titles = ["Garden Tools — Spades", "Garden Tools — Rakes", "Garden Tools — Hoes"]
    out = group([(t, None, ()) for t in titles])
    assert len({g.key for g in out}) == 1 and all(g.part is None for g in out)


# --- unnumbered groups take their order from the dates ---------------------------------


def test_an_unnumbered_group_is_ordered_by_date() -> None:
    out = _dated(
        [
            ("Garden Tools — Rakes", "2021-03-04"),
            ("Garden Tools — Spades", "2021-03-01"),
            ("Garden Tools — Hoes", "2021-03-09"),
        ]
    )
    assert [g.part for g in out] == [2, 1, 3]
    assert out[0].why.endswith("parts ordered by date")
    assert {g.strength for g in out} == {"weak"}  # still a guess: dates order, not prove


def test_no_date_order_when_a_date_is_missing_and_none_within_a_day() -> None:
    missing = _dated([("Garden Tools — Rakes", "2021-03-04"), ("Garden Tools — Spades", None)])
    assert all(g.part is None for g in missing) and "by date" not in missing[0].why
    same_day = _dated(
        [
            ("Seed Fair 2019: Tomatoes", "2019-05-04"),
            ("Seed Fair 2019: Beans", "2019-05-04"),
            ("Seed Fair 2019: Squash", "2019-05-06"),
        ]
    )
    # the two posted the same day stay unordered; the one after them is still third
    assert same_day[0].key is not None and [g.part for g in same_day] == [None, None, 3]
    assert same_day[0].why.endswith("those posted the same day left unnumbered")
    around = _dated(
        [
            ("Seed Fair 2020: Peas", "2020-04-01"),
            ("Seed Fair 2020: Kale", "2020-05-10"),
            ("Seed Fair 2020: Leeks", "2020-05-10"),
            ("Seed Fair 2020: Corn", "2020-06-07"),
        ]
    )
    assert [g.part for g in around] == [1, None, None, 4]


def test_parts_posted_on_one_day_are_ordered_by_the_time_of_day() -> None:
    out = _dated(
        [
            ("Garden Tools — Rakes", "2021-03-04T13:30:00Z"),
            ("Garden Tools — Spades", "2021-03-04T09:00:00Z"),
            ("Garden Tools — Hoes", "2021-03-04T18:15:00+01:00"),
        ]
    )
    assert [g.part for g in out] == [2, 1, 3]
    assert out[0].why.endswith("parts ordered by date")
    # the same moment twice is still a tie
    tie = _dated(
        [
            ("Garden Tools — Rakes", "2021-03-04T09:00:00Z"),
            ("Garden Tools — Spades", "2021-03-04T09:00:00Z"),
        ]
    )
    assert all(g.part is None for g in tie) and tie[0].key is not None


def test_numbered_parts_keep_their_numbers_whatever_the_dates() -> None:
    out = _dated(
        [
            ("Compost Part 2: Heat", "2020-01-01"),
            ("Compost Part 1: Basics", "2020-02-01"),
            ("Compost Part 3: Worms", "2020-03-01"),
        ]
    )
    assert [g.part for g in out] == [2, 1, 3]


def test_recurring_columns_get_no_date_order() -> None:
    out = _dated(
        [
            ("Garden Newsletter: spring", "2020-03-01"),
            ("Garden Newsletter: summer", "2020-06-01"),
        ]
    )
    assert out[0].kind == "recurring" and all(g.part is None for g in out)


# --- a product-name head over several series ------------------------------------------


def test_a_more_specific_shared_head_keeps_its_titles() -> None:
    out = _dated(
        [
            ("Gizmo Cloud - Billing Setup", None),
            ("Gizmo Cloud - Billing Alerts", None),
            ("GizmoDB - Pairing a Phone", None),
            ("GizmoDB - Charging Tips", None),
        ]
    )
    assert out[0].key == out[1].key != out[2].key == out[3].key


def test_a_repeated_second_head_splits_a_product_head() -> None:
    out = _dated(
        [
            ("GizmoDB - Health Probes - Basics", "2022-03-01"),
            ("GizmoDB - Health Probes - Custom Replies", "2022-03-02"),
            ("GizmoDB - Mappers - Getting Started", "2022-03-05"),
            ("GizmoDB - Mappers - Testing Them", "2022-03-06"),
            ("GizmoDB - Selectively Run Health Probes", "2022-03-03"),
            ("GizmoDB - Environment Variables in CI", "2022-04-01"),
        ]
    )
    probes, mappers = out[0].key, out[2].key
    assert probes is not None and mappers is not None and probes != mappers
    assert [g.key for g in out] == [probes, probes, mappers, mappers, probes, None]
    assert out[0].name == "GizmoDB - Health Probes" and out[0].short_title == "Basics"
    assert [out[i].part for i in (0, 1, 4)] == [1, 2, 3]  # by date: no numbers


def test_one_second_head_does_not_split() -> None:
    out = _dated(
        [
            ("GizmoDB - Audit Fields - Created By", None),
            ("GizmoDB - Soft Deletes", None),
            ("GizmoDB - Enum Columns", None),
        ]
    )
    assert len({g.key for g in out}) == 1 and out[0].key is not None


# --- an introduction before part 1 -----------------------------------------------------


def test_an_unnumbered_introduction_before_part_one_is_part_zero() -> None:
    out = _dated(
        [
            ("Pond Building: an Overview", "2021-01-01"),
            ("Pond Building Part 1: Digging", "2021-01-08"),
            ("Pond Building Part 2: Lining", "2021-01-15"),
        ]
    )
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    assert [g.part for g in out] == [0, 1, 2]
    assert "dated before part 1 is part 0" in out[0].why


def test_an_unnumbered_post_after_part_one_is_not_part_zero() -> None:
    out = _dated(
        [
            ("Pond Building Part 1: Digging", "2021-01-08"),
            ("Pond Building: an Afterword", "2021-02-01"),
            ("Pond Building Part 2: Lining", "2021-01-15"),
        ]
    )
    assert out[1].key == out[0].key and out[1].part is None
    undated = group(
        [
            ("Pond Building: an Overview", None, ()),
            ("Pond Building Part 1: Digging", None, ()),
            ("Pond Building Part 2: Lining", None, ()),
        ]
    )
    assert undated[0].part is None


def test_unnumbered_posts_take_the_missing_numbers_their_dates_fall_between() -> None:
    out = _dated(
        [
            ("Pond Building: Choosing a Site", "2021-01-01"),
            ("Pond Building: Digging", "2021-01-08"),
            ("Pond Building Part 3: Lining", "2021-01-15"),
            ("Pond Building: Plants", "2021-01-22"),
            ("Pond Building Part 5: Fish", "2021-01-29"),
        ]
    )
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    assert [g.part for g in out] == [1, 2, 3, 4, 5]
    assert "missing numbers their dates fall between" in out[0].why


@pytest.mark.parametrize(
    "posts",
    [
        [  # two unnumbered posts for one missing number: their places are unknown
            ("Pond Building: Choosing a Site", "2021-01-01"),
            ("Pond Building: Digging", "2021-01-08"),
            ("Pond Building Part 2: Lining", "2021-01-15"),
        ],
        [  # the numbered parts are out of date order: the dates say nothing
            ("Pond Building Part 3: Lining", "2021-01-01"),
            ("Pond Building: Digging", "2021-01-08"),
            ("Pond Building Part 1: Choosing a Site", "2021-01-15"),
        ],
        [  # after the last number: an epilogue, a bonus or the next part
            ("Pond Building Part 1: Choosing a Site", "2021-01-01"),
            ("Pond Building Part 2: Digging", "2021-01-08"),
            ("Pond Building: What I Would Do Again", "2021-01-15"),
        ],
    ],
)
def test_unnumbered_posts_keep_an_unknown_place_when_the_dates_are_not_exact(
    posts: list[tuple[str, str]],
) -> None:
    out = _dated(posts)
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    loose = [g for (title, _), g in zip(posts, out, strict=True) if "Part" not in title]
    assert all(g.part is None for g in loose), out


# --- cadence: a run of posts -----------------------------------------------------------


def _feed_with(titles: Sequence[str], days: Sequence[int]) -> list[SeriesGuess]:
    """``titles`` on ``days`` of March 2021, among unrelated posts on every other day."""
    posts: list[tuple[str, str | None]] = [
        (title, f"2021-03-{day:02d}") for title, day in zip(titles, days, strict=True)
    ]
    taken = set(days)
    others = [d for d in range(1, 29) if d not in taken]
    posts += [(f"Unrelated thoughts number {d}", f"2021-03-{d:02d}") for d in others]
    return _dated(posts)


TRELLIS = ["Trellis - Choosing Wood", "Trellis - Cutting Joints", "Trellis - Painting It"]


def test_a_plain_one_word_head_posted_as_a_run_is_a_series() -> None:
    out = _feed_with(TRELLIS, [10, 11, 12])
    assert out[0].key == out[1].key == out[2].key is not None
    assert [g.part for g in out[:3]] == [1, 2, 3]
    assert {g.strength for g in out[:3]} == {"weak"}


def test_a_plain_one_word_head_spread_among_other_posts_is_a_topic() -> None:
    out = _feed_with(TRELLIS, [2, 14, 27])
    assert all(g.key is None for g in out[:3])
    undated = group([(t, None, ()) for t in TRELLIS])
    assert all(g.key is None for g in undated)  # no dates, no cadence: a topic
    assert "posted as a run" not in " ".join(g.why for g in out)


def test_why_says_when_cadence_decided() -> None:
    out = _feed_with(TRELLIS, [10, 11, 12])
    assert "posted as a run" in out[0].why and "parts ordered by date" in out[0].why


@pytest.mark.parametrize(
    "heads",
    [
        ["파이썬 - 리스트", "파이썬 - 딕셔너리", "파이썬 - 클래스"],  # Korean: one word, "Python"
        ["算法 - 排序", "算法 - 查找", "算法 - 动态规划"],  # Chinese: a two-character word
    ],
)
def test_a_one_word_head_in_a_script_without_capitals_is_a_topic_unless_a_run(
    heads: list[str],
) -> None:
    spread = _feed_with(heads, [2, 14, 27])
    assert all(g.key is None for g in spread[:3]), spread[:3]
    run = _feed_with(heads, [10, 11, 12])
    assert run[0].key == run[1].key == run[2].key is not None
    assert "posted as a run" in run[0].why


@pytest.mark.parametrize(
    "heads",
    [
        ["모으잡-기획 구체화", "모으잡-크롤러 제작", "모으잡-서버 만들기"],  # a project's name
        ["青海-第一天", "青海-第二天", "青海-第三天"],  # a trip
    ],
)
def test_a_one_word_head_glued_by_a_bare_hyphen_is_a_label_even_spread_out(
    heads: list[str],
) -> None:
    """Korean and Chinese join no words with hyphens: the author typed it to label."""
    spread = _feed_with(heads, [2, 14, 27])
    assert spread[0].key == spread[1].key == spread[2].key is not None, spread[:3]
    assert [g.part for g in spread[:3]] == [1, 2, 3]
    spaced = _feed_with([h.replace("-", " - ") for h in heads], [2, 14, 27])
    assert all(g.key is None for g in spaced[:3])  # "파이썬 - x" spaced out stays a topic
    mixed = _feed_with([heads[0], heads[1].replace("-", "："), heads[2]], [2, 14, 27])
    assert all(g.key is None for g in mixed[:3])  # every title must carry the label


def test_a_number_every_title_sticks_to_the_head_is_the_heads_own() -> None:
    """ "kilnos6 : Hello Kiln", "kilnos6 : stack pointer": the 6 is the project's
    name ("ES6", "python3"), not part 6 twelve times; the shared head is the series,
    in date order. Without a head the posts stay standalone, as before."""
    titles = ["kilnos6 : Hello Kiln", "kilnos6 : stack pointer", "kilnos6 : glaze mutex"]
    out = _feed_with(titles, [2, 3, 4])
    assert out[0].key == out[1].key == out[2].key is not None
    assert {g.name for g in out[:3]} == {"kilnos6"} and [g.part for g in out[:3]] == [1, 2, 3]
    assert [g.short_title for g in out[:3]] == ["Hello Kiln", "stack pointer", "glaze mutex"]
    bare = _feed_with(["kilnos6 hello kiln", "kilnos6 stack pointer"], [2, 30])
    assert all(g.key is None for g in bare[:2])


def test_a_translation_label_names_a_kind_of_post_even_posted_as_a_run() -> None:
    titles = ["译文-构建智能体", "译文-评估智能体", "译文-工具的思考"]  # "translation: x"
    assert all(g.key is None for g in _feed_with(titles, [10, 11, 12])[:3])


def test_a_longer_chinese_head_is_a_phrase_and_names_a_series() -> None:
    out = _feed_with(["深入理解Go：调度器", "深入理解Go：内存分配"], [2, 20])
    assert out[0].key == out[1].key is not None


@pytest.mark.parametrize("sep", ["丨", "｜", " · ", " • "])
def test_heads_set_off_by_the_bars_and_dots_chinese_titles_use(sep: str) -> None:
    titles = [f"扩散模型学习笔记{sep}{rest}" for rest in ("基础", "采样")]
    out = _feed_with(titles, [3, 20])
    assert out[0].key == out[1].key is not None
    assert [g.short_title for g in out[:2]] == ["基础", "采样"]
