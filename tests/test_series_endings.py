"""Two posts in a row that end with the same name are a (weak) two-part series."""

from __future__ import annotations

from collections.abc import Sequence

from readinglist.feeds.series.detect import group
from readinglist.feeds.series.titles import title_marker
from readinglist.model.records import SeriesGuess

PAIR = [
    ("Interfaces for Explaining Gizmo Signal Models", "2020-12-17"),
    ("Finding the Words: Hidden State Views for Signal Models", "2021-01-19"),
]
OTHERS = [
    ("A Visual Intro to Kilns", "2020-06-01"),
    ("Moving House", "2021-05-04"),
]


def _dated(posts: Sequence[tuple[str, str]]) -> list[SeriesGuess]:
    return group([(t, f"https://example.org/p{i}/", (), d) for i, (t, d) in enumerate(posts)])


def test_two_posts_in_a_row_ending_with_the_same_name() -> None:
    out = _dated(PAIR + OTHERS)
    assert out[0].key == out[1].key == "signal model"
    assert out[0].name == "Signal Models"
    assert [g.part for g in out[:2]] == [1, 2]  # in date order
    assert out[0].strength == "weak"  # a guess: the tree says so
    assert "in a row end with '… Signal Models'" in out[0].why
    assert all(g.key is None for g in out[2:])


def test_the_longest_shared_name_is_kept() -> None:
    out = _dated(
        [
            ("Installing Arch Linux Sem Dor", "2012-08-01"),
            ("Configuring Arch Linux Sem Dor", "2012-08-05"),
        ]
    )
    assert out[0].key == out[1].key and out[0].name == "Arch Linux Sem Dor"


def test_the_separator_before_a_shared_name_is_not_in_it() -> None:
    """ "Slides - Kiln Happy Hour: x - Jane Kilnmaker": the name is the speaker's, and
    one name word after a separator is too little to pair on."""
    out = _dated(
        [
            ("Slides - Kiln Happy Hour: Glazes - Jane Kilnmaker", "2026-02-12"),
            ("Slides - Kiln Happy Hour: Firing - Jane Kilnmaker", "2026-02-13"),
        ]
    )
    assert out[0].key == out[1].key and out[0].name == "Jane Kilnmaker"
    thin = _dated(
        [("Glazes in May - Kilnmaker", "2026-02-12"), ("Firing - Kilnmaker", "2026-02-13")]
    )
    assert all(g.key is None for g in thin)


def test_no_pair_when_the_evidence_is_thinner() -> None:
    # another post between them
    between = _dated([PAIR[0], ("Kiln Notes", "2021-01-01"), PAIR[1]])
    assert all(g.key is None for g in between)
    # months apart
    far = _dated([PAIR[0], (PAIR[1][0], "2021-06-19")])
    assert all(g.key is None for g in far)
    # a third title ends the same way: the phrase names a topic the author returns to
    third = _dated([*PAIR, ("Benchmarks for Signal Models", "2022-01-01")])
    assert all(g.key is None for g in third)
    # written as words, not as a name
    lower = _dated(
        [
            ("Thoughts on trusting types and unsafe code", "2020-01-01"),
            ("Observational equivalence and unsafe code", "2020-01-09"),
        ]
    )
    assert all(g.key is None for g in lower)
    # a stock question: "How X Works"
    how = _dated(
        [("How Gizmo Diffusion Works", "2022-11-01"), ("How Stable Diffusion Works", "2022-11-20")]
    )
    assert all(g.key is None for g in how)


# --- the series' name after the subtitle: "<subtitle> - <series> lesson N" -------------


def test_numbered_titles_ending_in_one_name_are_its_parts() -> None:
    out = _dated(
        [
            ("Warming Up - Kiln Glazing Course lesson 1", "2021-03-01"),
            ("Warming Up - Kiln Glazing Course lesson 1 - exercise answers", "2021-03-03"),
            ("Slips and Engobes - Kiln Glazing Course lesson 2", "2021-03-08"),
            ("Ash, Salt, and Soda - Kiln Glazing Course lesson 3", "2021-03-15"),
            ("A post about something else", "2021-03-20"),
        ]
    )
    assert {g.key for g in out[:4]} == {"kiln glazing course"}
    assert [g.part for g in out[:4]] == [1, 1, 2, 3]
    assert {g.name for g in out[:4]} == {"Kiln Glazing Course"}
    assert out[2].short_title == "Slips and Engobes"
    assert out[1].short_title == "Warming Up - exercise answers"
    assert out[4].standalone


def test_a_shared_ending_does_not_take_a_name_that_numbers_its_own_parts() -> None:
    out = _dated(
        [
            ("Pottery Basics - Clay Notes Part 1", "2021-01-01"),
            ("Pottery Basics - Clay Notes Part 2", "2021-01-08"),
            ("Glaze Chemistry - Clay Notes Part 1", "2021-02-01"),
            ("Glaze Chemistry - Clay Notes Part 2", "2021-02-08"),
        ]
    )
    assert len({g.key for g in out}) == 2
    assert [g.part for g in out] == [1, 2, 1, 2]
    # one subtitle alone with one number: no series to find
    alone = _dated([("Raku Firing - Clay Notes Part 4", "2021-01-01"), ("Other", "2021-02-01")])
    assert alone[0].key != "clay notes"


def test_a_title_quoting_another_whole_title_has_the_quoted_titles_marker() -> None:
    """Notes on a video course, each titled "'<subtitle> - <course> NN' 정리" (notes on
    it): the quoted title numbers the part, as it would unquoted. A quote that is only a
    piece of the title, or with more than two words around it, is read as before."""
    out = _dated(
        [
            ("'Opening a Kiln - Gizmo Kiln Course 01' 정리", "2021-10-13"),
            ("'Loading the Shelves - Gizmo Kiln Course 02' 정리", "2021-10-14"),
            ('"Cone Packs - Gizmo Kiln Course 03" notes', "2021-10-15"),
            ("A post about something else", "2021-10-20"),
        ]
    )
    assert {g.key for g in out[:3]} == {"gizmo kiln course"}
    assert [g.part for g in out[:3]] == [1, 2, 3]
    assert out[0].short_title == "Opening a Kiln"
    assert out[3].standalone
    # a marker inside the quotes is read there, not across them: no quote in the name
    marker = title_marker("'Better way 3. Know your bytes' 정리")
    assert marker is not None and (marker.name, marker.part) == ("Better way", 3)
    assert marker.short_title == "Know your bytes"
    loose = _dated(
        [
            ("My thoughts on 'Opening a Kiln - Gizmo Kiln Course 01' today", "2021-10-13"),
            ("My thoughts on 'Loading the Shelves - Gizmo Kiln Course 02' today", "2021-10-14"),
        ]
    )
    assert all(g.part is None for g in loose)
