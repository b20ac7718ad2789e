"""The CLI's share of what the window could do alone: standalone marking, new series."""

from __future__ import annotations

import pytest

from feedgen import Item, rss, series_items
from helpers import cli_json


@pytest.fixture
def feed(cli, loopback) -> int:
    """One feed: a series of two parts and two standalone posts."""
    items = [
        *series_items("Linear Algebra", [1, 2]),
        Item("solo-1", "A standalone post", "https://blog.example/solo-1/", day=10),
        Item("solo-2", "Another standalone post", "https://blog.example/solo-2/", day=11),
    ]
    loopback.route("/feed.xml", body=rss(items))
    code, _out, err = cli("add", loopback.url("/feed.xml"))
    assert code == 0, err
    return int(cli_json(cli, "feeds")[0]["id"])


def test_mark_read_standalone_marks_only_posts_in_no_series(cli, feed: int) -> None:
    assert cli("mark-read", "--feed", str(feed), "--standalone") == (
        0,
        "2 articles marked read\n",
        "",
    )
    read = {a["title"]: a["read"] for a in cli_json(cli, "list")}
    assert read["A standalone post"] and read["Another standalone post"]
    assert not read["Linear Algebra (1): Chapter 1"]
    assert cli("mark-read", "--feed", str(feed), "--standalone")[1] == "0 articles marked read\n"
    assert cli("mark-read", "--feed", str(feed), "--standalone", "--unread")[1] == (
        "2 articles marked unread\n"
    )


@pytest.mark.parametrize(
    "extra",
    [(), ("--feed", "1", "--all"), ("--feed", "1", "--series", "1"), ("--before", "2024-01-01")],
)
def test_mark_read_standalone_wants_a_feed_alone(cli, feed: int, extra) -> None:
    code, out, err = cli("mark-read", "--standalone", *extra)
    assert (code, out) == (2, "")
    assert err == (
        "readinglist: --standalone goes with --feed ID only (no --series, --before, --all)\n"
    )


def test_mark_read_standalone_of_an_unknown_feed_is_refused(cli, feed: int) -> None:
    assert cli("mark-read", "--feed", "99", "--standalone") == (
        2,
        "",
        "readinglist: no feed with id 99\n",
    )


def test_move_into_a_new_series(cli, feed: int) -> None:
    solo = next(a for a in cli_json(cli, "list") if a["title"] == "A standalone post")
    code, out, err = cli("move", str(solo["id"]), "--new-series", "Field Notes", "--part", "3")
    assert code == 0, err
    created = next(s for s in cli_json(cli, "series") if s["name"] == "Field Notes")
    assert out == f"created series {created['id']}: Field Notes\n"
    assert created["feed_id"] == feed and created["parts"] == [3]
    (moved,) = cli_json(cli, "list", "--series", str(created["id"]))
    assert (moved["id"], moved["part"]) == (solo["id"], 3)


def test_move_into_a_new_series_wants_a_name_and_a_known_article(cli, feed: int) -> None:
    first = cli_json(cli, "list")[0]["id"]
    assert cli("move", str(first), "--new-series", "  ") == (
        2,
        "",
        "readinglist: move --new-series: wants a name, not an empty one\n",
    )
    assert cli("move", "999", "--new-series", "X") == (
        2,
        "",
        "readinglist: no article with id 999\n",
    )
    code, _out, err = cli("move", str(first))
    assert code == 2 and "--new-series NAME" in err
    assert [s["name"] for s in cli_json(cli, "series")] == ["Linear Algebra"]
