"""A series named from its slugs shows the words as the feed's titles write them.

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from readinglist.feeds.series.detect import group

SITE = "https://example.org/blog"


def _group(rows: list[tuple[str, str]]) -> list[str | None]:
    out = group(
        [(t, f"{SITE}/{slug}/", (), f"2031-02-{i + 1:02d}") for i, (t, slug) in enumerate(rows)]
    )
    return [g.name for g in out]


def test_acronyms_and_inner_capitals_come_from_the_titles() -> None:
    names = _group(
        [
            ("Hypermedia-ness", "glaze-api-maturity-model-part-i-hypermedia"),
            ("The missing links", "glaze-api-maturity-model-part-ii-links"),
            ("Why every kiln needs an API", "kiln-api"),
            ("Talking to the kiln from iOS", "kiln-ios"),
        ]
    )
    assert names[0] == names[1] == "Glaze API Maturity Model"


def test_joining_words_the_titles_keep_lower_case_stay_lower_case() -> None:
    names = _group(
        [
            ("Instalación", "arcilla-y-esmalte-01-instalacion"),
            ("Primeros pasos", "arcilla-y-esmalte-02-primeros-pasos"),
            ("Arcilla y esmalte: un resumen", "resumen"),
        ]
    )
    assert names[0] == names[1] == "Arcilla y Esmalte"


def test_a_word_the_titles_write_only_in_lower_case_keeps_the_slug_capital() -> None:
    # "cqrs" in lower case says nothing a slug did not; "CQRS" in one title does
    names = _group(
        [
            ("Introducing the pattern (cqrs 1/2)", "cqrs-part1"),
            ("Scaling it out (cqrs 2/2)", "cqrs-part2"),
        ]
    )
    assert names[0] == names[1] == "Cqrs"
    names = _group(
        [
            ("Introducing CQRS (cqrs 1/2)", "cqrs-part1"),
            ("Scaling it out (cqrs 2/2)", "cqrs-part2"),
        ]
    )
    assert names[0] == names[1] == "CQRS"


def test_a_name_the_titles_gave_is_left_as_they_gave_it() -> None:
    names = _group([("Glaze basics (1)", "x-1"), ("Glaze basics (2)", "x-2"), ("GLAZE news", "n")])
    assert names[0] == names[1] == "Glaze basics"


def test_a_qualified_head_does_not_take_in_the_plain_one() -> None:
    """ "Glaze Patterns - x" and "Stoneware Glaze Pattern: y" share a name's end, but
    neither numbers anything: a qualifier narrows a topic, as "ASP.NET Core" does
    "ASP.NET", so they stay two groups. Numbered, one series keeps its spellings."""
    out = group(
        [
            ("Glaze Patterns - What they are", f"{SITE}/a/", (), "2016-03-01"),
            ("Glaze Patterns - Twenty-three of them", f"{SITE}/b/", (), "2016-03-09"),
            ("Stoneware Glaze Pattern: Celadon", f"{SITE}/c/", (), "2022-02-13"),
            ("Stoneware Glaze Pattern: Tenmoku", f"{SITE}/d/", (), "2022-02-20"),
            ("Stoneware Glaze Pattern: Shino", f"{SITE}/e/", (), "2022-02-27"),
        ]
    )
    keys = [g.key for g in out]
    assert keys[0] == keys[1] and keys[2] == keys[3] == keys[4]
    assert keys[0] is not None and keys[2] is not None and keys[0] != keys[2]
    numbered = group(
        [
            ("Kiln Firing Schedules, part 1", f"{SITE}/f1/", (), "2022-01-01"),
            ("Cone ten (kiln firing schedules, part 2)", f"{SITE}/f2/", (), "2022-01-08"),
            ("Gas Kiln Firing Schedules part 3", f"{SITE}/f3/", (), "2022-01-15"),
        ]
    )
    assert len({g.key for g in numbered}) == 1 and [g.part for g in numbered] == [1, 2, 3]


def test_a_name_stops_before_the_bracket_or_arrow_its_marker_opened() -> None:
    """The marker can follow an opening bracket or an arrow ("X - 「第十九章 …」",
    "Kiln -> Day 2"); the name the reader sees does not end with it."""
    quoted = group(
        [
            ("Gizmo 讀書會 - 「第十八章 窯」的草稿", None, ()),
            ("Gizmo 讀書會 - 「第十九章 釉」的草稿", None, ()),
        ]
    )
    assert {g.name for g in quoted} == {"Gizmo 讀書會"} and quoted[0].key is not None
    arrow = group([("Kiln log -> Day 1", None, ()), ("Kiln log -> Day 2", None, ())])
    assert {g.name for g in arrow} == {"Kiln log"} and [g.part for g in arrow] == [1, 2]


def test_a_part_title_drops_the_bracket_its_marker_opened() -> None:
    """ "Gizmo 讀書會 - 「第十九章 釉」的草稿" is the part "釉的草稿" of "Gizmo 讀書會", not
    "釉」的草稿"; a bracket the title itself closes stays."""
    out = group(
        [
            ("Gizmo 讀書會 - 「第十八章 窯」的草稿", None, ()),
            ("Gizmo 讀書會 - 「第十九章 釉」(決定版)", None, ()),
        ]
    )
    assert [g.short_title for g in out] == ["窯的草稿", "釉(決定版)"]


@pytest.mark.parametrize(("opening", "closing"), [("'", "'"), ('"', '"'), ("“", "”"), ("‘", "’")])
def test_a_quote_around_a_whole_title_is_in_neither_name_nor_part(
    opening: str, closing: str
) -> None:
    """ "'Kiln Glazes: matte finishes' 번역" (a translated article, its title quoted):
    the series is "Kiln Glazes", its part "matte finishes 번역", no stray quote in
    either; a quote the part title opens and closes itself stays."""
    out = group(
        [
            (f"{opening}Kiln Glazes: matte finishes{closing} 번역", None, ()),
            (f"{opening}Kiln Glazes: glossy finishes{closing} 번역", None, ()),
            (f"{opening}Kiln Glazes: the {opening}crawl{closing} fault{closing} 번역", None, ()),
        ]
    )
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert {g.name for g in out} == {"Kiln Glazes"}
    assert [g.short_title for g in out] == [
        "matte finishes 번역",
        "glossy finishes 번역",
        f"the {opening}crawl{closing} fault 번역",
    ]


def test_a_ranges_end_is_not_a_parts_title() -> None:
    """ "Kiln log Day 4-7" covers four days: its part is not titled "7", but by the whole
    title, which shows the range; "Weeks 1-2: Glazes" is the part "Glazes"; and "1-2
    glaze notes" (item 2 of week 1) keeps its "2", which is no range's end."""
    out = group(
        [
            ("Kiln log Day 1-3", None, ()),
            ("Kiln log Day 4-7", None, ()),
            ("Kiln log Day 8", None, ()),
        ]
    )
    assert out[0].key is not None and len({g.key for g in out}) == 1
    assert [g.short_title for g in out[:2]] == ["Kiln log Day 1-3", "Kiln log Day 4-7"]
    weeks = group([("Glaze Lab Week 1-2: Glazes", None, ()), ("Glaze Lab Week 3: Kilns", None, ())])
    assert weeks[0].short_title == "Glazes"
    notes = group(
        [("Kiln club 1-2 glaze notes", None, ()), ("Kiln club 2-1 glaze notes", None, ())]
    )
    assert notes[0].short_title == "2 glaze notes"


