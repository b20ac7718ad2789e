"""feeds.series on kinds of error seen on blogs the rules were not written from (#12).

Each test names a kind of error, not a blog. Every title and URL here is invented;
none is copied from a corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from readinglist.feeds.series.detect import detect, group
from readinglist.feeds.series.rules import split_url, url_marker
from readinglist.model.records import SeriesGuess


def _dated(posts: Sequence[tuple[str, str | None, str | None]]) -> list[SeriesGuess]:
    """(title, link, ISO date) -> group() with no categories."""
    return group([(title, link, (), when) for title, link, when in posts])


# --- a number in the middle of a URL slug that names, not numbers ----------------------


def test_a_three_digit_number_inside_a_slug_is_no_part() -> None:
    for link in (
        "https://example.org/kiln-make-a-404-page/",
        "https://example.org/posts/pottery-101-glazes-and-slips/",
    ):
        parts = split_url(link)
        assert parts is not None and url_marker(parts) is None
    # a trailing number, or a short one mid-slug, still reads as a part
    for link, part in (
        ("https://example.org/kiln-diary-105/", 105),
        ("https://example.org/kiln-firing-3-cones/", 3),
    ):
        parts = split_url(link)
        marker = url_marker(parts) if parts is not None else None
        assert marker is not None and marker.part == part


def test_a_slug_number_that_names_steals_no_sibling() -> None:
    # "kiln-make-a-404-page" once made a group "Kiln Make A" that took its unnumbered
    # sibling away from the shared-head series it belongs to
    day = "2023-04-0{}"
    out = _dated(
        [
            ("Kiln - Stack the Shelves", "https://example.org/kiln-stack-shelves/", day.format(1)),
            (
                "Kiln - Make an Error Page",
                "https://example.org/kiln-make-a-404-page/",
                day.format(2),
            ),
            ("Kiln - Make a Feed", "https://example.org/kiln-make-a-feed/", day.format(3)),
            ("Kiln - Cool Down Slowly", "https://example.org/kiln-cool-down/", day.format(4)),
        ]
    )
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    assert [g.part for g in out] == [1, 2, 3, 4]
    assert (
        detect("Kiln - Make an Error Page", "https://example.org/kiln-make-a-404-page/").key is None
    )


# --- a title opening the author reuses years apart -------------------------------------


def test_an_opening_reused_years_apart_is_phrasing() -> None:
    out = _dated(
        [
            ("First Steps in Woodturning", None, "2012-05-01"),
            ("First Steps in Beekeeping", None, "2012-05-03"),
            ("First Steps in Bookbinding", None, "2016-09-10"),
        ]
    )
    assert all(g.key is None for g in out)


def test_an_opening_that_names_a_kind_of_post_is_phrasing() -> None:
    for opening in (
        "Getting started with",
        "Lessons learned from",
        "Deep dive into",
        # each introduces another course: part 1 of its own, not parts of one
        "Presentación del curso",
        "Presentation of the course",
        "Présentation du cours",
    ):
        out = _dated(
            [
                (f"{opening} Glaze Chemistry", None, "2019-01-02"),
                (f"{opening} Wheel Throwing", None, "2019-01-20"),
                (f"{opening} Kiln Wiring", None, "2019-02-11"),
            ]
        )
        assert all(g.key is None for g in out), opening


def test_an_opening_posted_close_together_is_still_a_series() -> None:
    out = _dated(
        [
            ("A Paper Model of Bridges", None, "2019-01-02"),
            ("A Paper Model of Towers", None, "2019-01-20"),
            ("A Paper Model of Domes", None, "2019-02-11"),
            ("An unrelated note", None, "2019-01-10"),
        ]
    )
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None
    assert [g.part for g in out[:3]] == [1, 2, 3] and out[3].key is None


def test_an_opening_used_in_two_separate_years_makes_two_series() -> None:
    out = _dated(
        [
            (f"Field Notes from {place}", None, when)
            for place, when in (
                ("Oslo", "2011-03-01"),
                ("Bergen", "2011-03-08"),
                ("Tromso", "2011-04-01"),
                ("Lima", "2018-06-01"),
                ("Cusco", "2018-06-09"),
                ("Puno", "2018-07-01"),
            )
        ]
    )
    assert out[0].key is not None and out[3].key is not None
    assert len({g.key for g in out[:3]}) == 1 and len({g.key for g in out[3:]}) == 1
    assert out[0].key != out[3].key


# --- a product's name used as a head ---------------------------------------------------


_FILLER = (
    "Why my tomatoes split", "A quiet week", "Sourdough, again", "On reading slowly",
    "Fixing the bike chain", "Winter light", "Three maps I like", "The old radio",
    "Notes from the allotment", "Rain", "Learning to whistle", "Moving house",
    "Lost keys", "A better kettle", "Cold frames", "Birdsong at five", "Paper cuts",
    "Knots", "Shelves", "The long walk home", "Compost heat",
)  # fmt: skip


def _spread(titles: list[str], others: int = 6) -> list[SeriesGuess]:
    """``titles`` posted a day apart, ``others`` unrelated posts between each two."""
    filler = iter(_FILLER)
    posts: list[tuple[str, str | None, str | None]] = []
    for title in titles:
        posts.append((title, None, None))
        posts.extend((next(filler), None, None) for _ in range(others))
    return _dated([(t, link, f"2020-01-{day:02d}") for day, (t, link, _) in enumerate(posts, 1)])


PRODUCT_HEADS = [
    "GizmoKit - Calling It from a Shell",
    "GizmoKit - Sharing State",
    "GizmoKit - Why Filters",
]


def test_a_product_name_head_among_other_posts_is_a_topic() -> None:
    out = _spread(PRODUCT_HEADS)
    assert all(g.key is None for g in out)


def test_a_product_name_head_posted_as_a_run_is_a_series() -> None:
    out = _spread(PRODUCT_HEADS, others=0)
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    assert "posted as a run" in out[0].why


def test_an_acronym_head_still_names_a_series_alone() -> None:
    out = _spread(["QZ: charter", "QZ: roadmap", "QZ: meeting notes"])
    keyed = [g for g in out if g.key is not None]
    assert len(keyed) == 3 and len({g.key for g in keyed}) == 1


def test_an_undated_product_name_head_still_counts() -> None:
    # without dates nothing shows the titles spread among other posts
    out = group([(t, None, ()) for t in [*PRODUCT_HEADS, *_FILLER[:6]]])
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None


def test_a_product_name_head_imported_on_one_day_counts_as_undated() -> None:
    # an archive imported in one go: every post of that day shares the date, so the
    # dates say no more about a spread than missing ones would
    rows = [(t, None, (), "2024-02-25") for t in [*PRODUCT_HEADS, *_FILLER[:6]]]
    out = group(rows)
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None


# --- a post that merely names the same product as a numbered series -------------------


def test_a_one_word_head_does_not_join_a_numbered_series() -> None:
    out = group(
        [
            ("Kettlebell Part 1 - Swings", None, ()),
            ("Kettlebell Part 2 - Presses", None, ()),
            ("Kettlebell - Fixing a Cracked Handle", None, ()),
        ]
    )
    assert out[0].key == out[1].key is not None and out[2].key is None


def test_a_longer_head_still_joins_its_numbered_series() -> None:
    out = group(
        [
            ("Rope Splicing Part 2 - Eyes", None, ()),
            ("Rope Splicing Part 3 - Backsplice", None, ()),
            ("Rope Splicing - The Short Splice", None, ()),
            ("粗绳编织笔记 -- 工具", None, ()),
            ("粗绳编织笔记 Part 2", None, ()),
        ]
    )
    assert out[0].key == out[1].key == out[2].key is not None
    assert out[3].key == out[4].key is not None  # a CJK name has no spaces, it is no one word


# --- write-ups of one event, posted as a batch -----------------------------------------

_OTHERS = [(f"{word} notes", None, f"2019-0{n}-15") for n, word in enumerate("abcdef", 1)]


def test_write_ups_posted_as_a_same_day_batch_are_standalone() -> None:
    out = _dated(
        [
            ("RiverConf 2019: the keynote", None, "2019-05-04"),
            ("RiverConf 2019: a panel on tides", None, "2019-05-04"),
            ("RiverConf 2019: workshop", None, "2019-05-05"),
            *_OTHERS,
        ]
    )
    assert all(g.key is None for g in out)


def test_write_ups_posted_over_the_days_of_the_event_are_standalone() -> None:
    # the event's days and the week after: no two on the same day, still one batch
    out = _dated(
        [
            ("RiverConf 2019: the keynote", None, "2019-05-04"),
            ("RiverConf 2019: a panel on tides", None, "2019-05-05"),
            ("RiverConf 2019: workshop", None, "2019-05-07"),
            ("RiverConf 2019: what I took home", None, "2019-05-11"),
            *_OTHERS,
        ]
    )
    assert all(g.key is None for g in out)


def test_coverage_of_an_edition_spread_over_weeks_stays_a_guess() -> None:
    # a preview, the event, a wrap-up weeks later: written one after another
    out = _dated(
        [
            ("RiverConf 2019: what to pack", None, "2019-04-10"),
            ("RiverConf 2019: a panel on tides", None, "2019-05-05"),
            ("RiverConf 2019: wrap-up", None, "2019-05-29"),
            *_OTHERS,
        ]
    )
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None
    assert out[0].strength == "weak"


def test_a_same_day_batch_without_an_edition_year_is_kept() -> None:
    # an author may post several parts at once; only a dated event's name says
    # "write-ups of one occasion"
    out = _dated(
        [
            ("Sourdough Basics: the starter", None, "2019-05-04"),
            ("Sourdough Basics: the first loaf", None, "2019-05-04"),
            ("Sourdough Basics: shaping", None, "2019-05-05"),
            *_OTHERS,
        ]
    )
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None


@pytest.mark.parametrize(
    "head",
    [
        "在 2021 年要如何開發 Kiln 韌體",  # "how to write kiln firmware in 2021": a sentence
        "2020 Glaze Log Analysis",  # the year opens the name: what it is about
    ],
)
def test_a_year_that_is_not_an_events_edition_keeps_a_weeks_series(head: str) -> None:
    """A year after an event's name ("RiverConf 2019") makes a week's posts write-ups of
    it; a year that opens the name or sits in a sentence is what the series is about."""
    out = _dated(
        [
            (f"{head}：設定", None, "2021-06-19"),
            (f"{head}：reset handler", None, "2021-06-20"),
            (f"{head}：函式庫", None, "2021-06-21"),
            *_OTHERS,
        ]
    )
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None


def test_a_same_day_batch_that_says_series_is_kept() -> None:
    out = _dated(
        [
            ("园艺系列 -- 土壤", None, "2019-05-04"),
            ("园艺系列 -- 浇水", None, "2019-05-04"),
            ("园艺系列 -- 修剪", None, "2019-05-04"),
            *_OTHERS,
        ]
    )
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None


def test_a_same_day_batch_means_nothing_when_the_whole_feed_shares_days() -> None:
    # an archive imported in one go: every post carries the day of the import
    posts = [
        ("RiverConf 2019: the keynote", None, "2019-05-04"),
        ("RiverConf 2019: a panel on tides", None, "2019-05-04"),
        ("RiverConf 2019: workshop", None, "2019-05-04"),
        *[(title, None, "2019-05-04") for title, _, _ in _OTHERS],
    ]
    out = _dated(posts)
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None


# --- parts missed: an undated, unnumbered group ---------------------------------------


def test_numeric_post_ids_order_an_undated_unnumbered_group() -> None:
    out = group(
        [
            ("Loom Weaving — Warping", "https://example.net/p/105", ()),
            ("Loom Weaving — Threading", "https://example.net/p/101", ()),
            ("Loom Weaving — Finishing", "https://example.net/p/230", ()),
        ]
    )
    assert [g.part for g in out] == [2, 1, 3]
    assert "ordered by the post ids in their URLs" in out[0].why


def test_no_id_order_when_a_post_has_no_numeric_id() -> None:
    out = group(
        [
            ("Loom Weaving — Warping", "https://example.net/p/105", ()),
            ("Loom Weaving — Threading", "https://example.net/p/threading", ()),
            ("Loom Weaving — Finishing", "https://example.net/p/230", ()),
        ]
    )
    assert out[0].key is not None and all(g.part is None for g in out)


# --- parts missed: markers in the other languages blogs are written in -----------------


@pytest.mark.parametrize(
    ("titles", "parts"),
    [
        (["Huerto urbano - Parte 1", "Huerto urbano - Parte 2"], [1, 2]),
        (["Huerto urbano (parte 1): semillas", "Huerto urbano (parte 3): riego"], [1, 3]),
        (["Gartenbau Teil 1: Erde", "Gartenbau Teil 2: Wasser"], [1, 2]),
        (["Gartenbau, 1. Teil: Erde", "Gartenbau, 2. Teil: Wasser"], [1, 2]),
        (["Bahçe Kurulumu 1. Bölüm", "Bahçe Kurulumu 2. Bölüm: Sulama"], [1, 2]),
        (["Bahçe Kurulumu Bölüm 1", "Bahçe Kurulumu Bölüm 3"], [1, 3]),
        (["Bahçe notları, 1. Kısım", "Bahçe notları, 2. Kısım"], [1, 2]),
        (["Огород. Часть 1", "Огород. Часть 2: полив"], [1, 2]),
        (["Городництво, частина 1", "Городництво, частина 2"], [1, 2]),
        (["Ogródek – część 1", "Ogródek – część 2: podlewanie"], [1, 2]),
        (["Ogródek, cz. 1", "Ogródek, cz. 3"], [1, 3]),
        (["Zahrádka – část 1", "Zahrádka – část 2"], [1, 2]),
        (["Huerto urbano, parte uno", "Huerto urbano, parte dos"], [1, 2]),
        (["Gartenbau Teil eins: Erde", "Gartenbau Teil zwei: Wasser"], [1, 2]),
        (["Le potager, partie une", "Le potager, partie deux"], [1, 2]),
        (["Kiln notes, Part One", "Kiln notes, Part Dos: glazes"], [1, 2]),
        (["Huerto urbano: capítulo 1", "Huerto urbano: capítulo 2"], [1, 2]),
        (["텃밭 가꾸기 1편", "텃밭 가꾸기 2편: 물주기"], [1, 2]),
        (["텃밭 입문 1부", "텃밭 입문 2부"], [1, 2]),
        (["家庭菜園入門 その1", "家庭菜園入門 その2"], [1, 2]),
        (["种菜笔记上篇", "种菜笔记下篇"], [1, 2]),
        (["种菜笔记（上篇）：土壤", "种菜笔记（中篇）：浇水", "种菜笔记（下篇）：收获"], [1, 2, 3]),
        (["Garden学习1", "Garden学习2", "Garden学习3"], [1, 2, 3]),
        (["种菜题解-1", "种菜题解-2"], [1, 2]),
    ],
)
def test_part_markers_in_other_languages(titles: list[str], parts: list[int]) -> None:
    out = group([(t, None, ()) for t in [*titles, "完全无关的文章", "Otra cosa"]])
    assert len({g.key for g in out[: len(titles)]}) == 1 and out[0].key is not None
    assert [g.part for g in out[: len(titles)]] == parts
    assert all(g.key is None for g in out[len(titles) :])


def test_the_korean_ordinal_prefix_stands_apart_from_the_name() -> None:
    """제 before a number is "No." only as a word of its own ("정원 일지 제 2편"); in
    "텃밭 과제 1편" it ends 과제 ("assignment"), which stays in the series' name."""
    out = group([(t, None, ()) for t in ["텃밭 과제 1편", "텃밭 과제 2편", "텃밭 과제 3편"]])
    assert {g.name for g in out} == {"텃밭 과제"}
    assert [g.part for g in out] == [1, 2, 3]
    spaced = group([(t, None, ()) for t in ["정원 일지 제 1편", "정원 일지 제2편"]])
    assert {g.name for g in spaced} == {"정원 일지"}
    assert [g.part for g in spaced] == [1, 2]


