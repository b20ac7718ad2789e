"""Posts a site files under ``/series/<name>/`` are that series (issue #12, item 3).

The URL is the site's own declaration, as a theme's series box is: it outranks what
the titles suggest. Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

from readinglist.feeds.series.detect import group
from readinglist.feeds.series.rules import split_url
from readinglist.model.records import SeriesGuess

SITE = "https://example.org/post/craft"


def _posts(rows: list[tuple[str, str, str]]) -> list[SeriesGuess]:
    """(title, path below SITE, ISO date) -> group()."""
    return group([(t, f"{SITE}/{path}/", (), day) for t, path, day in rows])


def test_the_name_after_a_series_directory_is_the_series() -> None:
    assert split_url(f"{SITE}/series/kiln-basics/glazes/").series_dir == "kiln-basics"  # type: ignore[union-attr]
    assert split_url("https://example.org/ru/series/kiln-basics/0.9").series_dir == "kiln-basics"  # type: ignore[union-attr]
    # a date after it files posts by day; nothing after it is a section of posts
    assert split_url("https://example.org/series/2031/03/01/glazes.html").series_dir is None  # type: ignore[union-attr]
    assert split_url("https://example.org/series/glazes/").series_dir is None  # type: ignore[union-attr]
    assert split_url("https://example.org/blog/kiln-basics/glazes/").series_dir is None  # type: ignore[union-attr]


def test_unnumbered_titles_filed_under_one_series_directory_are_its_parts_by_date() -> None:
    rows = [
        ("Why clay shrinks", "series/kiln-basics/shrinkage", "2031-01-05"),
        ("Notes from the studio", "studio-notes", "2031-01-09"),
        ("Cone 6 without tears", "series/kiln-basics/cone-six", "2031-01-12"),
        ("Loading a kiln", "series/kiln-basics/loading", "2031-02-02"),
        ("A visit to the potters' fair", "potters-fair", "2031-02-10"),
    ]
    out = _posts(rows)
    members = [out[0], out[2], out[3]]
    assert len({g.key for g in members}) == 1 and members[0].key is not None
    assert [g.part for g in members] == [1, 2, 3]
    assert out[1].standalone and out[4].standalone
    assert members[0].name == "Kiln Basics"
    assert members[0].strength == "strong"
    assert "/series/kiln-basics/" in members[0].why


def test_a_numbered_series_in_its_directory_keeps_its_name_and_numbers() -> None:
    rows = [
        ("Glaze Lab (1) - mixing", "series/glaze-lab/glaze-lab-1-mixing", "2031-04-01"),
        ("Glaze Lab (2) - testing", "series/glaze-lab/glaze-lab-2-testing", "2031-04-08"),
        ("What a test tile tells you", "series/glaze-lab/test-tiles", "2031-04-09"),
        ("Glaze Lab (4) - firing", "series/glaze-lab/glaze-lab-4-firing", "2031-04-20"),
    ]
    out = _posts(rows)
    assert len({g.key for g in out}) == 1
    assert out[0].name == "Glaze Lab"
    assert [g.part for g in out] == [1, 2, None, 4]
    assert "(N)" in out[0].why and out[0].why.endswith("under /series/glaze-lab/")


def test_the_directory_outranks_a_head_the_titles_share_with_posts_elsewhere() -> None:
    # "Clay:" heads five posts; the site files three of them, with one more, in a series
    rows = [
        ("Clay: wedging", "series/throwing/wedging", "2031-05-01"),
        ("Clay: centering", "series/throwing/centering", "2031-05-03"),
        ("Clay: pulling walls", "series/throwing/pulling", "2031-05-05"),
        ("Trimming a foot ring", "series/throwing/trimming", "2031-05-07"),
        ("Clay: where to buy it", "where-to-buy-clay", "2031-06-01"),
        ("Clay: storing it", "storing-clay", "2031-06-09"),
    ]
    out = _posts(rows)
    members = out[:4]
    assert len({g.key for g in members}) == 1 and members[0].key is not None
    assert [g.part for g in members] == [1, 2, 3, 4]
    assert all(g.key != members[0].key for g in out[4:])


def test_one_post_in_a_series_directory_makes_no_series() -> None:
    rows = [
        ("Why clay shrinks", "series/kiln-basics/shrinkage", "2031-01-05"),
        ("Notes from the studio", "studio-notes", "2031-01-09"),
    ]
    assert all(g.standalone for g in _posts(rows))


# --- a tag that declares the series -------------------------------------------------------


def test_a_tag_naming_a_series_makes_its_posts_one_series() -> None:
    """ "Series: Kiln Basics" (or "series:kiln-basics", "도자기 시리즈") on posts whose
    titles say nothing of it: the site's declaration, as a series directory is."""
    rows = [
        ("Why clay shrinks", ["Series: Kiln Basics", "clay"], "2031-01-05"),
        ("Notes from the studio", ["studio"], "2031-01-09"),
        ("Cone 6 without tears", ["Series: Kiln Basics"], "2031-01-12"),
        ("Loading a kiln", ["series:kiln-basics", "clay"], "2031-02-02"),
    ]
    out = group([(t, f"{SITE}/{t.lower().replace(' ', '-')}/", tags, day) for t, tags, day in rows])
    members = [out[0], out[2], out[3]]
    assert members[0].key is not None and {g.key for g in members} == {members[0].key}
    assert [g.part for g in members] == [1, 2, 3]  # by date
    assert members[0].name == "Kiln Basics" and "tags these posts" in members[0].why
    assert out[1].key is None


