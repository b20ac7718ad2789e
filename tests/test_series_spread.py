"""feeds.series: groups whose posts are spread out in time (#12, third round).

Each test names a kind of error, not a blog. Every title and URL here is invented;
none is copied from a corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

from readinglist.feeds.series.detect import group
from readinglist.model.records import SeriesGuess


def _dated(posts: Sequence[tuple[str, str | None, str | None]]) -> list[SeriesGuess]:
    """(title, link, ISO date) -> group() with no categories."""
    return group([(title, link, (), when) for title, link, when in posts])


# --- a head whose posts come one at a time, seasons apart ------------------------------


def _event_posts() -> list[tuple[str, str | None, str | None]]:
    return [
        ("Lantern Fest: Saturday", "https://example.org/lantern-fest-day1/", "2014-05-10"),
        ("Lantern Fest Stalls, a Look Back", None, "2011-05-20"),
        ("Lantern Fest Workshop Notes: Paper", None, "2018-05-12"),
        ("Lantern Fest Workshop Notes: Wire", None, "2018-05-13"),
        ("Lantern Fest 2021 Volunteers: What We Learned", None, "2021-06-01"),
        ("Something else", None, "2018-07-01"),
        ("Another thing", None, "2020-01-01"),
    ]


def test_a_head_whose_posts_mostly_stand_seasons_apart_names_an_event() -> None:
    # five posts over ten years, one close pair among them: the author comes back to
    # the event's name once in a while; nothing makes it one piece
    out = _dated(_event_posts())
    assert all(g.key is None for g in out)


def test_the_same_posts_undated_stay_a_guess() -> None:
    # without dates nothing says they are apart
    out = group([(title, link, ()) for title, link, _ in _event_posts()])
    assert out[0].key is not None
    assert {g.key for g in out[:5]} == {out[0].key}


def test_a_series_written_in_one_stretch_keeps_a_late_part() -> None:
    out = _dated(
        [
            ("Backstrap Loom - Warping", None, "2016-01-10"),
            ("Backstrap Loom - Threading", None, "2016-02-01"),
            ("Backstrap Loom - Weaving", None, "2016-03-15"),
            ("Backstrap Loom - Finishing", None, "2016-10-01"),
            ("Backstrap Loom - Six Years Later", None, "2022-04-01"),
        ]
    )
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None


def test_a_quarterly_column_is_still_close_in_time() -> None:
    # a post every three months is a column's rhythm, not posts far apart
    out = _dated(
        [
            ("Reading Log: Spring", None, "2020-03-20"),
            ("Reading Log: Summer", None, "2020-06-21"),
            ("Reading Log: Autumn", None, "2020-09-22"),
            ("Reading Log: Winter", None, "2020-12-21"),
        ]
    )
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None


def test_a_yearly_column_under_a_head_is_kept_as_a_column() -> None:
    out = _dated(
        [
            ("Pottery Fair: Highlights of 2017", None, "2017-09-01"),
            ("Pottery Fair: Highlights of 2018", None, "2018-09-03"),
            ("Pottery Fair: Highlights of 2019", None, "2019-09-02"),
            ("Something else", None, "2019-10-01"),
        ]
    )
    fair = out[:3]
    assert {g.key for g in fair} == {fair[0].key} and fair[0].key is not None
    assert all(g.kind == "recurring" for g in fair)
