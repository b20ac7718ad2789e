"""A series' own URL scheme, and a slug's lone number (issue #12, blogs never seen).

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

from readinglist.feeds.series.detect import group
from readinglist.feeds.series.rules import split_url, url_marker
from readinglist.model.records import SeriesGuess

SITE = "https://example.org/blog/posts"


def _posts(rows: list[tuple[str, str, str]]) -> list[SeriesGuess]:
    """(title, slug, ISO date) -> group()."""
    return group([(t, f"{SITE}/{slug}/", (), day) for t, slug, day in rows])


PUZZLES = [
    (
        f"Puzzle Month 2031, Week {n}: {topic}",
        f"pm31-week{n:02d}-{topic.lower()}",
        f"2031-03-{n:02d}",
    )
    for n, topic in enumerate(["Mazes", "Knots", "Tiles", "Ciphers"], 1)
]


def test_posts_numbered_only_by_the_series_url_scheme_join_it() -> None:
    rows = [
        ("Puzzle Month 2031: What to Expect", "pm31-week00-intro", "2031-02-28"),
        *PUZZLES,
        ("Puzzle Month 2031: Looking Back", "pm31-week05-wrap-up", "2031-03-20"),
    ]
    out = _posts(rows)
    assert len({g.key for g in out}) == 1 and out[0].key is not None
    assert [g.part for g in out] == [0, 1, 2, 3, 4, 5]
    assert "URL slugs numbered 0, 5" in out[0].why


def test_a_scheme_whose_numbers_disagree_with_the_titles_names_nothing() -> None:
    # the slugs count something else (their numbers are not the titles' parts)
    rows = [
        (title, slug.replace(f"week{n:02d}", f"week{n + 4:02d}"), day)
        for n, (title, slug, day) in enumerate(PUZZLES, 1)
    ]
    rows.append(("Puzzle Month 2031: Looking Back", "pm31-week09-wrap-up", "2031-03-20"))
    out = _posts(rows)
    assert out[-1].key != out[0].key or out[-1].part is None


def test_a_lone_number_in_a_slug_takes_no_part_one() -> None:
    out = _posts(
        [
            (
                "Drawing a Load Curve with four plotting tools",
                "load-curve-with-4-tools",
                "2030-01-05",
            ),
            ("Drawing a Load Curve with Gizmo", "load-curve-with-gizmo", "2030-08-11"),
        ]
    )
    assert all(g.part is None for g in out), out
    assert all(g.key is None for g in out), out


def test_an_unnumbered_first_part_still_joins_a_numbered_title() -> None:
    out = _posts(
        [
            ("Min of Three", "min-of-three", "2030-01-05"),
            ("Min of Three Part 2", "min-of-three-part-2", "2030-01-12"),
        ]
    )
    assert out[0].key == out[1].key is not None
    assert [g.part for g in out] == [1, 2]


STEM_FEED = [
    ("Gizmo Core - Add Health Probes", "gizmo-core-health-probes", "2031-01-05"),
    ("Logging to Files", "logging-files", "2031-01-20"),
    ("Gizmo - Health Probes - Better Responses", "gizmo-core-health-probes-json", "2031-02-02"),
    ("Gizmo - Health Probes - Run Only Some", "gizmo-core-health-probes-filter", "2031-02-09"),
    ("Gizmo - Health Probes - One Endpoint", "gizmo-core-health-probes-endpoint", "2031-02-16"),
    ("Settings per Machine", "settings-per-machine", "2031-03-01"),
    ("Caching Responses", "caching-responses", "2031-04-01"),
]


def test_the_post_whose_slug_the_series_slugs_extend_is_its_first() -> None:
    out = _posts(STEM_FEED)
    series = out[0].key
    assert series is not None and [g.key for g in out[2:5]] == [series] * 3
    assert [g.part for g in (out[0], *out[2:5])] == [1, 2, 3, 4]
    assert "whose URL the others' URLs extend" in out[0].why
    # the rest stay standalone
    assert all(g.key != series for g in (out[1], *out[5:]))
    # in any order, the same group under the same name
    backwards = _posts(STEM_FEED[::-1])[::-1]
    assert [(g.key, g.name, g.part) for g in backwards] == [(g.key, g.name, g.part) for g in out]


def test_a_one_word_stem_joins_when_every_title_opens_with_it() -> None:
    parts = [
        ("Glazio：内部结构", "glazio-code-1", "2031-03-02"),
        ("Glazio：调度与队列", "glazio-code-2", "2031-03-02"),
        ("Glazio：存储后端", "glazio-code-3", "2031-03-02"),
    ]
    overview = ("Glazio：全貌与架构", "glazio", "2031-03-02")
    out = _posts([overview, *parts, ("Knitting Patterns", "knitting-patterns", "2031-03-09")])
    assert out[0].key == out[1].key is not None
    assert [g.part for g in out[1:4]] == [1, 2, 3]
    assert out[0].part is None  # posted the same day: its place is not known
    assert "whose URL the others' URLs extend" in out[0].why
    assert out[4].key is None
    # one word names a topic unless every title opens with it: "/kiln/" on kilns in
    # general, beside a series filed at "/kiln-firing-N/" whose titles name firing
    firing = [
        (f"Firing Schedules Part {n}", f"kiln-firing-{n}", f"2031-0{n}-01") for n in (1, 2, 3)
    ]
    for title in ("Why I Bought a Kiln", "Kiln Shopping Notes"):
        out = _posts([(title, "kiln", "2031-03-01"), *firing])
        assert out[0].key is None and out[1].key is not None, title


def test_a_slug_stem_extended_by_standalone_posts_groups_nothing() -> None:
    rows = [
        ("Some Thoughts on Gizmo", "some-thoughts-on-gizmo", "2031-01-05"),
        ("Some Thoughts on Gizmo for Teams", "some-thoughts-on-gizmo-for-teams", "2031-06-05"),
        ("Knitting Patterns", "knitting-patterns", "2031-07-05"),
    ]
    assert all(g.key is None for g in _posts(rows))


def test_a_post_filed_under_the_series_slug_prefix_joins_it() -> None:
    rows = [
        ("Kiln desde Cero: Arcillas", "kiln-desde-cero-arcillas", "2031-01-01"),
        ("Kiln desde Cero: Esmaltes", "kiln-desde-cero-esmaltes", "2031-01-08"),
        ("Kiln desde Cero: Hornos", "kiln-desde-cero-hornos", "2031-01-15"),
        ("Cocción y enfriado", "kiln-desde-cero-coccion-y-enfriado", "2031-01-22"),
        ("Una visita a la feria", "una-visita-a-la-feria", "2031-01-25"),
    ]
    out = _posts(rows)
    assert out[3].key == out[0].key is not None
    assert "URL prefix" in out[3].why
    assert out[4].standalone


def test_a_prefix_numbered_by_the_series_scheme_claims_a_post_without_a_name() -> None:
    # the prefix's words are not the series' name, but the slugs number it
    rows = [
        ("窑炉学习 第1天：概览", "learning-kilns-day001-overview", "2031-02-01"),
        ("窑炉学习 第2天：燃料", "learning-kilns-day002-fuel", "2031-02-02"),
        ("窑炉学习 第3天：温度", "learning-kilns-day003-heat", "2031-02-03"),
        ("调研报告模板", "learning-kilns-report-template", "2031-02-01"),
    ]
    out = _posts(rows)
    assert out[3].key == out[0].key is not None


def test_a_prefix_two_groups_open_with_names_a_topic() -> None:
    rows = [
        ("Kiln desde Cero: Arcillas", "kiln-desde-cero-arcillas", "2031-01-01"),
        ("Kiln desde Cero: Esmaltes", "kiln-desde-cero-esmaltes", "2031-01-08"),
        ("Hornos (1)", "kiln-desde-cero-hornos-1", "2031-03-01"),
        ("Hornos (2)", "kiln-desde-cero-hornos-2", "2031-03-08"),
        ("Cocción y enfriado", "kiln-desde-cero-coccion", "2031-03-22"),
    ]
    out = _posts(rows)
    assert out[0].key != out[2].key
    assert out[4].standalone


def test_a_padded_number_glued_to_a_two_word_slug_stem_is_its_part() -> None:
    """ "/kiln-starter01/": the author padded the number, so it counts the stem's posts."""
    for n, part in (("01", 1), ("07", 7)):
        marker = url_marker(split_url(f"{SITE}/2031-01-0{part}-kiln-starter{n}/"))  # type: ignore[arg-type]
        assert marker is not None and (marker.key, marker.part) == ("kiln starter", part)
    titles = ["01.Firing a test kiln", "02.Loading the shelves", "05.Cooling down"]
    out = _posts([(t, f"kiln-starter0{t[1]}", f"2031-01-0{t[1]}") for t in titles])
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert [g.part for g in out] == [1, 2, 5]