def test_titles_alike_but_for_the_ordinal_they_open_with_are_parts() -> None:
    """ "Primeiro fim de semana de X", "Segundo fim de semana de X: y", "Quarto e último
    …": the ordinal numbers the part; alone ("First look at Remix") it numbers nothing."""
    titles = [
        "Primeiro fim de semana da Feira 2031",
        "Segundo fim de semana da Feira 2031: esmaltes",
        "Terceiro fim de semana da Feira 2031: fornos",
        "Quarto e último fim de semana da Feira 2031: balanço",
        "First look at the new wheel",
    ]
    out = group([(t, None, (), f"2031-09-0{n}") for n, t in enumerate(titles, 1)])
    assert out[0].key is not None and {g.key for g in out[:4]} == {out[0].key}
    assert [g.part for g in out[:4]] == [1, 2, 3, 4]
    assert out[4].key is None


@pytest.mark.parametrize(
    ("title", "name"),
    [("Ogródek – część 2: podlewanie", "Ogródek"), ("Городництво, частина 2", "Городництво")],
)
def test_a_part_word_is_no_part_of_the_series_name(title: str, name: str) -> None:
    assert (detect(title).name, detect(title).part) == (name, 2)


def test_a_lone_korean_part_counter_makes_a_series() -> None:
    assert detect("텃밭 가꾸기 3편").part == 3
    assert detect("텃밭 가꾸기 3편").key is not None


