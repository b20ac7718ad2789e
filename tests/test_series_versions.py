"""A version in a series' name is no part number (issue #12: "Ideas for <Product> 2").

"Programming in Gizmo 3 - Objects" reads like part 3 of "Programming in Gizmo"; when
the post's slug says "part 1" after a name that holds the 3 (/gizmo-3-oop-part-1-x/),
the 3 belongs to the name and the slug numbers the parts.
"""

from __future__ import annotations

from readinglist.feeds.series.detect import group
from readinglist.feeds.series.rules import split_url, url_marker


def test_a_slug_that_says_part_after_a_numbered_name() -> None:
    mark = url_marker(split_url("https://example.org/2014/08/20/gizmo-3-oop-part-1-objects/"))
    assert mark is not None and (mark.key, mark.part, mark.explicit) == ("gizmo 3 oop", 1, True)
    plain = url_marker(split_url("https://example.org/nix-flakes-3-intro/"))
    assert plain is not None and plain.part == 3 and not plain.explicit


def test_the_version_stays_in_the_name_and_the_slug_numbers_the_parts() -> None:
    topics = ["Objects and types", "Classes", "Composition", "Polymorphism"]
    posts = [
        (
            f"Programming in Gizmo 3 - {topic}",
            f"https://example.org/blog/2014/08/2{n}/gizmo-3-oop-part-{n}-{topic.split()[0].lower()}/",
            (),
            f"2014-08-2{n}",
        )
        for n, topic in enumerate(topics, start=1)
    ]
    posts.append(
        ("Gizmo decorators: style", "https://example.org/gizmo-decorators/", (), "2014-09-01")
    )
    out = group(posts)
    assert {g.key for g in out[:4]} == {"programming in gizmo 3"}
    assert [g.part for g in out[:4]] == [1, 2, 3, 4]  # part 3 too: its slug says so
    assert out[4].key is None
    # without a slug that says "part", the bare numbers still count as before
    bare = group([(f"Gizmo Notes {n}", None, (), f"2020-01-0{n}") for n in (1, 2, 3)])
    assert [g.part for g in bare] == [1, 2, 3]


def test_a_slug_number_the_title_writes_as_a_version_is_no_part() -> None:
    site = "https://example.org/posts"
    rows = [
        ("Gizmo 3.0: what changed", f"{site}/gizmo-3-0-what-changed/", "2020-01-01"),
        ("Gizmo 3.4 for portraits", f"{site}/gizmo-3-4-for-portraits/", "2020-06-01"),
        ("Gizmo 4.2.0 on video", f"{site}/gizmo-4-2-0-on-video/", "2021-01-01"),
        ("Gizmo 2.6: a live session", f"{site}/gizmo-2-6-a-live-session/", "2019-01-01"),
        ("Unrelated notes", f"{site}/unrelated-notes/", "2019-02-01"),
    ]
    course = [
        (f"Gizmo - 0{n} - {w}", f"{site}/gizmo-0{n}-{w}/", f"2018-0{n}-01")
        for n, w in ((2, "layers"), (3, "masks"), (4, "curves"))
    ]
    out = group([(t, u, (), d) for t, u, d in rows + course])
    assert all(g.key is None for g in out[:5]), out[:5]
    assert [g.part for g in out[5:]] == [2, 3, 4] and len({g.key for g in out[5:]}) == 1
    # a slug number the title does not write as a version still numbers a run
    run = [
        (f"Kiln log: week {w}", f"{site}/kiln-log-{n}-{w}/", f"2020-0{n}-01")
        for n, w in enumerate(("clay", "glaze", "fire"), start=1)
    ]
    numbered = group([(t, u, (), d) for t, u, d in run])
    assert [g.part for g in numbered] == [1, 2, 3]