def test_an_unpadded_or_one_word_glued_number_belongs_to_the_word() -> None:
    for slug in ("python3-tips", "http2-server-push", "upgrade-to-windows10", "starter01"):
        assert url_marker(split_url(f"{SITE}/{slug}/")) is None, slug  # type: ignore[arg-type]


def test_a_title_opening_with_the_slugs_number_is_that_part() -> None:
    """ "03.Glaze Tutorial Java 1" at /kiln-starter03/: the title's list number and the
    slug's agree, so the trailing "1" is the title's own; "10.x" at /kiln-starter10/
    is part 10 though unpadded, since the title says 10 too."""
    titles = [
        "01.Firing a test kiln",
        "02.Loading the shelves",
        "03.Glaze Tutorial Java 1",
        "04.Glaze Tutorial Java 2",
        "10.Cooling down",
    ]
    out = _posts([(t, f"kiln-starter{t[:2]}", f"2031-01-{t[:2]}") for t in titles])
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert [g.part for g in out] == [1, 2, 3, 4, 10]


def test_an_unpadded_glued_slug_number_without_the_title_saying_it_is_no_part() -> None:
    out = _posts(
        [
            ("Upgrading the studio PC", "upgrade-to-windows10", "2031-01-01"),
            ("Kiln firmware notes", "kiln-firmware11", "2031-01-05"),
        ]
    )
    assert all(g.standalone for g in out)


