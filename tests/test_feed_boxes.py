"""A series box in the feed's own copy of a post: WordPress series plug-ins add their box
to the post's content, so the feed carries it. Each sync reads it with no request: the
posts are filed as the site files them even when their titles say nothing, a page read
later speaks over it, and a box the feed stops carrying is dropped."""

from __future__ import annotations

import json
from pathlib import Path

from feedgen import Item, rss
from freshrss import FreshRSS, OtherDevice
from loopback import LoopbackServer
from readinglist.feeds import greader
from readinglist.feeds.parse import parse_feed
from readinglist.feeds.site.declared import declared_in_content
from readinglist.model.query import ArticleQuery
from readinglist.model.records import FEED_SERIES_BOX, SERIES_BOX, DeclaredSeries
from readinglist.services.library import Library

SITE = "https://pottery.example"


def organize_series_meta(part: int, total: int, name: str = "Kiln Basics") -> str:
    """What Organize Series puts before a post's content (its default template)."""
    return (
        f'<div class="seriesmeta">This entry is part {part} of {total} in the series '
        f'<a href="{SITE}/series/kiln-basics/" class="series-7" title="{name}">{name}</a>'
        "</div><p>Body text about the kiln.</p>"
    )


def wp_post_series_box(here: int, titles: list[str]) -> str:
    """What WP Post Series puts before a post's content: its sentence, then the series'
    posts, the page's own unlinked and marked current, an unpublished one unlinked."""
    items = []
    for number, title in enumerate(titles, start=1):
        if number == here:
            items.append(f'<li><span class="wp-post-series-box__current">{title}</span></li>')
        elif title.startswith("Scheduled"):
            items.append(f"<li>{title}</li>")
        else:
            items.append(f'<li><a href="{SITE}/learn-php-{number}/">{title}</a></li>')
    return (
        '<div class="wp-post-series-box series-learn-php expandable">'
        '<input id="c1" class="wp-post-series-box__toggle_checkbox" type="checkbox">'
        '<div class="wp-post-series-box__label"><p class="wp-post-series-box__name '
        f'wp-post-series-name">This is post {here} of {len(titles)} in the series '
        "<em>&ldquo;Learn PHP&rdquo;</em></p></div>"
        f'<div class="wp-post-series-box__posts"><ol>{"".join(items)}</ol></div></div>'
        "<p>Body text about PHP.</p>"
    )


# --- reading the box ----------------------------------------------------------------------


def test_organize_series_meta_declares_its_series_and_place() -> None:
    declared = declared_in_content(organize_series_meta(2, 4), f"{SITE}/firing/")

    assert declared == DeclaredSeries("Kiln Basics", 2, 4, (), FEED_SERIES_BOX)
    assert declared.from_box and declared.from_feed


def test_wp_post_series_box_gives_its_list_with_the_page_in_its_place() -> None:
    titles = ["Learn PHP part 1", "Learn PHP part 2", "Scheduled for June: Learn PHP part 3"]
    declared = declared_in_content(wp_post_series_box(2, titles), f"{SITE}/learn-php-2/")

    assert declared is not None
    assert (declared.name, declared.position, declared.total) == ("Learn PHP", 2, 3)
    # the unpublished post has no address: the list holds the two that have one
    assert declared.members == (f"{SITE}/learn-php-1/", f"{SITE}/learn-php-2/")


def test_prose_and_boxes_about_something_else_declare_nothing() -> None:
    link = f"{SITE}/notes/"
    assert declared_in_content("<p>This is part 2 of my series on glazes.</p>", link) is None
    assert declared_in_content('<div class="series-chart"><p>Time series</p></div>', link) is None
    assert declared_in_content("<p>Nothing here.</p>", link) is None
    assert declared_in_content(organize_series_meta(2, 4), None) is None  # no address


def test_the_parser_reads_the_box_before_sanitising_drops_its_class() -> None:
    feed = rss(
        [
            Item("a", "Firing schedules", f"{SITE}/firing/", organize_series_meta(2, 3)),
            Item("b", "Studio notes", f"{SITE}/notes/", "<p>Nothing of a series.</p>"),
        ]
    )
    firing, notes = parse_feed(feed, url=f"{SITE}/feed/").entries

    assert firing.declared == DeclaredSeries("Kiln Basics", 2, 3, (), FEED_SERIES_BOX)
    assert 'class="seriesmeta"' not in firing.content_html  # the stored text is clean
    assert notes.declared is None