def test_a_reply_is_read_as_the_post_it_answers() -> None:
    """ "Re: Kiln diary Day 868 x" (a forum's reply, kept by a blog grown from one) is day
    868 of "Kiln diary", its part title still saying it is a reply, not a one-post series
    "Re: Kiln diary" with 867 parts missing; an unnumbered "Re: x" stays standalone."""
    out = group(
        [
            ("Kiln diary Day 866 glaze", None, ()),
            ("Kiln diary Day 867 firing", None, ()),
            ("Kiln diary Day 868 cooling", None, ()),
            ("Re: Kiln diary Day 868 cooling", None, ()),
            ("Re: Cone charts", None, ()),
        ]
    )
    assert len({g.key for g in out[:4]}) == 1 and out[0].key is not None
    assert {g.name for g in out[:4]} == {"Kiln diary"}
    assert [g.part for g in out[:4]] == [866, 867, 868, 868]
    assert out[3].short_title == "Re: cooling" and out[4].key is None


def test_a_series_its_slugs_name_by_a_part_word_is_named_by_its_titles() -> None:
    """Slugs "/part-2-…/", "/part-3-…/" name the series "Part"; the titles share a phrase."""
    rows = [
        ("Part 2: Kilns as Part of Your Pottery Workflow", "part-2-kilns-as-part-of-workflow"),
        ("Part 3: Glazes as Part of Your Pottery Workflow", "part-3-glazes-as-part-of-workflow"),
        ("Part 4: Wheels as Part of Your Pottery Workflow", "part-4-wheels-as-part-of-workflow"),
    ]
    out = group([(t, f"https://example.org/posts/{slug}/", ()) for t, slug in rows])
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert {g.name for g in out} == {"Part of Your Pottery Workflow"}
    assert [g.part for g in out] == [2, 3, 4]


def test_a_slug_that_drops_the_word_and_names_the_same_series() -> None:
    """Slugs made by hand drop "and" now and then ("glaze-and-kiln-notes",
    "glaze-kiln-notes-part-2"); the words left still name one series."""
    out = group(
        [
            ("What a glaze is", f"{SITE}/2031/glaze-and-kiln-notes/", (), "2031-01-03"),
            ("Mixing a base", f"{SITE}/2031/glaze-kiln-notes-part-2/", (), "2031-01-20"),
            ("Firing it", f"{SITE}/2031/glaze-kiln-notes-part-3/", (), "2031-02-11"),
            ("Cooling slowly", f"{SITE}/2031/glaze-and-kiln-notes-part-4/", (), "2031-03-02"),
            ("A day at the market", f"{SITE}/2031/market-day/", (), "2031-03-09"),
        ]
    )
    assert out[0].key is not None and {g.key for g in out[:4]} == {out[0].key}
    assert [g.part for g in out[:4]] == [1, 2, 3, 4] and out[4].key is None


def test_a_name_made_of_a_shared_opening_does_not_end_with_a_linking_word() -> None:
    """ "Glazing pots with ash", "… with salt", "… with wood": the series is "Glazing
    pots"; each part keeps the words that join it ("with salt")."""
    out = group(
        [
            ("Glazing pots with ash", f"{SITE}/ash/", (), "2031-02-01"),
            ("Glazing pots with salt", f"{SITE}/salt/", (), "2031-02-08"),
            ("Glazing pots with wood", f"{SITE}/wood/", (), "2031-02-15"),
        ]
    )
    assert {g.name for g in out} == {"Glazing pots"} and out[0].key is not None
    assert [g.short_title for g in out] == ["with ash", "with salt", "with wood"]
