"""Leading tags: ids, categories and series names (issue #12, blogs never seen).

Problem-solving and study blogs open titles with a tag: "[Bronze / 1000] A+B" (a
problem's id), "(C++) x" (a category, for years), "(C#) 12. x" (a numbered course).
"""

from __future__ import annotations

from collections.abc import Sequence

from readinglist.feeds.series.detect import group
from readinglist.feeds.series.rules import normalize
from readinglist.model.records import SeriesGuess

SITE = "https://example.org"


def _posts(rows: Sequence[tuple[str, str, str]]) -> list[SeriesGuess]:
    """(title, path, ISO date) -> group()."""
    return group([(t, SITE + path, (), day) for t, path, day in rows])


def test_an_id_tag_names_one_post_not_a_series() -> None:
    problems = [
        ("[Bronze / 1000] A+B", "/boj/bronze/boj-1000/", "2022-01-01"),
        ("[Bronze / 1001] A-B", "/boj/bronze/boj-1001/", "2022-01-02"),
        ("[Bronze / 2750] Sort Numbers", "/boj/bronze/boj-2750/", "2022-01-03"),
        ("[Silver / 2751] Sort Numbers 2", "/boj/silver/boj-2751/", "2022-01-04"),
        ("[Bronze / 3009] 네 번째 점", "/boj/bronze/boj-3009/", "2022-01-05"),
        ("[Silver / 1003] Fibonacci", "/boj/silver/boj-1003/", "2022-01-06"),
        ("[CVE-2014-5204] Wordpress nonce issues", "/cve-2014-5204/", "2022-01-07"),
    ]
    out = _posts(problems)
    # no id tag names a series, no section of problems becomes one, and "the fourth
    # point" (a Korean ordinal inside the problem's name) is no part 4
    grouped = [(g.key, g.part) for g in out if g.key is not None]
    assert all(key == normalize("Sort Numbers") for key, _ in grouped), grouped
    assert out[4].key is None and out[4].part is None
    assert out[5].key is None and out[6].key is None


def test_a_numbered_pair_does_not_pull_in_every_post_sharing_a_slug_word() -> None:
    rows = [("Sorting Things 1", "/notes/boj-2751/", "2022-01-01")]
    rows.append(("Sorting Things 2", "/notes/boj-2752/", "2022-01-02"))
    rows += [
        (f"Problem {w}", f"/notes/boj-{1000 + i}/", "2022-01-03") for i, w in enumerate("ABCDEFGH")
    ]
    out = _posts(rows)
    assert [g.part for g in out[:2]] == [1, 2]
    assert all(g.key is None for g in out[2:]), out[2:]


def test_a_product_named_in_every_slug_is_no_series_stem() -> None:
    """A site about one product: its numbered course's slugs open with the product's
    name, and so do the slugs of its release notes and news."""
    rows = [
        (f"Gizmo - 0{n} - lesson", f"/posts/gizmo-0{n}-lesson-{w}/", f"2021-01-0{n}")
        for n, w in ((2, "a"), (3, "b"), (4, "c"))
    ]
    rows += [
        ("Gizmo 2.2.1", "/posts/gizmo-2-2-1/", "2021-02-01"),
        ("Gizmo on Windows", "/posts/gizmo-on-windows/", "2021-02-05"),
        ("Gizmo in a magazine", "/posts/gizmo-in-a-magazine/", "2021-02-09"),
    ]
    out = _posts(rows)
    assert len({g.key for g in out[:3]}) == 1 and [g.part for g in out[:3]] == [2, 3, 4]
    assert all(g.key is None for g in out[3:]), out[3:]
    # a stem of two words or more still names the series' unnumbered posts
    two = [
        ("Glazes", "/posts/kiln-notes-2-glazes/", "2021-03-02"),
        ("Firing", "/posts/kiln-notes-3-firing/", "2021-03-03"),
        ("Before the kiln", "/posts/kiln-notes-intro/", "2021-03-01"),
    ]
    out = _posts(two)
    assert out[2].key == out[0].key == out[1].key is not None