@pytest.mark.parametrize(
    ("title", "part"),
    [
        ("Bahçe Kurulumu 2. Bölüm", 2),
        ("Bahçe Kurulumu Bölüm 3: Sulama", 3),
        ("Bahçe notları, 1. Kısım", 1),
        ("Gartenbau, 2. Teil: Wasser", 2),
        ("Огород. Часть 4", 4),
    ],
)
def test_a_lone_part_word_in_turkish_german_or_russian_makes_a_series(
    title: str, part: int
) -> None:
    """Said with the language's word for "part", one post is a part as "Part 2" is:
    kept as a series among unrelated posts, where a bare trailing number is dropped."""
    guess = group([(title, None, ()), ("Something else entirely", None, ())])[0]
    assert guess.key is not None and guess.part == part


@pytest.mark.parametrize(
    "title",
    [
        "Counterpart 2 is out",
        "1부터 시작하는 텃밭",
        "天下篇读后感",
        "Der Teilchenbeschleuniger 2",
        "Bilgisayar Bölümü 2 yaşında",
        "Step 1. Part of the plan",
    ],
)
def test_words_that_only_look_like_part_markers(title: str) -> None:
    out = group([(title, None, ()), ("Something else entirely", None, ())])
    assert all(g.key is None for g in out)


# --- a shared title prefix taken for a series: advisories named after the product -----