def test_a_bare_slug_and_the_same_slug_numbered_from_two_are_one_series() -> None:
    """ "/glaze-mixer/", "/glaze-mixer2/", "/glaze-mixer3/": the author numbered the
    later pages' addresses after the first one's, though no title says a part."""
    out = _posts(
        [
            ("Why my glaze mixer kept stalling", "glaze-mixer", "2031-04-01"),
            ("A stronger motor for the mixer", "glaze-mixer2", "2031-04-09"),
            ("Cleaning up the wiring", "glaze-mixer3", "2031-04-20"),
            ("Notes from the spring fair", "spring-fair", "2031-04-25"),
        ]
    )
    assert out[0].key is not None and {g.key for g in out[:3]} == {out[0].key}
    assert [g.part for g in out[:3]] == [1, 2, 3]
    assert out[3].standalone


def test_glued_numbers_without_the_bare_slug_or_with_a_gap_name_nothing() -> None:
    # no page at the bare stem: the glued numbers are the words' own
    alone = _posts(
        [
            ("Upgrading the studio PC", "upgrade-to-windows10", "2031-01-01"),
            ("The studio PC, a year on", "upgrade-to-windows11", "2031-06-01"),
        ]
    )
    assert all(g.standalone for g in alone)
    # the bare stem and a 10 and an 11: a version beside the product, not pages 2, 3
    gap = _posts(
        [
            ("Kiln firmware notes", "kiln-firmware", "2031-01-05"),
            ("What changed in firmware ten", "kiln-firmware10", "2031-03-05"),
            ("What changed in firmware eleven", "kiln-firmware11", "2031-05-05"),
        ]
    )
    assert all(g.standalone for g in gap)