def test_a_numbered_list_item_after_a_tag_in_parentheses() -> None:
    topics = ["data", "operators", "branches", "loops"]
    rows = [
        (f"(C#) {n}. {t}", f"/posts/({n}){t}/", f"2021-01-{n:02d}") for n, t in enumerate(topics, 1)
    ]
    rows += [
        (f"(C++) tip {w}", f"/posts/cpp-{w}/", f"2021-02-0{i + 1}") for i, w in enumerate("abc")
    ]
    out = _posts(rows)
    assert {g.key for g in out[:4]} == {"csharp"} and [g.part for g in out[:4]] == [1, 2, 3, 4]
    assert out[0].strength == "strong"
    # C# and C++ are two subjects, not one "c"
    assert all(g.key != "csharp" for g in out[4:])


def test_a_tag_alone_makes_no_group() -> None:
    """A tag names a category as often as a series: alone it groups nothing."""
    words = ["timers", "sockets", "logging", "threads"]
    for days in (
        ["2019-03-01", "2019-09-01", "2020-06-01", "2021-11-01"],  # filed under for years
        ["2021-03-01", "2021-03-15", "2021-04-02", "2021-05-20"],  # within a season
    ):
        out = _posts([(f"(Gizmo) {w}", f"/g-{w}/", d) for w, d in zip(words, days, strict=True)])
        assert all(g.key is None for g in out), out
    # with numbers beside it, the tag names the series
    numbered = _posts(
        [(f"[Gizmo] {n}. {w}", f"/g-{w}/", f"2021-03-{n:02d}") for n, w in enumerate(words, 1)]
    )
    assert {g.key for g in numbered} == {"gizmo"} and [g.part for g in numbered] == [1, 2, 3, 4]


def test_one_weak_number_under_a_tag_is_no_part() -> None:
    days = [f"2021-03-{d:02d}" for d in (1, 5, 9, 13)]
    titles = [
        "(Gizmo) DT1-Remote automation",
        "(Gizmo) logging",
        "(Gizmo) timers",
        "(Gizmo) sockets",
    ]
    out = _posts([(t, f"/p{i}/", d) for i, (t, d) in enumerate(zip(titles, days, strict=True))])
    # the "1" in DT1 names the subject; without it only the tag is left, which groups nothing
    assert all(g.key is None and g.part is None for g in out), out


def test_one_strong_number_among_many_posts_under_a_tag_makes_no_series() -> None:
    """Book notes filed under "[Book]" for years, one of them a book whose title says
    "first lesson" (第一課): that number is the book's phrase, not a part of the tag's
    posts, which stay a category."""
    books = ["窯的故事", "釉的科學", "陶藝家的一天", "泥土與火"]
    rows = [(f"[Book] {b}", f"/book/{i}/", f"20{20 + i}-05-01") for i, b in enumerate(books)]
    rows.append(("[Book] 陶藝家的第一課：從揉土開始", "/book/first/", "2025-06-01"))

    assert all(g.key is None for g in _posts(rows))


def test_slugs_that_number_the_tag_make_its_posts_parts() -> None:
    """ "(Gizmo) x" at /gizmo-00-x/, /gizmo-01-y/ …: the author numbered the files."""
    words = ["setup", "tensors", "shapes", "indexing", "training"]
    rows = [
        (f"(Gizmo) {w}", f"/posts/gizmo-{n:02d}-{w}/", f"2021-03-{n + 1:02d}")
        for n, w in enumerate(words)
    ]
    out = _posts(rows)
    assert {g.key for g in out} == {"gizmo"}, out
    assert [g.part for g in out] == [0, 1, 2, 3, 4]
    assert "URL slugs numbered 0–4" in out[0].why
    # shuffled, the same parts: the slugs order them, not the feed
    shuffled = _posts(rows[::-1])
    assert [g.part for g in shuffled] == [4, 3, 2, 1, 0]