def test_an_advisory_template_after_the_product_name_is_no_series() -> None:
    titles = [
        "Gizmo Security Advisory 2024-01",
        "Gizmo Security Advisory 2024-02",
        "Gizmo Security Advisory 2023-07",
        "A walk by the river",
    ]
    assert all(g.key is None for g in group([(t, None, ()) for t in titles]))


# --- categories and tags: supporting evidence, said in the why -------------------------

_MUSINGS = [("A thought on " + w, None, ["pottery"]) for w in ("tea", "rain", "maps", "bread")]


def test_a_rare_shared_tag_is_said_in_the_why() -> None:
    heads = [(f"Kiln Diary - {w}", None, ["Kilns", "pottery"]) for w in ("stack", "fire", "cool")]
    out = group([*heads, *_MUSINGS])
    assert "all tagged 'kiln', which few other posts are" in out[0].why
    assert len({g.why for g in out[:3]}) == 1


def test_a_common_tag_is_no_evidence_and_a_tag_never_makes_a_group() -> None:
    heads = [(f"Kiln Diary - {w}", None, ["pottery"]) for w in ("stack", "fire", "cool")]
    out = group([*heads, *_MUSINGS])
    assert out[0].key is not None and "tagged" not in out[0].why
    tagged_only = [(f"A thought on {w}", None, ["kilns"]) for w in ("tea", "rain", "maps")]
    assert all(g.key is None for g in group(tagged_only))