# --- a library that syncs such a feed ----------------------------------------------------


def _publish(loopback: LoopbackServer, items: list[Item]) -> str:
    loopback.route("/feed/", body=rss(items, site=SITE), content_type="application/rss+xml")
    return loopback.url("/feed/")


def _kiln_items(third_has_box: bool = True) -> list[Item]:
    """Three parts whose titles name no series, and a post of no series."""
    third = organize_series_meta(3, 3) if third_has_box else "<p>Body, box removed.</p>"
    return [
        Item("k1", "Clay bodies and why they crack", f"{SITE}/clay/", organize_series_meta(1, 3)),
        Item("k2", "Firing schedules", f"{SITE}/firing/", organize_series_meta(2, 3), day=2),
        Item("n1", "A note on studio safety", f"{SITE}/safety/", day=3),
        Item("k3", "Loading the kiln", f"{SITE}/loading/", third, day=5),
    ]


def _parts(lib: Library) -> dict[str, int | None]:
    (series,) = lib.list_series()
    return {a.title: a.part for a in lib.list_articles(ArticleQuery(series_id=series.id))}


def test_a_sync_files_the_posts_as_the_boxes_in_the_feed_say(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    with Library.open(data_dir) as lib:
        lib.subscribe(_publish(loopback, _kiln_items()))

        (series,) = lib.list_series()
        assert (series.name, series.parts, series.missing) == ("Kiln Basics", (1, 2, 3), ())
        assert series.why == "the feed's copy of the post declares it: 'Kiln Basics' (series box)"
        assert "A note on studio safety" not in _parts(lib)
        assert len(loopback.requests) == 1  # the feed alone: no page was asked


def test_a_page_read_later_speaks_over_the_feed_and_the_feed_never_over_it(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    with Library.open(data_dir) as lib:
        feed_url = _publish(loopback, _kiln_items())
        lib.subscribe(feed_url)
        by_link = {a.link: a.id for a in lib.list_articles(ArticleQuery())}
        page_says = DeclaredSeries("Kiln Basics", 2, 3, (), SERIES_BOX)
        lib.store.set_declared_series(by_link[f"{SITE}/firing/"], page_says)

        items = _kiln_items()
        edited = organize_series_meta(2, 3) + "<p>Edited.</p>"
        items[1] = Item("k2", "Firing schedules", f"{SITE}/firing/", edited, day=2)
        _publish(loopback, items)
        lib.sync()

        declared = lib.store.feed_declarations(lib.list_feeds()[0].id)
        assert declared[f"{SITE}/firing/"] == page_says
        assert declared[f"{SITE}/clay/"].source == FEED_SERIES_BOX
        assert _parts(lib)["Firing schedules"] == 2


def test_a_box_the_feed_no_longer_carries_is_dropped(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    with Library.open(data_dir) as lib:
        lib.subscribe(_publish(loopback, _kiln_items()))
        assert _parts(lib)["Loading the kiln"] == 3

        _publish(loopback, _kiln_items(third_has_box=False))
        lib.sync()

        feed_id = lib.list_feeds()[0].id
        assert f"{SITE}/loading/" not in lib.store.feed_declarations(feed_id)
        parts = _parts(lib)
        assert "Loading the kiln" not in parts
        assert parts == {"Clay bodies and why they crack": 1, "Firing schedules": 2}


def test_a_wp_post_series_box_shows_the_part_the_feed_lacks_as_missing(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    titles = ["Variables", "Arrays", "Loops"]
    items = [
        Item("p1", "Variables", f"{SITE}/learn-php-1/", wp_post_series_box(1, titles)),
        Item("p3", "Loops", f"{SITE}/learn-php-3/", wp_post_series_box(3, titles), day=4),
    ]
    with Library.open(data_dir) as lib:
        lib.subscribe(_publish(loopback, items))

        (series,) = lib.list_series()
        assert (series.name, series.parts, series.missing) == ("Learn PHP", (1, 3), (2,))


def test_posts_the_feed_has_let_go_keep_the_series_their_boxes_said(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    """A feed is a window on the newest posts: once the older parts leave it, what their
    boxes said is still what files them when the newest part comes."""
    with Library.open(data_dir) as lib:
        lib.subscribe(_publish(loopback, _kiln_items()))
        newest = Item("k4", "Glaze tests", f"{SITE}/glaze/", organize_series_meta(4, 4), day=9)
        _publish(loopback, [newest])
        lib.sync()

        (series,) = lib.list_series()
        assert (series.name, series.parts) == ("Kiln Basics", (1, 2, 3, 4))
        assert _parts(lib)["Glaze tests"] == 4


def test_an_item_from_a_sync_server_carries_its_box_too() -> None:
    """FreshRSS, Miniflux and Inoreader hand over the post's content as the feed gave it."""
    item = {
        "id": "tag:google.com,2005:reader/item/0000000000000001",
        "origin": {"streamId": "feed/1"},
        "title": "Firing schedules",
        "alternate": [{"href": f"{SITE}/firing/"}],
        "summary": {"content": organize_series_meta(2, 3)},
        "published": 1709283600,
    }
    (remote,) = greader.parse_items(json.dumps({"items": [item]}).encode())

    assert remote.entry.declared == DeclaredSeries("Kiln Basics", 2, 3, (), FEED_SERIES_BOX)


# --- boxes whose classes a sync server renamed or dropped ---------------------------------


def test_classes_a_simplepie_server_renamed_still_mark_the_box() -> None:
    """FreshRSS (SimplePie) keeps a class as ``data-sanitized-class``: the box is read
    whole, its list of posts too (the opening sentence alone would give no list)."""
    titles = ["Learn PHP part 1", "Learn PHP part 2", "Learn PHP part 3"]
    box = wp_post_series_box(2, titles).replace('class="', 'data-sanitized-class="')
    declared = declared_in_content(box, f"{SITE}/learn-php-2/")

    assert declared is not None
    assert declared.members == tuple(f"{SITE}/learn-php-{n}/" for n in (1, 2, 3))


def test_with_its_classes_gone_only_the_plugins_opening_sentence_declares() -> None:
    link = f"{SITE}/firing/"
    stripped = organize_series_meta(2, 4).replace(' class="seriesmeta"', "")
    later = "<p>Glazes first.</p><p>This entry is part 2 of 4 in the series Kiln Basics.</p>"
    wp = "<p>This is post 3 of 5 in the series “Learn PHP”</p><p>Loops.</p>"

    assert declared_in_content(stripped, link) == DeclaredSeries(
        "Kiln Basics", 2, 4, (), FEED_SERIES_BOX
    )
    assert declared_in_content(wp, link) == DeclaredSeries("Learn PHP", 3, 5, (), FEED_SERIES_BOX)
    assert declared_in_content(later, link) is None  # not the post's first words


def test_an_account_sync_through_freshrss_files_the_posts_as_their_boxes_say(
    tmp_path: Path, freshrss: FreshRSS, device: OtherDevice, loopback: LoopbackServer
) -> None:
    device.subscribe(_publish(loopback, _kiln_items()))

    with Library.open(tmp_path / "lib") as lib:
        lib.set_account("greader", freshrss.greader, freshrss.user, freshrss.api_password)
        assert lib.sync().account_error is None

        (series,) = lib.list_series()
        assert (series.name, series.parts) == ("Kiln Basics", (1, 2, 3))
        assert "A note on studio safety" not in _parts(lib)


def test_a_name_ends_at_its_closing_quote_and_not_at_an_apostrophe() -> None:
    link = f"{SITE}/firing/"
    quoted = '<div class="seriesmeta">This entry is part 2 of 4 in the series ‘Kiln Basics’ and'
    apostrophe = '<div class="seriesmeta">This entry is part 2 of 4 in the series Potter’s Wheel.'

    assert (declared_in_content(quoted + "</div>", link) or _NONE).name == "Kiln Basics"
    assert (declared_in_content(apostrophe + "</div>", link) or _NONE).name == "Potter’s Wheel"


_NONE = DeclaredSeries("", None)
