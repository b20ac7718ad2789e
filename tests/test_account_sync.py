"""A library on a Google Reader API account, against a real FreshRSS (tests/freshrss.py).

Each test starts a fresh server; its feeds are served by the test's own loopback
server, which FreshRSS fetches as it would any site. "Another device" acts on the
server through the API with bare requests, as a phone would.
"""

from __future__ import annotations

import io
from pathlib import Path

from feedgen import Item, rss, series_items
from freshrss import READ, STARRED, FreshRSS, OtherDevice
from loopback import LoopbackServer
from readinglist.cli.commands import run
from readinglist.model.query import ArticleQuery
from readinglist.services.library import Library


def serve_blog(loopback: LoopbackServer, path: str, items: list[Item], title: str) -> str:
    loopback.route(
        path,
        body=rss(items, title=title, site=loopback.url("/")),
        content_type="application/rss+xml",
    )
    return loopback.url(path)


def blog_items(loopback: LoopbackServer, count: int = 3) -> list[Item]:
    return [
        *series_items("Transfer Learning", range(1, count + 1), site=loopback.base_url),
        Item(guid="post-x", title="A standalone post", link=loopback.url("/standalone/"), day=9),
    ]


def on_account(tmp_path: Path, freshrss: FreshRSS, name: str = "lib") -> Library:
    lib = Library.open(tmp_path / name)
    lib.set_account("greader", freshrss.greader, freshrss.user, freshrss.api_password)
    return lib


def titles(lib: Library, **query: object) -> list[str]:
    return sorted(a.title for a in lib.list_articles(ArticleQuery(**query)))  # type: ignore[arg-type]


def by_title(lib: Library, title: str):  # type: ignore[no-untyped-def]
    return next(a for a in lib.list_articles(ArticleQuery()) if a.title == title)


def test_first_sync_takes_the_servers_feeds_items_and_state_into_series(
    tmp_path, freshrss, device, loopback
):
    url = serve_blog(loopback, "/tl.xml", blog_items(loopback), "Deep Learning Notes")
    device.subscribe(url)
    device.tag([device.item_id("Transfer Learning (1): Chapter 1")], add=READ)
    device.tag([device.item_id("A standalone post")], add=STARRED)

    with on_account(tmp_path, freshrss) as lib:
        summary = lib.sync()
        assert summary.account_error is None
        assert summary.new_count == 4
        (feed,) = lib.list_feeds()
        assert feed.url == url and feed.title == "Deep Learning Notes"
        (series,) = lib.list_series()
        assert [
            a.part for a in lib.list_articles(ArticleQuery(series_id=series.id, order="part"))
        ] == [
            1,
            2,
            3,
        ]
        assert by_title(lib, "Transfer Learning (1): Chapter 1").read
        assert not by_title(lib, "Transfer Learning (2): Chapter 2").read
        assert by_title(lib, "A standalone post").starred
        assert summary.changes.feed_list  # the window redraws its feed list

        again = lib.sync()
        assert again.account_error is None and again.new_count == 0
        assert len(lib.list_articles(ArticleQuery())) == 4


def test_read_there_is_read_here_and_starred_here_is_starred_there(
    tmp_path, freshrss, device, loopback
):
    device.subscribe(serve_blog(loopback, "/tl.xml", blog_items(loopback), "Blog"))
    with on_account(tmp_path, freshrss) as lib:
        lib.sync()
        device.tag([device.item_id("Transfer Learning (2): Chapter 2")], add=READ)
        mine = by_title(lib, "Transfer Learning (3): Chapter 3")
        lib.set_starred([mine.id])
        lib.mark_read([mine.id])
        assert lib.account().pending == 1  # one article waits (its star and its read)

        summary = lib.sync()
        assert summary.account_error is None
        assert by_title(lib, "Transfer Learning (2): Chapter 2").read
        assert by_title(lib, "Transfer Learning (2): Chapter 2").id in summary.changes.articles
        third = device.item_id("Transfer Learning (3): Chapter 3")
        assert third in device.starred_ids() and third in device.read_ids()
        assert lib.account().pending == 0

        # the later action wins: unread on the other device after our read
        device.tag([third], remove=READ)
        lib.sync()
        assert not by_title(lib, "Transfer Learning (3): Chapter 3").read


def test_added_here_is_subscribed_there_in_its_folder_and_removed_there_goes_here(
    tmp_path, freshrss, device, loopback
):
    url = serve_blog(loopback, "/a.xml", blog_items(loopback), "Blog A")
    with on_account(tmp_path, freshrss) as lib:
        feed = lib.subscribe(url, folder="Machine learning").feed
        lib.sync()
        (sub,) = device.subscriptions()
        assert sub["url"] == url
        assert sub["categories"][0]["label"] == "Machine learning"  # type: ignore[index]
        # our own fetch stored the items already: the server's copies are the same articles
        assert len(lib.list_articles(ArticleQuery())) == 4

        starred = by_title(lib, "A standalone post")
        lib.set_starred([starred.id])
        lib.sync()
        device.unsubscribe(str(sub["id"]))
        summary = lib.sync()
        assert summary.account_error is None and summary.changes.feed_list
        assert lib.list_feeds() == []
        # the starred article is the reader's: it stays, as for an unsubscription here
        assert [a.title for a in lib.list_articles(ArticleQuery(starred_only=True))] == [
            "A standalone post"
        ]
        assert feed.id not in {f.id for f in lib.list_feeds()}