def test_posts_about_one_release_are_no_release_column() -> None:
    titles = ["Gizmo 2.6: previews", "Gizmo 2.6.0 is here", "Gizmo 2.6.1", "Gizmo 2.6: live"]
    out = group([(t, None, (), f"2019-0{n}-01") for n, t in enumerate(titles, start=1)])
    assert all(g.key is None for g in out), out


def test_a_version_inside_a_long_name_is_what_the_series_is_about() -> None:
    titles = [
        "Getting started with Gizmo v10 by building a todo app - Backend",
        "Getting started with Gizmo v10 by building a todo app - Frontend",
    ]
    out = group([(t, None, (), f"2022-10-{d}") for t, d in zip(titles, (13, 26), strict=True)])
    assert out[0].key == out[1].key is not None
    # a version that ends the name still names one release, not a series
    release = group(
        [
            (f"Gizmo 1.0: {w}", None, (), "2022-01-0" + str(i))
            for i, w in enumerate(("speed", "plugins", "themes"), start=1)
        ]
    )
    assert all(g.key is None for g in release)


def test_a_part_slug_in_a_series_directory() -> None:
    site = "https://example.org/articles/kiln-course"
    rows = [
        ("Firing a kiln, the backend", f"{site}/part-1-the-api/", (), "2022-10-13"),
        ("Firing a kiln, the frontend", f"{site}/part-2-the-ui/", (), "2022-10-26"),
    ]
    out = group(rows)
    assert out[0].key == out[1].key is not None and [g.part for g in out] == [1, 2]


def test_a_books_place_in_its_series_as_catalogues_cite_it_is_no_part() -> None:
    """Reviews of the books of someone else's series: "(The Kiln Saga, #2)" is the book's
    place, and the slug numbering it ("kilnsaga2") is the book's too."""
    posts = [
        ("Review of Ash and Ember (The Kiln Saga, #1)", "kilnsaga1"),
        ("Review of The Second Firing (The Kiln Saga, #2)", "kilnsaga2"),
        ("Review of Glaze and Glory (The Kiln Saga, #3)", "kilnsaga3"),
        ("Review of A Short Story (The Kiln Saga, #2.5)", "kilnsaga-short"),
    ]
    guesses = group(
        [
            (t, f"https://example.org/blog/{slug}/", (), f"2031-03-{i + 1:02d}")
            for i, (t, slug) in enumerate(posts)
        ]
    )

    assert [(g.key, g.part) for g in guesses] == [(None, None)] * 4


def test_the_blogs_own_numbers_in_parentheses_still_count() -> None:
    guesses = group(
        [
            ("Kiln notes (Glaze Lab #1)", "https://example.org/blog/a/", (), "2031-03-01"),
            ("Kiln notes (Glaze Lab #2)", "https://example.org/blog/b/", (), "2031-03-02"),
        ]
    )

    assert [g.part for g in guesses] == [1, 2]


def test_a_one_word_slug_is_compared_as_written() -> None:
    """ "HTTP2" is HTTP's version 2; "What is HTTPS?" at /https/ is another protocol,
    though folding the slug's plural makes it "http". A plural the series' own titles
    write ("Widgets 2" beside /widgets/) still joins as the unnumbered first part."""
    site = "https://example.org/blog"
    others = [
        ("Notes on gardening", f"{site}/gardening/", (), "2018-01-05"),
        ("A trip to the coast", f"{site}/coast-trip/", (), "2018-06-01"),
    ]
    protocols = [
        ("HTTP2", f"{site}/http2/", ("http",), "2018-03-11"),
        ("What is HTTPS?", f"{site}/https/", ("http",), "2019-09-27"),
    ]
    assert [g.key for g in group(protocols + others)] == [None] * 4
    widgets = [
        ("Widgets 2", f"{site}/widgets-2/", (), "2018-03-11"),
        ("All about them", f"{site}/widgets/", (), "2018-03-01"),
        ("Widgets 3", f"{site}/widgets-3/", (), "2018-03-21"),
    ]
    out = group(widgets + others)
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None
    assert [g.part for g in out[:3]] == [2, 1, 3]