def test_a_series_name_may_open_with_a_count() -> None:
    titles = [
        "40 Garden Puzzles 01 - Counting seeds",
        "40 Garden Puzzles 02 - Rows and columns",
        "40 Garden Puzzles 10 - The last bed",
        "Something else",
    ]
    out = group([(t, None, ()) for t in titles])
    assert len({g.key for g in out[:3]}) == 1 and out[0].key is not None
    assert [g.part for g in out[:3]] == [1, 2, 10] and out[3].key is None


# --- an unnumbered post hung on a numbered group that the evidence drops -----------------


def test_posts_hung_on_a_dropped_group_go_back_to_their_head() -> None:
    # "Trail Journal 14/15" are no sequence of parts; the three "Trail Journal: x"
    # titles were once hung on them as unnumbered parts and fell with them
    out = _dated(
        [
            ("Trail Journal 14: Over the Ridge", None, "2021-05-01"),
            ("Trail Journal 15: Down to the Lake", None, "2021-05-09"),
            ("Trail Journal: Packing List", None, "2021-06-01"),
            ("Trail Journal: Boots That Last", None, "2021-06-08"),
            ("Trail Journal: Reading Maps", None, "2021-06-15"),
            ("Something else entirely", None, "2021-06-20"),
        ]
    )
    heads = out[2:5]
    assert heads[0].key is not None and {g.key for g in heads} == {heads[0].key}
    assert "share the head 'Trail Journal: …'" in heads[0].why
    assert "14–15 are no sequence of parts" in heads[0].why
    assert out[5].key is None