def test_a_slug_saying_part_in_roman_numerals_numbers_the_part() -> None:
    """ "/clay-body-recipes-part-ii-the-grog/": part 2, as "Part II" in a title is."""
    for slug, part in (
        ("clay-body-recipes-part-i-the-basics", 1),
        ("clay-body-recipes-part-iv", 4),
    ):
        marker = url_marker(split_url(f"{SITE}/{slug}/"))  # type: ignore[arg-type]
        assert marker is not None and (marker.key, marker.part) == ("clay body recipe", part)
    out = _posts(
        [
            ("The basics", "clay-body-recipes-part-i-the-basics", "2031-02-01"),
            ("Adding grog", "clay-body-recipes-part-ii-adding-grog", "2031-02-08"),
            ("Testing shrinkage", "clay-body-recipes-part-iii-shrinkage", "2031-02-15"),
        ]
    )
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert [g.part for g in out] == [1, 2, 3]
    # "part-iiii" is no roman numeral: nothing is read from it
    assert url_marker(split_url(f"{SITE}/clay-body-part-iiii/")) is None  # type: ignore[arg-type]


def test_a_part_word_glued_to_a_one_word_stem_numbers_a_run() -> None:
    """ "/2031/02/GlazePart1.html" … "GlazePart3": the path glues "Part" to the stem."""
    out = group(
        [
            (title, f"https://example.org/2031/02/GlazePart{n}.html", (), f"2031-02-0{n}")
            for n, title in enumerate(["Why glazes craze", "Mixing a base", "Firing tests"], 1)
        ]
    )
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert [g.part for g in out] == [1, 2, 3]


def test_a_word_ending_in_part_keeps_its_number() -> None:
    for slug in ("counterpart2", "rampart3"):
        assert url_marker(split_url(f"{SITE}/{slug}/")) is None, slug  # type: ignore[arg-type]


def test_a_one_word_slug_stem_that_says_part_needs_no_run() -> None:
    """ "/glazes-part2/", "/glazes-part3/": "part" says what "layer-2" leaves open, so
    two such slugs make a series though a one-word stem alone needs a run of three."""
    out = _posts(
        [
            ("Glazes in practice", "glazes-part2", "2031-05-01"),
            ("Working with matte glazes", "glazes-part3", "2031-05-09"),
            ("Layer two of the wall", "layer-2", "2031-05-10"),
            ("Layer three of the wall", "layer-3", "2031-05-12"),
        ]
    )
    assert out[0].key is not None and out[1].key == out[0].key
    assert [g.part for g in out[:2]] == [2, 3]
    assert out[2].standalone and out[3].standalone


def test_numbers_left_with_gaps_of_ten_are_ranks() -> None:
    """ "/kiln-course/000-intro/", "/010-clay/", "/020-glaze/": sort keys with room between
    them (a page can go in later), not parts 0, 10 and 20."""
    rows = [
        ("Kiln course: what it covers", "kiln-course/000-intro", "2031-01-01"),
        ("Kiln course: clay", "kiln-course/010-clay", "2031-01-08"),
        ("Kiln course: glaze", "kiln-course/020-glaze", "2031-01-15"),
        ("Kiln course: firing", "kiln-course/030-firing", "2031-01-22"),
    ]
    out = _posts(rows)
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert [g.part for g in out] == [1, 2, 3, 4]


def test_unpadded_tens_are_the_authors_count() -> None:
    rows = [
        (f"Glaze Challenge Day {n}: notes", f"glaze-challenge-day-{n}", f"2031-0{n // 10}-01")
        for n in (10, 20, 30)
    ]
    out = _posts(rows)
    assert [g.part for g in out] == [10, 20, 30]


def test_addresses_numbered_like_the_titled_first_part_bring_in_the_rest() -> None:
    """ "Kiln build - Part 1" at /kiln1/, then /kiln2/ and /kiln3/ whose titles say
    nothing: the author numbered the addresses as the first title numbers its part."""
    guesses = _glued(["kiln1", "kiln2", "kiln3"], first="Kiln build - Part 1")

    assert [(g.key, g.part) for g in guesses[:3]] == [("kiln build", n) for n in (1, 2, 3)]


