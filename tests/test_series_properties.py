"""Properties of group() over generated feeds: it never raises and order does not matter.

group() runs on every sync over whatever a feed holds, so a title it has never seen must
never raise (a crash here would stop the whole feed's refresh). The titles are built from
the pieces the rules read (names in several scripts, separators, part words, brackets,
numbers in titles and slugs), so the passes meet each other's output in many orders.
"""

from __future__ import annotations

import os
from random import Random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readinglist.feeds.series.detect import group

NAMES = ["Rust", "Gizmo Kit", "Zero Knowledge Proofs", "React", "数据结构", "파이썬 입문", "C#"]
JOINERS = [" ", " 之 ", " 的 ", " - ", ": ", " — ", ", ", " | ", ""]  # "": "Rust(3)"
MARKERS = [
    "",
    "Part {n}",
    "({n})",
    "#{n}",
    "第{n}篇",
    "{n}강",
    "({n}/3)",
    "segunda parte",
    "上",
    "下",
    "[{n}]",
    "{n}.",
    "II",
    "Day {n}",
    "v{n}.0",
    "2024",
    "lesson {n}",
    "PT{n}.1",
    "（一〇）",
    "{n}. Bölüm",
    "2편",  # one part every title repeats: "x 2편(…)(3) y"
    "(Episode {n})",  # lone parts under names of their own
]
TOPICS = ["lifetimes", "所有权", "themes", "the borrow checker", "생명주기", "", "Summary"]
SLUGS = [
    "{topic}",
    "part-{n}",
    "{name}-{n}",
    "{name}-part{n}-{n}",
    "{n}",
    "post",
    "{name}",  # a stem the next two extend
    "{name}-{topic}",
    "{name}-0{n}-{topic}",
    "part-{n}-{topic}",
    "{name}-{n}-0-{topic}",  # a version "N.0" as a slug writes it
    "{name}-starter0{n}",  # a padded number glued to the stem's last word
    "{name}-part-ii-{topic}",  # a roman part in a slug
    "{name}part{n}",  # the part word glued to the stem ("EntityPart3")
    "{name}-kiln{n}",  # a bare "x-kiln" beside "x-kiln2", "x-kiln3"
    "{name}-kiln",
    "0{n}0-{topic}",  # sort keys with gaps of ten
]
CATEGORIES = ["rust", "notes", "series", "Series: Kiln Basics", "series:glaze-lab", "Kafka系列"]
"""Tags, three of them declaring a series."""
DIRS = ["{i}", "notes", "rust", "kiln-course", "series/kiln-basics", "kiln-course/010-x"]
"""A post's own directory, a shared one, or a series directory the site files it in."""


@st.composite
def posts(draw: st.DrawFn) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    # a feed uses few names, joiners and markers, so its titles meet each other
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=2, unique=True))
    joiners = draw(st.lists(st.sampled_from(JOINERS), min_size=1, max_size=3, unique=True))
    markers = draw(st.lists(st.sampled_from(MARKERS), min_size=1, max_size=3, unique=True))
    count = draw(st.integers(min_value=1, max_value=8))
    out = []
    for i in range(count):
        n = draw(st.integers(min_value=0, max_value=12))
        name, topic = draw(st.sampled_from(names)), draw(st.sampled_from(TOPICS))
        marker = draw(st.sampled_from(markers)).format(n=n)
        pieces = [draw(st.sampled_from(["", "", "[Tag] ", "(C++) "])), name]
        for piece in draw(st.permutations([marker, topic])):
            if piece:
                pieces += [draw(st.sampled_from(joiners)), piece]
        title = "".join(pieces).strip() or "Untitled"
        if topic and marker and draw(st.booleans()):  # "<topic> - <name> lesson N"
            title = f"{topic}{draw(st.sampled_from(joiners))}{name} {marker}"
        slug = draw(st.sampled_from(SLUGS)).format(
            topic=topic or "x", n=n, name=name.lower().replace(" ", "-")
        )
        day = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=28)))
        when = None if day is None else f"2023-{1 + i % 12:02d}-{day:02d}"
        cats = tuple(draw(st.lists(st.sampled_from(CATEGORIES), max_size=2)))
        folder = draw(st.sampled_from(DIRS)).format(i=i)
        out.append((title, f"https://example.org/{folder}/{slug}/", cats, when))
    return out


@settings(
    max_examples=int(os.environ.get("SERIES_PROPERTY_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(posts(), st.randoms(use_true_random=False))
@example(  # a title joined to a "X 之 y" head by name, met before the head's own posts
    [
        ("Rust 的 所有权", "https://example.org/0/x/", (), None),
        ("Rust 之 themes", "https://example.org/1/y/", (), None),
    ],
    Random(0),
)
@example(  # two posts at one slug beside its "-2": which is "x-y" may not hang on order
    [
        ("Rust 上 lifetimes", "https://example.org/0/rust-kiln2/", (), None),
        ("Rust Part 0 lifetimes", "https://example.org/1/lifetimes/", (), None),
        ("Rust Part 0 lifetimes", "https://example.org/2/lifetimes/", (), None),
        ("Rust 上 lifetimes", "https://example.org/3/rust-kiln/", (), None),
        ("Rust Part 0 lifetimes", "https://example.org/4/lifetimes/", (), None),
        ("Rust lifetimes", "https://example.org/5/rust-kiln/", (), None),
    ],
    Random(0),
)
def test_any_feed_groups_without_raising_and_in_any_order(feed, rnd) -> None:  # type: ignore[no-untyped-def]
    out = group(feed)
    assert len(out) == len(feed)
    for guess in out:
        assert guess.part is None or guess.part >= 0
        assert guess.kind in {"multipart", "recurring"}
        if guess.key is None:
            assert guess.part is None
        else:
            assert guess.why  # every grouping can say why
    shuffled = list(range(len(feed)))
    rnd.shuffle(shuffled)
    again = group([feed[i] for i in shuffled])
    assert [(again[j].key, again[j].name, again[j].part) for j in range(len(feed))] == [
        (out[i].key, out[i].name, out[i].part) for i in shuffled
    ]


def test_a_title_joined_by_name_before_its_head_joins_the_series() -> None:
    """ "Rust 的 x" first, then "Rust 之 y": the first joins by name (it has no head)."""
    out = group(
        [
            ("Rust 的 生命周期", "https://example.org/a/", (), "2023-01-01"),
            ("Rust 之 所有权", "https://example.org/b/", (), "2023-01-02"),
            ("Rust 之 借用", "https://example.org/c/", (), "2023-01-03"),
        ]
    )
    assert out[0].key is not None and len({g.key for g in out}) == 1
    assert [g.part for g in out] == [1, 2, 3]  # no numbers: the dates order them
