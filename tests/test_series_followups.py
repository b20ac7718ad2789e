"""feeds.series: a post that says it follows up another one (#12, third round).

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from readinglist.feeds.series.detect import detect, group
from readinglist.model.records import SeriesGuess


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


KILN_HEADS = [
    ("Kiln Crafter: Data Transformations", "2031-01-01"),
    ("Kiln Crafter - Render Optimizations", "2031-01-08"),
    ("Kiln Crafter Error Handling", "2031-01-22"),
]


def _tagged(rows: list[tuple[str, str, tuple[str, ...]]]) -> list[SeriesGuess]:
    return group([(t, None, tags, d) for t, d, tags in rows])


def test_a_title_naming_a_tagged_head_series_mid_title_joins_it() -> None:
    """ "Testing Kiln Crafter" names the series the "Kiln Crafter x" posts make, and
    carries the tag all of them carry: one series, in date order."""
    tag = ("Kiln Crafter", "JavaScript")
    rows = [(t, d, tag) for t, d in KILN_HEADS]
    rows.insert(2, ("Testing Kiln Crafter", "2031-01-15", tag))
    rows.append(("Why I like glazes", "2031-01-29", ("JavaScript",)))
    out = _tagged(rows)
    assert out[0].key is not None and {g.key for g in out[:4]} == {out[0].key}
    assert [g.part for g in out[:4]] == [1, 2, 3, 4]
    assert "naming 'Kiln Crafter'" in out[2].why
    assert out[4].key is None


def test_a_mention_without_the_series_tag_joins_nothing() -> None:
    """A product named in a title is no evidence alone: the tags must agree."""
    tag = ("Kiln Crafter",)
    rows = [(t, d, tag) for t, d in KILN_HEADS]
    rows.append(("Disappointed with Kiln Crafter", "2031-01-29", ("Rants",)))
    assert _tagged(rows)[3].key is None
    # nor when the head series' own posts do not all carry it
    untagged = [(t, d, tag if n else ()) for n, (t, d) in enumerate(KILN_HEADS)]
    untagged.append(("Testing Kiln Crafter", "2031-01-29", tag))
    assert _tagged(untagged)[3].key is None


@pytest.mark.parametrize(
    "extra",
    ["窑炉手记（番外）", "窑炉手记（后传）", "窑炉手记 (Bonus)", "窑炉手记 - Epilogue"],
)
def test_a_side_story_joins_the_series_it_names_unnumbered(extra: str) -> None:
    """A side story (番外), a sequel (后传), a bonus or an epilogue names its series
    and ends with the marker: it belongs to the series, after its parts, with no number
    of its own, even when the series so far is one numbered post."""
    rows = [
        ("窑炉手记（一）", "2031-01-01"),
        ("陶土的种类", "2031-01-05"),
        (extra, "2031-02-01"),
    ]
    out = group([(t, None, (), d) for t, d in rows])
    assert out[0].key is not None and out[2].key == out[0].key
    assert (out[0].part, out[2].part) == (1, None)
    assert out[1].key is None


def test_a_side_story_of_no_series_stays_alone() -> None:
    rows = [("窑炉手记（番外）", "2031-01-01"), ("陶土的种类（一）", "2031-01-05")]
    out = group([(t, None, (), d) for t, d in rows])
    assert out[0].key is None
