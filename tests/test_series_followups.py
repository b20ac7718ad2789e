"""feeds.series: a post that says it follows up another one (#12, third round).

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from readinglist.feeds.series.detect import detect, group


@pytest.mark.parametrize(
    "second",
    [
        "Sourdough Without Scales, a Follow-up",
        "Sourdough Without Scales: follow-up",
        "Sourdough Without Scales (a followup)",
        "Sourdough Without Scales - A Follow Up",
        "Sourdough Without Scales - Revisited",
        "Sourdough Without Scales, revisited",
    ],
)
def test_a_follow_up_is_the_second_part_of_the_post_it_names(second: str) -> None:
    out = group(
        [
            ("Sourdough Without Scales", None, (), "2021-04-01"),
            ("Repotting a Fern", None, (), "2021-04-03"),
            (second, None, (), "2021-04-09"),
        ]
    )
    assert out[0].key == out[2].key is not None
    assert (out[0].part, out[2].part) == (1, 2)
    assert out[1].standalone
    assert "'Sourdough Without Scales, a follow-up'" in out[0].why


def test_a_lone_follow_up_makes_no_series() -> None:
    assert detect("Why Every Email Deserves a Follow-up").strength == "weak"
    out = group(
        [
            ("Why Every Email Deserves a Follow-up", None, ()),
            ("Minimal Kiln Schedules Revisited", None, ()),
            ("Repotting a Fern", None, ()),
        ]
    )
    assert all(g.standalone for g in out)


def test_continued_keeps_its_own_why() -> None:
    out = group([("Tiling a Floor", None, ()), ("Tiling a Floor, continued", None, ())])
    assert out[0].key == out[1].key is not None
    assert "'Tiling a Floor continued'" in out[0].why


def test_a_head_spelling_out_a_series_name_longer_is_its_first_post() -> None:
    """ "Building a Wood-Fired Kiln in Rust: x" introduces "Kiln in Rust: y", "…: z"."""
    rows = [
        ("Building a Wood-Fired Kiln in Rust: Bricks and Mortar", "2031-01-01"),
        ("Kiln in Rust: The Firebox", "2031-01-08"),
        ("Kiln in Rust: The Chimney", "2031-01-15"),
        ("Kiln in Rust: First Firing", "2031-01-22"),
        ("Notes from the pottery fair: stalls", "2031-01-29"),
    ]
    out = group([(t, None, (), d) for t, d in rows])
    assert out[1].key is not None and {g.key for g in out[:4]} == {out[1].key}
    assert [g.part for g in out[:4]] == [1, 2, 3, 4]
    assert out[4].key is None


def test_a_head_ending_in_a_short_name_joins_nothing() -> None:
    # a two-word name ("Rust Kilns") is as often a topic the longer head is about
    rows = [
        ("Why We Stopped Building Rust Kilns: A Retrospective", "2031-01-01"),
        ("Rust Kilns: The Firebox", "2031-01-08"),
        ("Rust Kilns: The Chimney", "2031-01-15"),
    ]
    out = group([(t, None, (), d) for t, d in rows])
    assert out[0].key is None


@pytest.mark.parametrize(
    "opening",
    ["Introducing the Kiln crash course", "Introduction to the 'Kiln Crash Course' series"],
)
def test_a_post_introducing_a_series_by_its_whole_name_opens_it(opening: str) -> None:
    """The course's announcement names it whole, with no marker: it is the opening post."""
    rows = [
        (opening, "2031-01-01"),
        ("Bricks - Kiln Crash Course lesson 1", "2031-01-08"),
        ("Firebox - Kiln Crash Course lesson 2", "2031-01-15"),
        ("Introduction to glazes", "2031-01-20"),
    ]
    out = group([(t, None, (), d) for t, d in rows])
    assert out[1].key is not None and {g.key for g in out[:3]} == {out[1].key}
    assert out[0].part == 0 and [g.part for g in out[1:3]] == [1, 2]
    assert out[3].key is None


def test_an_introduction_to_a_one_word_topic_joins_nothing() -> None:
    # "Introduction to Kilns" beside "Kilns 1", "Kilns 2": a topic, as often as a series
    rows = [
        ("Introduction to Kilns", "2031-01-01"),
        ("Kilns: Part 1", "2031-01-08"),
        ("Kilns: Part 2", "2031-01-15"),
    ]
    out = group([(t, None, (), d) for t, d in rows])
    assert out[0].key is None and out[1].key == out[2].key is not None