def test_a_number_too_far_up_takes_no_unnumbered_sibling() -> None:
    # "Pottery Basics 101" names a course, it is no part 101: the titles that share
    # its head are not hung on it as part 1 (and lost with it), they stay together
    out = _dated(
        [
            ("Pottery Basics 101: Centering the Clay", None, "2022-01-02"),
            ("Pottery Basics: Glazes", None, "2022-01-09"),
            ("Pottery Basics: Firing the Kiln", None, "2022-01-16"),
            ("Kiln Logs", None, "2022-03-01"),
        ]
    )
    assert out[1].key is not None and out[1].key == out[2].key
    assert "no part numbers" in out[1].why and out[3].key is None


def test_numbers_that_name_pull_no_title_in_by_its_head() -> None:
    # the "robot-cup-22-…" slugs number nothing (22 is the edition, no sequence);
    # a title that starts with the same name is no reason to keep them together
    def url(day: str, slug: str) -> str:
        return f"https://example.org/{day.replace('-', '/')}/{slug}/"

    posts = [
        ("Robot Cup 22 Quals: Maze Solver", "2014-05-19", "robot-cup-22-quals-maze-solver"),
        ("Robot Cup 22 Quals: Line Follower", "2014-05-21", "robot-cup-22-quals-line-follower"),
        ("Robot Cup 22 Recap", "2014-08-13", "robot-cup-22-recap"),
        ("Robot Cup Quals 2017: Sumo", "2017-04-30", "robot-cup-quals-2017-sumo"),
        ("Something else", "2017-05-30", "something-else"),
    ]
    out = _dated([(title, url(day, slug), day) for title, day, slug in posts])
    assert all(g.key is None for g in out)


def test_a_polish_part_word_in_a_slug_numbers_the_part() -> None:
    from readinglist.feeds.series.rules import split_url, url_marker

    parts = split_url("https://blog.example/szkliwa-od-podstaw-czesc-2/")
    assert parts is not None
    marker = url_marker(parts)
    assert marker is not None
    assert (marker.name, marker.part, marker.explicit) == ("Szkliwa Od Podstaw", 2, True)
