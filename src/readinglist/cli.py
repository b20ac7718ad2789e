"""The command line: a stable contract for scripts, on the same services as the window.

Exit codes: 0 success; 1 when some feeds failed (each on its own stderr line);
2 for bad usage, an unknown id, or a library that cannot be opened (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from readinglist import __version__, cli_format
from readinglist.errors import FeedError, NotFoundError, ReadingListError
from readinglist.export import export_json, export_markdown, export_opml
from readinglist.library import Library
from readinglist.models import SyncSummary, reading_minutes
from readinglist.storage import ArticleQuery

EXIT_OK, EXIT_FEEDS_FAILED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[Library, argparse.Namespace], int]


class UsageError(ReadingListError):
    default_message = "bad usage"


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _report_failures(summary: SyncSummary) -> int:
    for result in summary.failed:
        print(f"readinglist: feed {result.feed_id} ({result.url}): {result.error}", file=sys.stderr)
    return EXIT_FEEDS_FAILED if summary.failed else EXIT_OK


def cmd_add(lib: Library, args: argparse.Namespace) -> int:
    code = EXIT_OK
    for url in args.urls:
        try:
            feed, summary = lib.subscribe(url, folder=args.folder, sync=not args.no_sync)
        except FeedError as exc:
            print(f"readinglist: {url}: {exc}", file=sys.stderr)
            code = EXIT_FEEDS_FAILED
            continue
        new = f", {summary.new_count} articles" if summary else ""
        print(f"added feed {feed.id}: {feed.display_title}{new}")
        if summary is not None:
            code = max(code, _report_failures(summary))
    return code


def cmd_remove(lib: Library, args: argparse.Namespace) -> int:
    kept = lib.unsubscribe(args.feed_id, keep_annotated=not args.delete_all)
    suffix = f"; kept {kept} articles with notes or stars" if kept else ""
    print(f"removed feed {args.feed_id}{suffix}")
    return EXIT_OK


def cmd_sync(lib: Library, args: argparse.Namespace) -> int:
    ids = args.feed_ids or None
    if ids:
        for feed_id in ids:
            lib.store.get_feed(feed_id)
    summary = lib.sync(ids, respect_retry_after=not args.force)
    if not args.quiet:
        print(f"synced {len(summary.results)} feeds: {summary.describe()}")
    return _report_failures(summary)


def cmd_feeds(lib: Library, args: argparse.Namespace) -> int:
    feeds = lib.store.list_feeds()
    if args.json:
        _print_json([cli_format.feed_json(f) for f in feeds])
    else:
        for feed in feeds:
            print(cli_format.feed_line(feed))
    return EXIT_OK


def cmd_list(lib: Library, args: argparse.Namespace) -> int:
    if args.series is not None:
        lib.store.get_series(args.series)
    if args.feed is not None:
        lib.store.get_feed(args.feed)
    articles = lib.store.list_articles(
        ArticleQuery(
            feed_id=args.feed,
            series_id=args.series,
            unread_only=args.unread,
            starred_only=args.starred,
            with_notes=args.notes,
            search=args.search,
            order="part" if args.series is not None else "published_desc",
            limit=args.limit,
        )
    )
    if args.json:
        _print_json([cli_format.article_json(a) for a in articles])
    else:
        for article in articles:
            print(cli_format.article_line(article))
    return EXIT_OK


def cmd_series(lib: Library, args: argparse.Namespace) -> int:
    series = lib.store.list_series(feed_id=args.feed)
    if args.json:
        _print_json([cli_format.series_json(s) for s in series])
    else:
        for item in series:
            print(cli_format.series_line(item))
    return EXIT_OK


def _mark(read: bool) -> Handler:
    def handler(lib: Library, args: argparse.Namespace) -> int:
        lib.store.mark_read(args.ids, read)
        return EXIT_OK

    return handler


def _star(starred: bool) -> Handler:
    def handler(lib: Library, args: argparse.Namespace) -> int:
        lib.store.set_starred(args.ids, starred)
        return EXIT_OK

    return handler


def cmd_mark_read(lib: Library, args: argparse.Namespace) -> int:
    before = None
    if args.before:
        try:
            before = datetime.fromisoformat(args.before)
        except ValueError as exc:
            raise UsageError(f"--before wants a date like 2024-01-31, not {args.before!r}") from exc
        if before.tzinfo is None:
            before = before.replace(tzinfo=UTC)
    if args.series is not None:
        lib.store.get_series(args.series)
    if args.feed is not None:
        lib.store.get_feed(args.feed)
    if before is None and args.series is None and args.feed is None and not args.all:
        raise UsageError("say what to mark: --series ID, --feed ID, --before DATE or --all")
    changed = lib.store.mark_read_where(
        feed_id=args.feed, series_id=args.series, before=before, read=not args.unread
    )
    print(f"{changed} articles marked {'unread' if args.unread else 'read'}")
    return EXIT_OK


def cmd_note(lib: Library, args: argparse.Namespace) -> int:
    if args.text is None:
        note = lib.store.get_note(args.id)
        if note:
            sys.stdout.write(note if note.endswith("\n") else note + "\n")
        return EXIT_OK
    text = sys.stdin.read() if args.text == "-" else args.text
    lib.store.set_note(args.id, text)
    return EXIT_OK


def cmd_move(lib: Library, args: argparse.Namespace) -> int:
    lib.store.get_article(args.id)
    if args.standalone:
        lib.store.move_articles([args.id], None)
    elif args.reset:
        lib.store.reset_series_override([args.id])
    elif args.series is not None:
        lib.store.move_articles([args.id], args.series, part=args.part)
    else:
        raise UsageError("say where: --series ID [--part N], --standalone or --reset")
    return EXIT_OK


def cmd_rename_series(lib: Library, args: argparse.Namespace) -> int:
    lib.store.rename_series(args.id, args.name)
    return EXIT_OK


def cmd_merge_series(lib: Library, args: argparse.Namespace) -> int:
    moved = lib.store.merge_series(args.sources, args.target)
    print(f"merged {len(args.sources)} series into {args.target} ({moved} articles)")
    return EXIT_OK


def cmd_import(lib: Library, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    if content.lstrip()[:1] == b"{":
        try:
            data = json.loads(content)
        except ValueError as exc:
            raise UsageError(f"{path} is not valid JSON: {exc}") from exc
        counts = lib.restore_backup(data)
        print(
            f"restored {counts['feeds']} feeds, {counts['series']} series, "
            f"{counts['articles']} articles"
        )
        return EXIT_OK
    report = lib.import_opml(content)
    for problem in report.problems:
        print(f"readinglist: {problem}", file=sys.stderr)
    print(
        f"imported {len(report.added)} feeds"
        + (
            f", {len(report.already_subscribed)} already subscribed"
            if report.already_subscribed
            else ""
        )
        + (f", {len(report.problems)} skipped" if report.problems else "")
    )
    return EXIT_OK


def cmd_export(lib: Library, args: argparse.Namespace) -> int:
    data: bytes
    if args.format == "opml":
        data = export_opml(lib.store)
    elif args.format == "markdown":
        data = export_markdown(lib.store).encode("utf-8")
    else:
        data = export_json(lib.store).encode("utf-8")
    if args.output and args.output != "-":
        Path(args.output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK


def cmd_backfill(lib: Library, args: argparse.Namespace) -> int:
    """One line per series; per-source errors on stderr; exit 1 only when every source
    of some series failed (nothing usable came back), so a partial find still exits 0."""
    if args.feed is not None:
        lib.store.get_feed(args.feed)
    for series_id in args.series_ids:
        lib.store.get_series(series_id)
    reports = lib.backfill(args.series_ids or None, feed_id=args.feed)
    if args.json:
        _print_json(
            [
                {
                    "series_id": r.series_id,
                    "series": r.series_name,
                    "parts_found": list(r.parts_found),
                    "new_article_ids": list(r.new_article_ids),
                    "still_missing": list(r.still_missing),
                    "requests": r.requests,
                    "cached": r.cached,
                    "errors": list(r.errors),
                }
                for r in reports
            ]
        )
    else:
        for report in reports:
            print(report.describe())
    for report in reports:
        for error in report.errors:
            print(f"readinglist: series {report.series_id}: {error}", file=sys.stderr)
    return EXIT_FEEDS_FAILED if any(r.failed for r in reports) else EXIT_OK


def cmd_fetch_length(lib: Library, args: argparse.Namespace) -> int:
    """Reading time from each article's own page: one line per article on stdout, one
    per failure on stderr; exit 1 when any page could not be fetched or read."""
    ids = list(dict.fromkeys(args.ids))
    for article_id in ids:
        lib.store.get_article(article_id)  # an unknown id is a usage error before any request
    code = EXIT_OK
    for article_id in ids:
        try:
            words = lib.fetch_page_length(article_id)
        except FeedError as exc:
            print(f"readinglist: article {article_id}: {exc}", file=sys.stderr)
            code = EXIT_FEEDS_FAILED
            continue
        print(f"{article_id}: {words} words ({reading_minutes(words)} min)")
    return code


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="library folder"
    )
    parser = argparse.ArgumentParser(
        prog="readinglist",
        description="A reading list that puts blog series in part order.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"readinglist {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("add", cmd_add, "subscribe to feeds (a feed URL, or a page that links to its feed)")
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("--no-sync", action="store_true", help="store the URL now, fetch on next sync")
    p.add_argument("--folder", help="put the feed in this folder")
    p = add("remove", cmd_remove, "unsubscribe (articles with notes or stars are kept)")
    p.add_argument("feed_id", type=int, metavar="FEED_ID")
    p.add_argument("--delete-all", action="store_true", help="also delete noted/starred articles")
    p = add("sync", cmd_sync, "fetch new articles")
    p.add_argument("feed_ids", nargs="*", type=int, metavar="FEED_ID")
    p.add_argument("--force", action="store_true", help="ignore servers' Retry-After")
    p.add_argument("--quiet", "-q", action="store_true")
    p = add("backfill", cmd_backfill, "find a series' missing parts on its own site")
    p.add_argument("series_ids", nargs="*", type=int, metavar="SERIES_ID")
    p.add_argument("--feed", type=int, metavar="ID", help="every series of this feed")
    p.add_argument("--json", action="store_true")
    p = add(
        "fetch-length",
        cmd_fetch_length,
        "reading time from the article's own page (for feeds that carry only a summary)",
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p = add("feeds", cmd_feeds, "list subscriptions")
    p.add_argument("--json", action="store_true")
    p = add("list", cmd_list, "list articles")
    p.add_argument("--unread", action="store_true")
    p.add_argument("--starred", action="store_true")
    p.add_argument("--notes", action="store_true", help="only articles with a note")
    p.add_argument("--series", type=int, metavar="ID")
    p.add_argument("--feed", type=int, metavar="ID")
    p.add_argument("--search", metavar="TEXT", help="full-text search of titles, summaries, notes")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true")
    p = add("series", cmd_series, "list series with their parts and gaps")
    p.add_argument("--feed", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    for name, handler, text in (
        ("read", _mark(True), "mark articles read"),
        ("unread", _mark(False), "mark articles unread"),
        ("star", _star(True), "star articles"),
        ("unstar", _star(False), "remove stars"),
    ):
        p = add(name, handler, text)
        p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p = add("mark-read", cmd_mark_read, "mark many articles read at once")
    p.add_argument("--series", type=int, metavar="ID")
    p.add_argument("--feed", type=int, metavar="ID")
    p.add_argument("--before", metavar="DATE", help="published before this date (ISO 8601)")
    p.add_argument("--all", action="store_true")
    p.add_argument("--unread", action="store_true", help="mark unread instead")
    p = add("note", cmd_note, "print an article's note, or set it (TEXT, or - for stdin)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("text", nargs="?", metavar="TEXT")
    p = add("move", cmd_move, "put an article into another series, or mark it standalone")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--series", type=int, metavar="SERIES_ID")
    p.add_argument("--part", type=int)
    p.add_argument("--standalone", action="store_true")
    p.add_argument("--reset", action="store_true", help="back to the detected series")
    p = add("rename-series", cmd_rename_series, "rename a series (empty name: the detected one)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("name")
    p = add("merge-series", cmd_merge_series, "merge series into a target series")
    p.add_argument("target", type=int, metavar="TARGET_ID")
    p.add_argument("sources", nargs="+", type=int, metavar="SOURCE_ID")
    p = add(
        "import",
        cmd_import,
        "subscribe to the feeds of an OPML file, or restore a JSON backup into an empty library",
    )
    p.add_argument("file", metavar="FILE.opml|FILE.json")
    p = add("export", cmd_export, "export subscriptions, notes or the whole library")
    p.add_argument("format", choices=("opml", "markdown", "json"))
    p.add_argument("-o", "--output", metavar="FILE")
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    if not getattr(args, "handler", None):
        parser.print_usage(sys.stderr)
        return EXIT_USAGE
    try:
        with Library.open(getattr(args, "data_dir", None)) as lib:
            return int(args.handler(lib, args))
    except NotFoundError as exc:
        print(f"readinglist: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FeedError as exc:
        print(f"readinglist: {exc}", file=sys.stderr)
        return EXIT_FEEDS_FAILED
    except ReadingListError as exc:
        print(f"readinglist: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