def test_a_few_numbered_slugs_under_a_tag_are_topics() -> None:
    """Two "(Gizmo) x" of six whose slugs hold a number count something; no group."""
    rows = [
        ("(Gizmo) radar with 3 channels", "/posts/gizmo-3-channel-radar/", "2021-03-01"),
        ("(Gizmo) one-shot remote", "/posts/gizmo-1-shot-remote/", "2021-04-01"),
        ("(Gizmo) logging", "/posts/gizmo-logging/", "2021-05-01"),
        ("(Gizmo) timers", "/posts/gizmo-timers/", "2021-06-01"),
        ("(Gizmo) sockets", "/posts/gizmo-sockets/", "2021-07-01"),
        ("(Gizmo) threads", "/posts/gizmo-threads/", "2021-08-01"),
    ]
    out = _posts(rows)
    assert all(g.key is None and g.part is None for g in out), out


def test_a_category_directory_does_not_glue_a_course_to_the_tags_filed_in_it() -> None:
    """ "/gizmo/" holds "[Gizmo] x" notes and two "[Gizmo Pro] y" posts; the numbered
    "[Gizmo Pro] Section N" course lives under "/courses/". The directory is a
    category: it makes none of its posts parts of the course."""
    course = [
        (f"[Gizmo Pro] Section {n}. {w}", f"/courses/gizmo-pro-section-{n}/", f"2031-03-{n:02d}")
        for n, w in enumerate(["basics", "architecture", "forms", "methods"], 1)
    ]
    filed = [
        ("[Gizmo Pro] filter flow", "/gizmo/gizmo-pro-filter-flow/", "2031-03-20"),
        ("[Gizmo Pro] access flow", "/gizmo/gizmo-pro-access-flow/", "2031-03-21"),
        ("[Gizmo] headers", "/gizmo/gizmo-headers/", "2031-01-05"),
        ("[Gizmo] mail sign-up", "/gizmo/gizmo-mail/", "2031-02-11"),
        ("[Gizmo] chat rooms", "/gizmo/gizmo-chat/", "2031-04-17"),
        ("[Gizmo] error logs", "/gizmo/gizmo-error-logs/", "2031-05-23"),
    ]
    out = _posts(course + filed)
    series = out[0].key
    assert series is not None and [g.part for g in out[:4]] == [1, 2, 3, 4]
    assert all(g.key != series and g.key is None for g in out[6:]), out[6:]


def test_a_course_written_up_from_its_fourth_section_is_a_series() -> None:
    """Section 4, 5, 6, 7 in a row: an unbroken run is a sequence wherever it starts."""
    words = ["queries", "extensions", "internals", "examples"]
    rows = [
        (f"[Gizmo Data] Section {n}. {w}", f"/gizmo-data-{w}/", f"2031-03-{n:02d}")
        for n, w in zip(range(4, 8), words, strict=True)
    ]
    out = _posts(rows)
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    assert [g.part for g in out] == [4, 5, 6, 7]


def test_unnumbered_posts_under_the_tag_of_a_numbered_series_are_not_its_parts() -> None:
    """ "[Gizmo Data] merge" beside "[Gizmo Data] Section N. x": the tag is a topic."""
    course = [
        (f"[Gizmo Data] Section {n}. {w}", f"/gizmo-data-{w}/", f"2031-03-{n * 2:02d}")
        for n, w in enumerate(["basics", "queries", "extensions"], 1)
    ]
    notes = [
        ("[Gizmo Data] merge and dirty checking", "/gizmo-data-merge/", "2031-03-03"),
        ("[Gizmo Data] proxies and concurrency", "/gizmo-data-proxies/", "2031-05-09"),
    ]
    out = _posts(course + notes)
    assert [g.part for g in out[:3]] == [1, 2, 3] and len({g.key for g in out[:3]}) == 1
    assert all(g.key is None for g in out[3:]), out[3:]


def test_a_number_glued_to_a_word_after_a_tag_is_no_part() -> None:
    """ "[Gizmo] 1차원 배열" is a one-dimensional array: the 1 belongs to its word."""
    from readinglist.feeds.series.titles import title_marker

    for title in ("[Gizmo] 1차원 배열", "[Gizmo] 2차원 배열과 포인터", "「Gizmo」3D printing"):
        marker = title_marker(title)
        assert marker is None or marker.part is None, (title, marker)
    numbered = title_marker("「Gizmo」2 배열")
    assert numbered is not None and numbered.part == 2
