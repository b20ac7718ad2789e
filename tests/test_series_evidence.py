"""feeds.series evidence (issue #12): what counts against a group, kinds, strength, why.

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from readinglist.feeds.series.detect import detect, group
from readinglist.model.records import SeriesGuess


def _group(titles: Sequence[str | tuple[str, str]]) -> list[SeriesGuess]:
    posts = [(t, None, ()) if isinstance(t, str) else (t[0], t[1], ()) for t in titles]
    return group(posts)


def _keys(guesses: list[SeriesGuess]) -> set[str | None]:
    return {g.key for g in guesses}


def test_series_guess_defaults_keep_old_callers_working() -> None:
    g = SeriesGuess("k", "K", 1, "x")
    assert (g.kind, g.strength, g.why) == ("multipart", "strong", "")


# --- a shared prefix that is no series -----------------------------------------------


@pytest.mark.parametrize(
    "titles",
    [
        # announcement and advisory templates (announcing releases is a column: below)
        [
            "Security advisory for libquux",
            "Security advisory for barlib",
            "Security advisory for zed",
        ],
        [
            "Gizmo Labs participates in Summer of Docs 2024",
            "Gizmo Labs participates in Outreach Season 2025",
        ],
        # a version where the head sits
        ["Gizmo 3.1: faster builds", "Gizmo 3.1: a new plugin API", "Gizmo 3.1: fewer knobs"],
        # a translation marker and a post-kind head
        ["[译] 如何阅读源码", "[译] 为什么测试很重要", "[译] 缓存的代价"],
        ["Garden Review: trowels", "Garden Review: hoses", "Garden Review: gloves"],
        # ages, and numbers that are no sequence of parts
        ["25 岁的思考", "30 岁的思考"],
        ["MegaConf 22: keynote notes", "MegaConf 25: workshop notes"],
        # a lone chapter of someone else's book, a product version
        ["Thinking in Widgets chapter 2 exercises", "Ideas for Gizmo 2"],
    ],
)
def test_templates_and_numbers_that_are_not_series(titles: list[str]) -> None:
    out = _group(titles)
    assert all(g.part is None for g in out), out
    assert _keys(out) == {None}, out


def test_release_announcements_are_a_column_never_parts() -> None:
    """Each title announces another release: together they are the release column the
    issue names, shown together with no part order and no missing part 1.4."""
    out = _group(
        ["Announcing Frobnicator 1.2", "Announcing Frobnicator 1.3", "Announcing Frobnicator 2.0"]
    )
    assert len(_keys(out)) == 1 and None not in _keys(out), out
    assert all(g.kind == "recurring" and g.part is None for g in out), out
    assert "the same but for the version" in (out[0].why or "")


def test_a_number_on_every_title_names_rather_than_numbers() -> None:
    out = _group(["Cooking 101: knives", "Cooking 101: pans", "Cooking 101: salt"])
    assert all(g.part is None for g in out)


def test_a_part_marker_every_title_repeats_keeps_its_posts_together() -> None:
    """ "Gizmo 2편(심화)(3) x": the second course of "Gizmo", every post of it says "2편".
    The 2 names the course, so no post is part 2, but the posts stay one series; a bare
    shared number ("Ubuntu 7.04" twice) ties nothing."""
    titles = [
        "도자기 2편(심화 과정) 시작",
        "도자기 2편(심화 과정)(2) 유약",
        "도자기 2편(심화 과정)(3) 가마",
        "전혀 관계없는 글",
    ]
    out = _group(titles)
    assert out[0].key is not None and out[1].key == out[2].key == out[0].key
    assert all(g.part is None for g in out[:3]) and out[3].key is None
    assert "names, not numbers" in out[0].why
    bare = _group(["Notes on Gizmo 7.04", "Upgrading to Gizmo 7.04", "Something else"])
    assert _keys(bare) == {None}


def test_a_product_prefix_does_not_swallow_neighbouring_series() -> None:
    out = _group(
        [
            "Zeta.NET Web Api - Getting Started",
            "Zeta.NET Web Api - Camel Cased Fields",
            "Zeta.NET Web Api - Response Handler",
            "Zeta.NET Core - Health Checks",
            "Zeta.NET Core - Soft Delete",
            "Zeta.NET Core - Audit Fields",
        ]
    )
    assert out[0].key == out[1].key == out[2].key
    assert out[3].key == out[4].key == out[5].key
    assert out[0].key != out[3].key


# --- parts that were missed -------------------------------------------------------------


def test_numbers_stuck_to_their_stem() -> None:
    out = _group(["ORM1", "ORM2", "ORM3", "Unrelated musings"])
    assert out[0].key == out[1].key == out[2].key is not None
    assert [g.part for g in out[:3]] == [1, 2, 3]
    out = _group(["网络学习1-基础", "网络学习2-路由", "网络学习3-交换"])
    assert _keys(out) != {None} and [g.part for g in out] == [1, 2, 3]


def test_a_lone_part_of_a_bracketed_name() -> None:
    g = detect("「编译原理」2 词法分析")
    assert (g.name, g.part, g.short_title) == ("编译原理", 2, "词法分析")
    (alone,) = _group(["「编译原理」2 词法分析"])
    assert alone.part == 2 and alone.strength == "weak"


def test_lab_and_topic_numbers() -> None:
    out = _group(["Networks Lab 1: sockets", "Networks Lab 2: routing"])
    assert out[0].key == out[1].key is not None and [g.part for g in out] == [1, 2]
    out = _group(["Graph Theory Topic 1: walks", "Graph Theory Topic 2: trees"])
    assert [g.part for g in out] == [1, 2]


def test_numbers_in_a_nested_url_slug() -> None:
    out = _group(
        [
            ("Sorting, the basics", "https://e.org/posts/sorting-part1-1/"),
            ("Sorting by merging", "https://e.org/posts/sorting-part1-2/"),
            ("Sorting with heaps", "https://e.org/posts/sorting-part1-3/"),
        ]
    )
    assert out[0].key == out[1].key == out[2].key is not None
    assert [g.part for g in out] == [1, 2, 3]


def test_one_word_url_stems_need_a_run() -> None:
    run = _group(
        [
            ("启动！", "https://e.org/post/tinyos_1/"),
            ("从16位到32位", "https://e.org/post/tinyos_2/"),
            ("从32位到64位", "https://e.org/post/tinyos_3/"),
        ]
    )
    assert [g.part for g in run] == [1, 2, 3] and len(_keys(run)) == 1
    pair = _group(
        [
            ("Layer two is fine", "https://e.org/post/layer_2/"),
            ("Layer three is hard", "https://e.org/post/layer_3/"),
        ]
    )
    assert _keys(pair) == {None}


def test_two_part_shang_xia_are_parts_one_and_two() -> None:
    out = _group(["缓存设计（上）", "缓存设计（下）"])
    assert [g.part for g in out] == [1, 2]
    three = _group(["缓存设计（上）", "缓存设计（中）", "缓存设计（下）"])
    assert [g.part for g in three] == [1, 2, 3]


def test_the_same_title_twice_is_a_repeat_not_two_parts() -> None:
    repeated = "Ladder Climb - counting the ways"
    out = _group([repeated, repeated, "Judge 907. Knight Moves - a BFS"])
    assert all(g.standalone for g in out)
    # spacing and case aside, still the same post
    assert all(g.standalone for g in _group(["Garden Log:  Mulch", "garden log: mulch"]))
    # numbered copies differ by their numbers: those stay a series
    numbered = _group(
        [
            ("Kiln Notes", "https://k.example/kiln-notes-1/"),
            ("Kiln Notes", "https://k.example/kiln-notes-2/"),
        ]
    )
    assert [g.part for g in numbered] == [1, 2] and len(_keys(numbered)) == 1


def test_a_copy_at_the_address_plus_2_is_the_same_post() -> None:
    """WordPress files a copy at the first address plus "-2": no part 2, no part 1."""
    copies = _group(
        [
            ("Kiln Notes: Wedging", "https://k.example/kiln-notes-wedging/"),
            ("Kiln Notes: Wedging", "https://k.example/kiln-notes-wedging-2/"),
        ]
    )
    assert all(g.standalone for g in copies)
    escaped = _group(  # one title, its ampersand escaped two ways
        [
            ("Clay &amp; Glaze prices", "https://k.example/clay-glaze-prices/"),
            ("Clay &#038; Glaze prices", "https://k.example/clay-glaze-prices-2/"),
        ]
    )
    assert all(g.standalone for g in escaped)


def test_four_digits_in_parentheses_are_an_id_not_a_part() -> None:
    (talk,) = _group(["Kiln Deep Dive session (8430) accepted for the fair"])
    assert talk.standalone
    assert _group(["Kiln Deep Dive (3)"])[0].part == 3


# --- kind, strength and why ---------------------------------------------------------------


def test_numbered_series_are_strong_and_say_why() -> None:
    out = _group(
        ["Rust Tricks (1): x", "Rust Tricks (2): y", "Rust Tricks (3): z", "Rust Tricks (5)"]
    )
    assert {g.strength for g in out} == {"strong"}
    assert {g.kind for g in out} == {"multipart"}
    assert out[0].why == "titles 'Rust Tricks (N)' with N = 1–3, 5"


def test_shared_heads_are_weak_guesses() -> None:
    out = _group(
        [
            "Methods of Gardening — Pruning",
            "Methods of Gardening — Grafting",
            "Methods of Gardening — Mulch",
        ]
    )
    assert len(_keys(out)) == 1 and None not in _keys(out)
    assert {g.strength for g in out} == {"weak"}
    assert "share the head 'Methods of Gardening: …'" in out[0].why
    assert "no part numbers" in out[0].why


def test_recurring_columns_have_no_parts() -> None:
    out = _group(
        ["This Week in Gardening #12", "This Week in Gardening #13", "This Week in Gardening #15"]
    )
    assert {g.kind for g in out} == {"recurring"}
    assert all(g.part is None for g in out)
    assert out[0].why.startswith("recurring column")
    weekly = _group(["园艺周刊（第 10 期）：剪枝", "园艺周刊（第 11 期）：嫁接"])
    assert {g.kind for g in weekly} == {"recurring"} and all(g.part is None for g in weekly)


def test_standalone_guesses_carry_no_why() -> None:
    (g,) = _group(["Just a post"])
    assert g.standalone and g.why == ""


def test_one_number_among_many_titles_orders_nothing() -> None:
    """ "Week One" among six "Gizmo Strike - x" counts weeks: the dates order all six,
    and the week's post is the second. Among three, a "Part 2" still says its place."""
    strike = [
        ("Gizmo Strike - Why I joined", "2023-06-05"),
        ("Gizmo Strike - Week One", "2023-06-12"),
        ("Gizmo Strike - Does anyone care?", "2023-06-19"),
        ("Gizmo Strike - Frustrations", "2023-06-21"),
        ("Gizmo Strike - Regaining trust", "2023-06-23"),
        ("Gizmo Strike - It is over", "2023-08-07"),
    ]
    out = group([(t, None, (), d) for t, d in strike])
    assert len(_keys(out)) == 1 and None not in _keys(out)
    assert [g.part for g in out] == [1, 2, 3, 4, 5, 6]
    assert "one number (1, among 6 titles) orders nothing" in out[0].why
    kiln = [
        ("Kiln Log - Firing", "2023-06-05"),
        ("Kiln Log - Glazing", "2023-06-12"),
        ("Kiln Log - Part 2", "2023-06-19"),
    ]
    assert group([(t, None, (), d) for t, d in kiln])[2].part == 2  # not 3, its date rank


def test_launch_announcements_are_no_parts() -> None:
    """ "Kiln Plugin: Batch Firing", then "Kiln Plugin kiln-batch v1.1.0 launched!",
    "… v1.3.0 launched!": announcements of a product's releases, not its parts 2 and 3."""
    out = _group(
        [
            "Kiln Plugin: Batch Firing",
            "Kiln Plugin kiln-batch v1.1.0 launched!",
            "Kiln Plugin kiln-batch v1.3.0 launched!",
            "Kiln Plugin kiln-batch v1.4.0 launched!",
        ]
    )
    assert all(g.part is None for g in out), out
    assert not any(g.kind == "multipart" and g.key is not None for g in out), out
