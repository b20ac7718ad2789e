"""The CLI contract: commands, JSON keys, exit codes, one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from feedgen import Item, rss, series_items
from helpers import cli_json
from readinglist import __version__
from readinglist.cli.commands import run

FEED_KEYS = {
    "id",
    "url",
    "title",
    "site_url",
    "last_error",
    "last_checked",
    "article_count",
    "unread_count",
}
ARTICLE_KEYS = {
    "id", "feed_id", "title", "url", "series_id", "series", "part", "published", "read",
    "starred", "note", "reading_minutes",
}  # fmt: skip
SERIES_KEYS = {
    "id",
    "feed_id",
    "name",
    "parts",
    "missing",
    "article_count",
    "read_count",
    "next_unread_id",
    "kind",
    "guess",
    "why",
}


def test_end_to_end(cli, loopback) -> None:
    items = [
        *series_items("Essence of Linear Algebra", [13, 16]),
        Item(
            "solo",
            "Reparameterization Trick & Gumbel-Softmax: A Deep Dive",
            "https://blog.example/en/standalone/gumbel/",
            day=20,
        ),
    ]
    loopback.route("/feed.xml", body=rss(items), etag='"1"')
    code, out, err = cli("add", loopback.url("/feed.xml"))
    assert code == 0, err
    assert out.startswith("added feed 1: Test Blog")

    (feed,) = cli_json(cli, "feeds")
    assert set(feed) == FEED_KEYS
    assert (feed["article_count"], feed["unread_count"], feed["last_error"]) == (3, 3, None)

    (series,) = cli_json(cli, "series")
    assert set(series) == SERIES_KEYS
    assert series["name"] == "Essence of Linear Algebra"
    assert series["parts"] == [13, 16]
    assert series["missing"] == [*range(1, 13), 14, 15]
    assert (series["kind"], series["guess"]) == ("multipart", False)
    assert "13" in series["why"] and "16" in series["why"]  # what detection saw

    articles = cli_json(cli, "list", "--series", str(series["id"]))
    assert [a["part"] for a in articles] == [13, 16]
    assert set(articles[0]) == ARTICLE_KEYS
    first = articles[0]["id"]
    assert series["next_unread_id"] == first
    standalone = [a for a in cli_json(cli, "list") if a["series_id"] is None]
    assert [a["title"] for a in standalone] == [
        "Reparameterization Trick & Gumbel-Softmax: A Deep Dive"
    ]

    assert cli("read", str(first))[0] == 0
    assert cli("star", str(first))[0] == 0
    assert cli("note", str(first), "Linear maps are matrices.")[0] == 0
    assert cli("note", str(first))[1] == "Linear maps are matrices.\n"
    assert cli("note", str(first), "-", stdin="from stdin\nline 2\n")[0] == 0
    assert cli("note", str(first))[1] == "from stdin\nline 2\n"

    (listed,) = cli_json(cli, "list", "--starred")
    assert (listed["read"], listed["starred"], listed["note"]) == (
        True,
        True,
        "from stdin\nline 2\n",
    )
    assert [a["id"] for a in cli_json(cli, "list", "--unread")] != [] and first not in [
        a["id"] for a in cli_json(cli, "list", "--unread")
    ]
    assert [a["id"] for a in cli_json(cli, "list", "--search", "stdin")] == [first]
    assert cli_json(cli, "series")[0]["next_unread_id"] == articles[1]["id"]

    # sync again: 304, the user's state is untouched, exit 0
    code, out, _ = cli("sync")
    assert code == 0 and "0 new articles" in out
    assert cli_json(cli, "list", "--starred")[0]["note"] == "from stdin\nline 2\n"

    assert cli("unread", str(first))[0] == 0
    assert first in [a["id"] for a in cli_json(cli, "list", "--unread")]


def test_failed_feed_exit_code_and_stderr(cli, loopback) -> None:
    loopback.route("/ok.xml", body=rss(series_items("A", [1])))
    loopback.route("/gone.xml", status=410)
    assert cli("add", "--no-sync", loopback.url("/ok.xml"), loopback.url("/gone.xml"))[0] == 0
    code, _out, err = cli("sync")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"readinglist: feed 2 ({loopback.url('/gone.xml')}): HTTP 410")
    feeds = {f["id"]: f for f in cli_json(cli, "feeds")}
    assert feeds[1]["article_count"] == 1 and feeds[2]["last_error"].startswith("HTTP 410")


@pytest.mark.parametrize(
    "args, message",
    [
        (("read", "999"), "readinglist: no article with id 999\n"),
        (("note", "999"), "readinglist: no article with id 999\n"),
        (("list", "--series", "5"), "readinglist: no series with id 5\n"),
        (("sync", "7"), "readinglist: no feed with id 7\n"),
        (
            ("add", "--no-sync", "file:///etc/passwd"),
            "readinglist: 'file:///etc/passwd' is not an http or https address\n",
        ),
        (
            ("mark-read",),
            "readinglist: say what to mark: --series ID, --feed ID, --before DATE or --all\n",
        ),
        (("merge-series", "4", "4"), "readinglist: series 4 cannot be merged into itself\n"),
        (
            ("frobnicate",),
            "readinglist: 'frobnicate' is not a command; see readinglist --help\n",
        ),
        (
            ("add",),
            "readinglist: add: the following arguments are required: URL; "
            "see readinglist add --help\n",
        ),
        (
            ("sync", "--bogus"),
            "readinglist: sync: unrecognized arguments: --bogus; see readinglist sync --help\n",
        ),
        (
            ("list", "--limit", "0"),
            "readinglist: list --limit: wants a whole number of 1 or more, not '0'; "
            "see readinglist list --help\n",
        ),
        (
            ("export", "pdf"),
            "readinglist: export format: invalid choice: 'pdf' (choose from 'opml', "
            "'markdown', 'readwise', 'json', 'epub'); see readinglist export --help\n",
        ),
    ],
)
def test_bad_ids_and_usage_exit_2(cli, args, message) -> None:
    code, out, err = cli(*args)
    assert (code, out, err) == (2, "", message)


def test_opml_import_export_round_trip(cli, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        """<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
        <outline text="Tech"><outline text="A" xmlUrl="https://a.example/feed.xml"/>
        <outline text="B" xmlUrl="https://b.example/rss"/></outline>
        <outline text="Evil" xmlUrl="file:///etc/passwd"/>
        <outline text="Pipe" xmlUrl="|rm -rf ~"/>
        <outline text="Dup" xmlUrl="https://a.example/feed.xml"/>
        </body></opml>""",
        encoding="utf-8",
    )
    code, out, err = cli("import", str(opml))
    assert code == 0
    assert out.startswith("imported 2 feeds")
    assert len(err.strip().splitlines()) == 3  # file:, pipe, duplicate
    assert sorted(f["url"] for f in cli_json(cli, "feeds")) == [
        "https://a.example/feed.xml",
        "https://b.example/rss",
    ]
    target = tmp_path / "out.opml"
    assert cli("export", "opml", "-o", str(target))[0] == 0
    assert b"https://b.example/rss" in target.read_bytes() and b"Tech" in target.read_bytes()


def test_export_markdown_andcli_json(cli, loopback, tmp_path: Path) -> None:
    loopback.route("/f.xml", body=rss(series_items("Transfer Learning", [2, 1])))
    cli("add", loopback.url("/f.xml"))
    arts = cli_json(cli, "list")
    by_part = {a["part"]: a["id"] for a in arts}
    cli("note", str(by_part[2]), "second note")
    cli("note", str(by_part[1]), "first note")
    code, md, _ = cli("export", "markdown")
    assert code == 0
    assert md.index("first note") < md.index("second note")  # part order
    assert "## Test Blog" in md and "Transfer Learning" in md
    assert "(<https://blog.example/transfer-learning/01-chapter-1/>)" in md
    code, raw, _ = cli("export", "json")
    data = json.loads(raw)
    assert data["format"] == "readinglist-backup"
    notes = {a["note"] for a in data["articles"]}
    assert {"first note", "second note"} <= notes
    assert all("summary_html" in a for a in data["articles"])


def test_module_entry_point_version_and_refused_library(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "readinglist", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (out.returncode, out.stdout.strip()) == (0, f"readinglist {__version__}")
    bad = tmp_path / "lib"
    bad.mkdir()
    (bad / "library.sqlite3").write_bytes(b"not sqlite at all" * 10)
    out = subprocess.run(
        [sys.executable, "-m", "readinglist", "feeds", "--data-dir", str(bad)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "not a readinglist library" in out.stderr
    assert (bad / "library.sqlite3").read_bytes() == b"not sqlite at all" * 10


def test_data_dir_from_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READINGLIST_DATA_DIR", str(tmp_path / "envlib"))
    assert run(["add", "--no-sync", "https://x.example/feed"]) == 0
    assert (tmp_path / "envlib" / "library.sqlite3").exists()


def test_json_backup_round_trip_through_the_cli(cli, loopback, tmp_path: Path) -> None:
    loopback.route("/f.xml", body=rss(series_items("Transfer Learning", [1, 2])))
    cli("add", loopback.url("/f.xml"))
    first = cli_json(cli, "list")[0]["id"]
    cli("note", str(first), "kept across machines")
    backup = tmp_path / "backup.json"
    assert cli("export", "json", "-o", str(backup))[0] == 0
    other = tmp_path / "other"
    code = run(["import", str(backup), "--data-dir", str(other)])
    assert code == 0
    assert run(["note", str(first), "--data-dir", str(other)]) == 0
    # restoring into a library that already has feeds is refused, nothing changes
    assert run(["import", str(backup), "--data-dir", str(other)]) == 2


def test_entry_point_routes_commands_and_window(tmp_path: Path, monkeypatch) -> None:
    from readinglist import app

    seen: list[str] = []
    monkeypatch.setattr(app, "gui_main", lambda argv: seen.append("gui") or 0)
    lib = tmp_path / "list"  # a data dir whose name is also a command
    assert app.main(["--data-dir", str(lib)]) == 0 and seen == ["gui"]
    assert app.main(["--data-dir", "list"]) == 0 and seen == ["gui", "gui"]
    assert app.main(["feeds", "--data-dir", str(lib)]) == 0
    assert app.main(["frobnicate"]) == 2  # unknown words go to the CLI, which says so


# --- issue #9 item 4: one exit-code table, each thing said once, headers, ranges ---------


def test_bad_address_names_it_once_and_exits_2(cli) -> None:
    code, out, err = cli("add", "not-a-url")
    assert (code, out) == (2, "")
    assert err == "readinglist: 'not-a-url' is not an http or https address\n"
    assert cli("add", "")[2] == "readinglist: '' is not an http or https address\n"
    assert cli_json(cli, "feeds") == []


def test_already_subscribed_exits_2_and_the_other_addresses_are_still_added(cli) -> None:
    assert cli("add", "--no-sync", "https://a.example/feed.xml")[0] == 0
    code, out, err = cli(
        "add", "--no-sync", "https://a.example/feed.xml", "https://b.example/feed.xml"
    )
    assert code == 2
    assert err == "readinglist: already subscribed to https://a.example/feed.xml (feed 1)\n"
    assert out == "added feed 2: https://b.example/feed.xml\n"
    assert [f["url"] for f in cli_json(cli, "feeds")] == [
        "https://a.example/feed.xml",
        "https://b.example/feed.xml",
    ]


def test_refusal_outranks_failure_when_one_add_meets_both(cli, loopback) -> None:
    loopback.route("/missing.xml", status=404)
    url = loopback.url("/missing.xml")
    code, _out, err = cli("add", url)
    assert code == 1  # the site failed: the request itself was fine
    (line,) = err.splitlines()
    assert line.startswith(f"readinglist: {url}: HTTP 404") and line.count(url) == 1
    code, _out, err = cli("add", url, "ftp://x.example/")
    assert code == 2 and len(err.splitlines()) == 2
    assert err.splitlines()[1] == "readinglist: 'ftp://x.example/' is not an http or https address"


def test_failure_lines_do_not_repeat_what_the_message_says(cli, loopback) -> None:
    loopback.route("/f.xml", body=rss([Item("nolink", "A post without a link", None)]))
    cli("add", loopback.url("/f.xml"))
    (article,) = cli_json(cli, "list")
    code, out, err = cli("fetch-length", str(article["id"]))
    assert (code, out) == (1, "")
    assert err == f"readinglist: article {article['id']} has no web address to fetch\n"


def test_tables_have_a_header_row(cli, loopback) -> None:
    loopback.route("/feed.xml", body=rss(series_items("Essence of Linear Algebra", [13, 16])))
    url = loopback.url("/feed.xml")
    cli("add", url)
    first = cli_json(cli, "list", "--series", "1")[0]["id"]
    cli("read", str(first))
    cli("star", str(first))

    code, out, _ = cli("feeds")
    assert code == 0
    gap = " " * (len(url) - len("URL"))
    assert out.splitlines() == [
        f"ID  UNREAD  ARTICLES  TITLE      URL{gap}  LAST ERROR",
        f" 1       1         2  Test Blog  {url}",
    ]

    code, out, _ = cli("series")
    assert code == 0
    assert out.splitlines() == [
        "ID  READ  ARTICLES  NAME                       PARTS   MISSING",
        " 1     1         2  Essence of Linear Algebra  13, 16  1–12, 14–15",
    ]

    code, out, _ = cli("list", "--series", "1")
    assert code == 0
    assert out.splitlines() == [
        "ID  PUBLISHED   STATE         TITLE                                       "
        "SERIES                     PART",
        f"{first:>2}  2024-03-14  read starred  Essence of Linear Algebra (13): Chapter 13  "
        "Essence of Linear Algebra    13",
        f"{first + 1:>2}  2024-03-17  unread        Essence of Linear Algebra (16): Chapter 16  "
        "Essence of Linear Algebra    16",
    ]
    # the JSON keys scripts rely on are unchanged
    assert set(cli_json(cli, "series")[0]) == SERIES_KEYS
    assert set(cli_json(cli, "feeds")[0]) == FEED_KEYS


def test_an_empty_table_is_its_header(cli) -> None:
    assert cli("series") == (0, "ID  READ  ARTICLES  NAME  PARTS  MISSING\n", "")


def test_sync_timeout_is_accepted_and_checked(cli, loopback) -> None:
    loopback.route("/f.xml", body=rss(series_items("A", [1])))
    cli("add", "--no-sync", loopback.url("/f.xml"))
    code, out, err = cli("sync", "--timeout", "45")
    assert (code, err) == (0, "") and out.startswith("synced 1 feeds: 1 new article")
    for bad in ("0", "2", "601", "abc", "nan", "inf"):
        code, out, err = cli("sync", "--timeout", bad)
        assert (code, out) == (2, "")
        assert err == (
            f"readinglist: sync --timeout: wants a number of seconds from 5 to 600, "
            f"not '{bad}'; see readinglist sync --help\n"
        )


def test_sync_timeout_is_the_deadline_of_each_download(cli, loopback) -> None:
    """A body dripped over 40 s is cut at the 5 s asked for (not the 30 s default)."""
    body = rss(series_items("A", [1]))
    loopback.route("/slow.xml", body=body, drip=40 / len(body), drip_size=1)
    url = loopback.url("/slow.xml")
    cli("add", "--no-sync", url)
    code, _out, err = cli("sync", "--timeout", "5")
    assert code == 1
    (line,) = err.splitlines()
    assert line.startswith(f"readinglist: feed 1 ({url}): timed out") and "after 5 s" in line


def test_unwritable_export_and_unusable_data_dir_exit_2(cli, tmp_path: Path, capsys) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.opml"
    assert cli("export", "opml", "-o", str(target)) == (
        2,
        "",
        f"readinglist: cannot write {target}: No such file or directory\n",
    )
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder")
    assert run(["feeds", "--data-dir", str(in_the_way)]) == 2
    assert capsys.readouterr().err == (
        f"readinglist: cannot create the library folder {in_the_way}: File exists\n"
    )


def test_ctrl_c_exits_130_with_one_line(cli, loopback, data_dir: Path, capsys) -> None:
    class Interrupted(io.StringIO):
        def read(self, size: int | None = -1) -> str:
            raise KeyboardInterrupt

    loopback.route("/f.xml", body=rss(series_items("A", [1])))
    cli("add", loopback.url("/f.xml"))
    sys.stdin = Interrupted()
    try:
        code = run(["note", "1", "-", "--data-dir", str(data_dir)])
    finally:
        sys.stdin = sys.__stdin__
    assert (code, capsys.readouterr().err) == (130, "readinglist: interrupted\n")


def test_help_lists_the_exit_codes(cli) -> None:
    code, out, err = cli("--help")
    assert (code, err) == (0, "")
    assert "exit codes (every command):\n  0    done\n  1    a feed, site or page" in out
    assert "  130  interrupted (Ctrl+C)" in out
