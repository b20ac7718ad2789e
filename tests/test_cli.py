"""The CLI contract: commands, JSON keys, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from feedgen import Item, rss, series_items
from readinglist import __version__
from readinglist.cli import run

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
}


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]):
    def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            import io

            sys.stdin = io.StringIO(stdin)
        try:
            code = run([*args, "--data-dir", str(data_dir)])
        finally:
            sys.stdin = sys.__stdin__
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def _json(cli, *args: str):
    code, out, err = cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


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

    (feed,) = _json(cli, "feeds")
    assert set(feed) == FEED_KEYS
    assert (feed["article_count"], feed["unread_count"], feed["last_error"]) == (3, 3, None)

    (series,) = _json(cli, "series")
    assert set(series) == SERIES_KEYS
    assert series["name"] == "Essence of Linear Algebra"
    assert series["parts"] == [13, 16]
    assert series["missing"] == [*range(1, 13), 14, 15]

    articles = _json(cli, "list", "--series", str(series["id"]))
    assert [a["part"] for a in articles] == [13, 16]
    assert set(articles[0]) == ARTICLE_KEYS
    first = articles[0]["id"]
    assert series["next_unread_id"] == first
    standalone = [a for a in _json(cli, "list") if a["series_id"] is None]
    assert [a["title"] for a in standalone] == [
        "Reparameterization Trick & Gumbel-Softmax: A Deep Dive"
    ]

    assert cli("read", str(first))[0] == 0
    assert cli("star", str(first))[0] == 0
    assert cli("note", str(first), "Linear maps are matrices.")[0] == 0
    assert cli("note", str(first))[1] == "Linear maps are matrices.\n"
    assert cli("note", str(first), "-", stdin="from stdin\nline 2\n")[0] == 0
    assert cli("note", str(first))[1] == "from stdin\nline 2\n"

    (listed,) = _json(cli, "list", "--starred")
    assert (listed["read"], listed["starred"], listed["note"]) == (
        True,
        True,
        "from stdin\nline 2\n",
    )
    assert [a["id"] for a in _json(cli, "list", "--unread")] != [] and first not in [
        a["id"] for a in _json(cli, "list", "--unread")
    ]
    assert [a["id"] for a in _json(cli, "list", "--search", "stdin")] == [first]
    assert _json(cli, "series")[0]["next_unread_id"] == articles[1]["id"]

    # sync again: 304, the user's state is untouched, exit 0
    code, out, _ = cli("sync")
    assert code == 0 and "0 new articles" in out
    assert _json(cli, "list", "--starred")[0]["note"] == "from stdin\nline 2\n"

    assert cli("unread", str(first))[0] == 0
    assert first in [a["id"] for a in _json(cli, "list", "--unread")]


def test_failed_feed_exit_code_and_stderr(cli, loopback) -> None:
    loopback.route("/ok.xml", body=rss(series_items("A", [1])))
    loopback.route("/gone.xml", status=410)
    assert cli("add", "--no-sync", loopback.url("/ok.xml"), loopback.url("/gone.xml"))[0] == 0
    code, _out, err = cli("sync")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"readinglist: feed 2 ({loopback.url('/gone.xml')}): HTTP 410")
    feeds = {f["id"]: f for f in _json(cli, "feeds")}
    assert feeds[1]["article_count"] == 1 and feeds[2]["last_error"].startswith("HTTP 410")


@pytest.mark.parametrize(
    "args, message",
    [
        (("read", "999"), "readinglist: no article with id 999\n"),
        (("note", "999"), "readinglist: no article with id 999\n"),
        (("list", "--series", "5"), "readinglist: no series with id 5\n"),
        (("sync", "7"), "readinglist: no feed with id 7\n"),
        (("add", "--no-sync", "file:///etc/passwd"), None),
        (
            ("mark-read",),
            "readinglist: say what to mark: --series ID, --feed ID, --before DATE or --all\n",
        ),
    ],
)
def test_bad_ids_and_usage_exit_2(cli, args, message) -> None:
    code, _out, err = cli(*args)
    if args[0] == "add":
        assert code == 1 and err.count("\n") == 1 and "not an http or https address" in err
        return
    assert (code, err) == (2, message)


def test_unknown_command_is_usage_error(cli) -> None:
    code, _out, err = cli("frobnicate")
    assert code == 2 and "invalid choice" in err


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
    assert sorted(f["url"] for f in _json(cli, "feeds")) == [
        "https://a.example/feed.xml",
        "https://b.example/rss",
    ]
    target = tmp_path / "out.opml"
    assert cli("export", "opml", "-o", str(target))[0] == 0
    assert b"https://b.example/rss" in target.read_bytes() and b"Tech" in target.read_bytes()


def test_export_markdown_and_json(cli, loopback, tmp_path: Path) -> None:
    loopback.route("/f.xml", body=rss(series_items("Transfer Learning", [2, 1])))
    cli("add", loopback.url("/f.xml"))
    arts = _json(cli, "list")
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
    first = _json(cli, "list")[0]["id"]
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