def test_a_glued_number_alone_or_with_a_gap_stays_the_words_own() -> None:
    """ "python3", "web3", "voting2": without a titled part agreeing, or with a gap in the
    run, the number belongs to the word."""
    untitled = _glued(["kiln1", "kiln2", "kiln3"], first="Building the kiln")
    gap = _glued(["kiln1", "kiln3", "kiln4"], first="Kiln build - Part 1")
    short = _glued(["kiln1", "kiln2"], first="Kiln build - Part 1")

    assert all(g.key is None for g in untitled[:3])
    assert [g.key for g in gap[1:3]] == [None, None]
    assert short[1].key is None


def _glued(slugs: list[str], first: str) -> list[SeriesGuess]:
    titles = [first, "Testing a controller", "Printing the case"]
    posts = [
        (titles[i], f"https://kiln.example/{slug}/", (), f"2031-0{i + 1}-10")
        for i, slug in enumerate(slugs)
    ]
    posts.append(("Notes from the studio", "https://kiln.example/notes/", (), "2031-05-01"))
    return group(posts)


def test_a_lone_slug_number_does_not_keep_the_first_post_from_its_series() -> None:
    """ "Potters' Fair" at /pottersfair-day1/ beside "Potters' Fair (Day 2)": the slug's
    one-word "day1", alone no series, must not hide that the title names the series
    whole; the post is its part 1, as an unnumbered "X" beside "X Part 2" is."""
    guesses = group(
        [
            ("Potters' Fair", "https://kiln.example/pottersfair-day1/", (), "2031-05-01"),
            ("Potters' Fair (Day 2)", "https://kiln.example/pottersfair-day2/", (), "2031-05-02"),
            ("Notes from the studio", "https://kiln.example/notes/", (), "2031-05-09"),
        ]
    )

    assert guesses[0].key == guesses[1].key is not None
    assert [g.part for g in guesses[:2]] == [1, 2]
    assert guesses[2].key is None


def test_a_one_word_slug_run_brings_in_its_differently_titled_posts() -> None:
    """ "/kilnflow-3/" to "/kilnflow-6/" are "Kilnflow, Devlog 2" to "… 5"; the run's
    "/kilnflow-1/" (the project's introduction) and "/kilnflow-2/" (its first devlog,
    titled before the project had a name) are the same series."""
    rows = [
        (
            "Introducing Kilnflow: a visual designer for firing schedules",
            "kilnflow-1",
            "2031-04-30",
        ),
        ("Kiln Bot Devlog 1", "kilnflow-2", "2031-05-06"),
        *(
            (f"Kilnflow, Devlog {n}", f"kilnflow-{n + 1}", f"2031-05-{10 + n:02d}")
            for n in range(2, 6)
        ),
        ("Kubernetes for kilns", "kilnflow-tips", "2031-06-01"),
    ]
    out = _posts(rows)
    assert out[2].key is not None and {g.key for g in out[:6]} == {out[2].key}
    assert [g.part for g in out[2:6]] == [2, 3, 4, 5]
    assert out[2].name == "Kilnflow"  # "Devlog N" numbers the entry, as "Day N" does
    assert out[6].key is None  # under the word, but not one of its run's numbers


def test_a_one_word_prefix_takes_only_its_runs_numbers() -> None:
    rows = [
        ("What Is a Kiln?", "kilns-01-what-is-a-kiln", "2031-01-01"),
        ("What Is a Cone?", "kilns-02-what-is-a-cone", "2031-01-08"),
        ("Loading Shelves", "kilns-03-loading-shelves", "2031-01-15"),
        ("Kiln Tips — Cooling Faster", "kilns-cooling-faster", "2031-02-01"),
    ]
    out = _posts(rows)
    assert out[0].key is not None and {g.key for g in out[:3]} == {out[0].key}
    assert out[3].key is None