def test_tags_that_only_mention_series_declare_none() -> None:
    rows = [
        ("Forecasting kiln temperatures", ["Time Series"], "2031-01-05"),
        ("Smoothing the readings", ["Time Series"], "2031-01-09"),
        ("Where each series starts", ["series-intro"], "2031-01-12"),
        ("Where the next one starts", ["series-intro"], "2031-02-12"),
        ("A bare tag", ["Series"], "2031-03-01"),
        ("Another bare tag", ["Series"], "2031-03-09"),
    ]
    out = group([(t, f"{SITE}/{t.lower().replace(' ', '-')}/", tags, day) for t, tags, day in rows])
    assert all(g.key is None for g in out), out


def test_the_tag_names_a_series_the_titles_named_after_one_part() -> None:
    """Episodes numbered in their titles under names of their own take the tag's name."""
    titles = ["Glaze chemistry (Episode 1)", "Firing curves (Episode 2)", "Kiln wash (Episode 3)"]
    rows = [(t, ["series:one-risk-one-fix"], f"2031-04-0{n}") for n, t in enumerate(titles, 1)]
    out = group([(t, f"{SITE}/p{i}/", tags, day) for i, (t, tags, day) in enumerate(rows)])
    assert {g.key for g in out} == {out[0].key} and out[0].key is not None
    assert [g.part for g in out] == [1, 2, 3]
    assert out[0].name == "One Risk One Fix"


# --- a directory of its own, below the level of the site's other posts ------------------

FLAT_SITE = "https://example.org/articles"


def _flat(rows: list[tuple[str, str, str]]) -> list[SeriesGuess]:
    """(title, path below FLAT_SITE, ISO date) -> group()."""
    return group([(t, f"{FLAT_SITE}/{path}/", (), day) for t, path, day in rows])


_LOOSE = [
    ("Why clay shrinks", "why-clay-shrinks", "2031-01-05"),
    ("Notes from the studio", "studio-notes", "2031-01-09"),
    ("A visit to the potters' fair", "potters-fair", "2031-02-10"),
    ("Reclaiming trimmings", "reclaiming-trimmings", "2031-02-20"),
    ("Choosing a wheel", "choosing-a-wheel", "2031-03-01"),
]


def test_a_directory_below_the_sites_usual_level_files_a_series() -> None:
    rows = [
        *_LOOSE,
        ("How do I mix a base glaze?", "firing-at-home/base-glaze", "2031-03-05"),
        ("How do I pick a kiln?", "firing-at-home/pick-a-kiln", "2031-03-12"),
        ("Venting, without the fumes", "firing-at-home/venting", "2031-03-19"),
    ]
    out = _flat(rows)
    members = out[5:]
    assert len({g.key for g in members}) == 1 and members[0].key is not None
    assert [g.part for g in members] == [1, 2, 3]
    assert all(g.standalone for g in out[:5])
    assert members[0].name == "Firing At Home"
    # inferred from where the site files them, not declared: shown as a guess
    assert members[0].strength == "weak"
    assert "/firing-at-home/" in members[0].why


def test_categories_kinds_of_post_and_other_sites_file_no_series() -> None:
    one_word = [*_LOOSE, ("Tip: wedge less", "sketchbook/wedge-less", "2031-03-05"),
                ("Tip: wet the bat", "sketchbook/wet-the-bat", "2031-03-06")]  # fmt: skip
    kind = [*_LOOSE, ("On Hamada's book", "book-reviews/hamada", "2031-03-05"),
            ("On Leach's book", "book-reviews/leach", "2031-03-06")]  # fmt: skip
    for rows in (one_word, kind):
        assert all(g.standalone for g in _flat(rows))
    # most posts filed in directories: those are categories, not series
    sorted_site = [(t, f"studio-life/{path}", day) for t, path, day in _LOOSE[:3]]
    sorted_site += [(t, f"clay-bodies/{path}", day) for t, path, day in _LOOSE[3:]]
    assert all(g.standalone for g in _flat(sorted_site))
    # a folder filled over years is a category the site kept from older addresses
    years = [*_LOOSE, ("Raku, first try", "studio-diary/raku", "2027-05-01"),
             ("Raku, again", "studio-diary/raku-again", "2031-03-05")]  # fmt: skip
    assert all(g.standalone for g in _flat(years))
    # a link blog's entries live on other sites, in those sites' directories
    links = [(t, f"{FLAT_SITE}/{path}/", (), day) for t, path, day in _LOOSE]
    links += [
        ("Glazes, by a friend", "https://friend.example/firing-at-home/glazes/", (), "2031-03-05"),
        ("Kilns, by a friend", "https://friend.example/firing-at-home/kilns/", (), "2031-03-06"),
        ("Wheels, by a friend", "https://friend.example/firing-at-home/wheels/", (), "2031-03-07"),
    ]
    assert all(g.standalone for g in group(links))