def test_removed_here_is_unsubscribed_there(tmp_path, freshrss, device, loopback):
    device.subscribe(serve_blog(loopback, "/a.xml", blog_items(loopback), "Blog A"))
    device.subscribe(serve_blog(loopback, "/b.xml", [Item("b1", "Other", None)], "Blog B"))
    with on_account(tmp_path, freshrss) as lib:
        lib.sync()
        blog_b = next(f for f in lib.list_feeds() if f.title == "Blog B")
        lib.remove_feed(blog_b.id)
        assert lib.account().pending == 1
        assert lib.sync().account_error is None
        assert [s["title"] for s in device.subscriptions()] == ["Blog A"]
        assert lib.account().pending == 0


def test_a_local_library_moves_onto_the_account_without_duplicates_or_lost_notes(
    tmp_path, freshrss, device, loopback
):
    url = serve_blog(loopback, "/tl.xml", blog_items(loopback), "Blog")
    with Library.open(tmp_path / "lib") as lib:
        lib.subscribe(url)
        first = by_title(lib, "Transfer Learning (1): Chapter 1")
        lib.set_note(first.id, "read this twice")
        lib.mark_read([first.id])
        lib.highlight(first.id, "Body text")
        series_before = [(s.name, s.parts) for s in lib.list_series()]

        lib.set_account("greader", freshrss.greader, freshrss.user, freshrss.api_password)
        summary = lib.sync()
        assert summary.account_error is None
        assert summary.new_count == 0  # every item was one we had
        assert len(lib.list_articles(ArticleQuery())) == 4
        kept = by_title(lib, "Transfer Learning (1): Chapter 1")
        assert kept.id == first.id and kept.note == "read this twice" and kept.read
        assert len(lib.list_highlights(first.id)) == 1
        assert [(s.name, s.parts) for s in lib.list_series()] == series_before
        # our read state went to the server, which had every item unread
        assert device.item_id("Transfer Learning (1): Chapter 1") in device.read_ids()


def test_a_change_made_while_the_server_is_away_waits_and_arrives(
    tmp_path, freshrss, device, loopback
):
    device.subscribe(serve_blog(loopback, "/tl.xml", blog_items(loopback), "Blog"))
    with on_account(tmp_path, freshrss) as lib:
        lib.sync()
        freshrss.stop()
        target = by_title(lib, "Transfer Learning (2): Chapter 2")
        lib.mark_read([target.id])
        lib.set_starred([target.id])
        summary = lib.sync()
        assert summary.account_error and "could not be reached" in summary.account_error
        assert lib.account().last_error == summary.account_error
        assert lib.account().pending == 1
    # the app is closed (or killed) before the server is back: the change is in the file
    freshrss.start()
    with Library.open(tmp_path / "lib") as lib:
        assert lib.account().pending == 1
        assert lib.sync().account_error is None
        assert lib.account().pending == 0 and lib.account().last_error is None
    other = OtherDevice(freshrss)
    second = other.item_id("Transfer Learning (2): Chapter 2")
    assert second in other.read_ids() and second in other.starred_ids()
    other.close()


def test_new_items_on_the_server_come_in_and_a_quiet_sync_is_a_handful_of_requests(
    tmp_path, freshrss, device, loopback
):
    items = blog_items(loopback, count=2)
    url = serve_blog(loopback, "/tl.xml", items, "Blog")
    device.subscribe(url)
    with on_account(tmp_path, freshrss) as lib:
        lib.sync()
        client = lib._client()
        before, contents = client.requests, client.calls["contents"]
        summary = lib.sync()
        asked = client.requests - before
        assert summary.account_error is None and summary.new_count == 0
        assert asked <= 4, asked  # subscriptions, new ids, unread ids, starred ids
        assert client.calls["contents"] == contents  # nothing parsed

        serve_blog(
            loopback,
            "/tl.xml",
            [*items, *series_items("Transfer Learning", [3], site=loopback.base_url)],
            "Blog",
        )
        freshrss.actualize()
        summary = lib.sync()
        assert summary.new_count == 1
        assert client.calls["contents"] == contents + 1  # one request: the new item only
        (series,) = lib.list_series()
        assert series.parts == (1, 2, 3)


def test_cli_account_set_show_remove_and_a_wrong_password(
    tmp_path, freshrss, loopback, monkeypatch, capsys
):
    data = str(tmp_path / "lib")
    set_account = ["account", "set", "greader", freshrss.greader, "--user", "reader"]
    set_account += ["--password-stdin", "--data-dir", data]
    monkeypatch.setattr("sys.stdin", io.StringIO("not-the-password\n"))
    code = run(set_account)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "refused" in err[0]
    assert run(["account", "show", "--json", "--data-dir", data]) == 0
    assert '"kind": "local"' in capsys.readouterr().out

    monkeypatch.setattr("sys.stdin", io.StringIO(freshrss.api_password + "\n"))
    code = run(set_account)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "no system keyring" in captured.err  # said once, where it is decided
    secret = Path(data) / "account-password"
    assert secret.stat().st_mode & 0o777 == 0o600
    assert freshrss.api_password not in (Path(data) / "library.sqlite3").read_bytes().decode(
        "latin-1"
    )
    assert run(["account", "show", "--data-dir", data]) == 0
    assert f"reader at {freshrss.greader}" in capsys.readouterr().out
    assert run(["sync", "--data-dir", data]) == 0

    freshrss.stop()
    assert run(["sync", "--data-dir", data]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "could not be reached" in err[0]

    assert run(["account", "remove", "--data-dir", data]) == 0
    assert not secret.exists()
    assert run(["account", "show", "--json", "--data-dir", data]) == 0
    assert '"kind": "local"' in capsys.readouterr().out
