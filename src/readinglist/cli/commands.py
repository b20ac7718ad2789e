"""The command line: a stable contract for scripts, on the same services as the window.

Exit codes and error lines follow one table for every command (``cli_errors``): 0 done;
1 a feed, site or page could not be fetched or read; 2 the request was refused (bad
usage, bad address, unknown id, already subscribed, unusable file or library); 130
interrupted. Each error is one stderr line that names each thing once.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from readinglist import __version__
from readinglist.cli import account as account_commands
from readinglist.cli import format as cli_format
from readinglist.cli import reading as reading_commands
from readinglist.cli import series as series_commands
from readinglist.cli.errors import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REFUSED,
    BadAddressError,
    UsageError,
    error_line,
    exit_code_for,
)
from readinglist.model.errors import ReadingListError, StorageError, UnsupportedURLError
from readinglist.model.query import ArticleQuery
from readinglist.model.records import SyncSummary, reading_minutes
from readinglist.services.library import (
    MAX_DOWNLOAD_TIMEOUT,
    MIN_DOWNLOAD_TIMEOUT,
    Library,
    check_feed_url,
)

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_REFUSED", "UsageError", "build_parser", "run"]

Handler = Callable[[Library, argparse.Namespace], int]


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_lines(lines: Sequence[str]) -> None:
    for line in lines:
        print(line)


def _report_failures(summary: SyncSummary) -> int:
    for result in summary.failed:
        line = error_line(result.error or "failed", f"feed {result.feed_id}", result.url)
        print(line, file=sys.stderr)
    if summary.account_error:
        print(error_line(summary.account_error, "sync"), file=sys.stderr)
    for feed_id, problem in summary.site_series_problems:  # the feed itself synced
        print(error_line(problem, f"feed {feed_id}", "the site's series"), file=sys.stderr)
    return EXIT_FAILED if summary.failed or summary.account_error else EXIT_OK


def _checked_address(url: str) -> str:
    """``url`` if it is an http(s) address; otherwise a refusal that names it once."""
    try:
        return check_feed_url(url)
    except UnsupportedURLError:
        raise BadAddressError(f"{url!r} is not an http or https address") from None


def cmd_add(lib: Library, args: argparse.Namespace) -> int:
    """Each address on its own: one that fails or is refused does not stop the next."""
    code = EXIT_OK
    for url in args.urls:
        try:
            feed, summary = lib.subscribe(
                _checked_address(url), folder=args.folder, sync=not args.no_sync
            )
        except ReadingListError as exc:
            print(error_line(str(exc), url), file=sys.stderr)
            code = max(code, exit_code_for(exc))
            continue
        new = f", {summary.new_count} articles" if summary else ""
        print(f"added feed {feed.id}: {feed.display_title}{new}")
        if summary is not None:
            code = max(code, _report_failures(summary))
        if args.site_series and summary is not None and not summary.failed:
            _read_new_feeds_list(lib, feed.id)
    return code


def _read_new_feeds_list(lib: Library, feed_id: int) -> None:
    """``add --site-series``: the site's list of series, if it keeps one (no post pages:
    those are read by ``site-series``); said only when the site lists some."""
    report = lib.read_series_index(feed_id, list_only=True)
    if report.found_series:
        print(f"  {report.describe()}")
    for error in report.errors:
        print(error_line(error, f"feed {feed_id}", "the site's series"), file=sys.stderr)


def cmd_remove(lib: Library, args: argparse.Namespace) -> int:
    kept = lib.remove_feed(args.feed_id, keep_annotated=not args.delete_all).kept
    suffix = f"; kept {kept} articles with notes or stars" if kept else ""
    print(f"removed feed {args.feed_id}{suffix}")
    return EXIT_OK


def cmd_sync(lib: Library, args: argparse.Namespace) -> int:
    ids = args.feed_ids or None
    if ids:
        for feed_id in ids:
            lib.get_feed(feed_id)
    if args.timeout is not None:
        try:
            lib.set_download_timeout(args.timeout)
        except ValueError as exc:  # the range is checked when parsing; this is a backstop
            raise UsageError(f"sync --timeout: {exc}") from None
    summary = lib.sync(ids, respect_retry_after=not args.force)
    if not args.quiet:
        print(f"synced {len(summary.results)} feeds: {summary.describe()}")
    return _report_failures(summary)


def cmd_feeds(lib: Library, args: argparse.Namespace) -> int:
    feeds = lib.list_feeds()
    if args.json:
        _print_json([cli_format.feed_json(f) for f in feeds])
    else:
        _print_lines(cli_format.feed_rows(feeds))
    return EXIT_OK


def cmd_list(lib: Library, args: argparse.Namespace) -> int:
    if args.series is not None:
        lib.get_series(args.series)
    if args.feed is not None:
        lib.get_feed(args.feed)
    articles = lib.list_articles(
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
        _print_lines(cli_format.article_rows(articles))
    return EXIT_OK


def cmd_series(lib: Library, args: argparse.Namespace) -> int:
    series = lib.list_series(feed_id=args.feed)
    if args.json:
        _print_json([cli_format.series_json(s) for s in series])
    else:
        _print_lines(cli_format.series_rows(series))
    return EXIT_OK


def _mark(read: bool) -> Handler:
    def handler(lib: Library, args: argparse.Namespace) -> int:
        lib.mark_read(args.ids, read)
        return EXIT_OK

    return handler


def _star(starred: bool) -> Handler:
    def handler(lib: Library, args: argparse.Namespace) -> int:
        lib.set_starred(args.ids, starred)
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
    if args.standalone and (args.feed is None or args.series is not None or before or args.all):
        raise UsageError("--standalone goes with --feed ID only (no --series, --before, --all)")
    if args.series is not None:
        lib.get_series(args.series)
    if args.feed is not None:
        lib.get_feed(args.feed)
    if before is None and args.series is None and args.feed is None and not args.all:
        raise UsageError("say what to mark: --series ID, --feed ID, --before DATE or --all")
    if args.standalone:
        changes = lib.mark_standalone_read(args.feed, read=not args.unread)
    else:
        changes = lib.mark_read_where(
            feed_id=args.feed, series_id=args.series, before=before, read=not args.unread
        )
    print(f"{len(changes.articles)} articles marked {'unread' if args.unread else 'read'}")
    return EXIT_OK


def cmd_note(lib: Library, args: argparse.Namespace) -> int:
    if args.text is None:
        note = lib.get_note(args.id)
        if note:
            sys.stdout.write(note if note.endswith("\n") else note + "\n")
        return EXIT_OK
    text = sys.stdin.read() if args.text == "-" else args.text
    lib.set_note(args.id, text)
    return EXIT_OK


def cmd_move(lib: Library, args: argparse.Namespace) -> int:
    lib.get_article(args.id)
    if args.standalone:
        lib.move_articles([args.id], None)
    elif args.reset:
        lib.reset_series_override([args.id])
    elif args.series is not None:
        lib.move_articles([args.id], args.series, part=args.part)
    elif args.new_series is not None:
        name = args.new_series.strip()
        if not name:
            raise UsageError("move --new-series: wants a name, not an empty one")
        made = lib.move_to_new_series(args.id, name, part=args.part)
        print(f"created series {made.series.id}: {made.series.name}")
    else:
        raise UsageError(
            "say where: --series ID [--part N], --new-series NAME, --standalone or --reset"
        )
    return EXIT_OK


def cmd_rename_series(lib: Library, args: argparse.Namespace) -> int:
    lib.rename_series(args.id, args.name)
    return EXIT_OK


def cmd_merge_series(lib: Library, args: argparse.Namespace) -> int:
    if args.target in args.sources:
        raise UsageError(f"series {args.target} cannot be merged into itself")
    moved = lib.merge_series(args.sources, args.target).articles
    print(f"merged {len(args.sources)} series into {args.target} ({len(moved)} articles)")
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
    if args.series is not None and args.format not in ("markdown", "readwise", "epub"):
        raise UsageError(f"export {args.format}: --series is for markdown, readwise and epub")
    if args.format == "epub":
        if args.series is None:
            raise UsageError("export epub: name the series with --series ID (see `series`)")
        if not args.output and sys.stdout.isatty():
            raise UsageError("export epub: an e-book is a file; give -o FILE.epub")
        data = lib.export_epub(args.series)
    elif args.format == "opml":
        data = lib.export_opml()
    elif args.format == "markdown":
        data = lib.export_markdown(series_id=args.series).encode("utf-8")
    elif args.format == "readwise":
        data = lib.export_readwise(series_id=args.series).encode("utf-8")
    else:
        data = lib.export_json().encode("utf-8")
    if args.output and args.output != "-":
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror}") from None
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK


def cmd_backfill(lib: Library, args: argparse.Namespace) -> int:
    """One line per series; per-source errors on stderr; exit 1 only when every source
    of some series failed (nothing usable came back), so a partial find still exits 0."""
    if args.feed is not None:
        lib.get_feed(args.feed)
    for series_id in args.series_ids:
        lib.get_series(series_id)
    reports = lib.backfill(args.series_ids or None, feed_id=args.feed)
    if args.json:
        _print_json([cli_format.backfill_json(r) for r in reports])
    else:
        _print_lines([cli_format.backfill_line(r) for r in reports])
    for report in reports:
        for error in report.errors:
            print(error_line(error, f"series {report.series_id}"), file=sys.stderr)
    return EXIT_FAILED if any(r.failed for r in reports) else EXIT_OK


def cmd_fetch_length(lib: Library, args: argparse.Namespace) -> int:
    """Reading time from each article's own page: one line per article on stdout, one
    per failure on stderr; exit 1 when any page could not be fetched or read."""
    ids = list(dict.fromkeys(args.ids))
    for article_id in ids:
        lib.get_article(article_id)  # an unknown id is a usage error before any request
    code = EXIT_OK
    for article_id in ids:
        try:
            words = lib.fetch_page_length(article_id)
        except ReadingListError as exc:
            print(error_line(str(exc), f"article {article_id}"), file=sys.stderr)
            code = max(code, exit_code_for(exc))
            continue
        print(f"{article_id}: {words} words ({reading_minutes(words)} min)")
    return code


EXIT_CODES_HELP = """exit codes (every command):
  0    done
  1    a feed, site or page could not be fetched or read (one stderr line each)
  2    the request was refused: bad usage, an address that is not http or https,
       an unknown id, already subscribed, a file that cannot be read, written or
       imported, a library that cannot be opened
  130  interrupted (Ctrl+C)"""


class _Parser(argparse.ArgumentParser):
    """argparse that fails with one line: ``readinglist: sync --timeout: wants …``.

    argparse's own failure is a usage block plus an error line and ``exit(2)``; here the
    error becomes a ``UsageError`` so it leaves through the same door as every other one.
    """

    def error(self, message: str) -> NoReturn:
        where = self.prog.removeprefix("readinglist").strip()
        named = re.fullmatch(r"argument (\S+): (.*)", message, flags=re.DOTALL)
        if named:
            name, message = named.groups()
            if name != "COMMAND":
                where = f"{where} {name}".strip()
            elif unknown := re.match(r"invalid choice: ('.*') \(choose from", message):
                message = f"{unknown.group(1)} is not a command"  # --help lists all 19
        prefix = f"{where}: " if where else ""
        raise UsageError(f"{prefix}{message}; see {self.prog} --help")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not MIN_DOWNLOAD_TIMEOUT <= value <= MAX_DOWNLOAD_TIMEOUT:  # NaN fails too
        raise argparse.ArgumentTypeError(
            f"wants a number of seconds from {MIN_DOWNLOAD_TIMEOUT:g} to "
            f"{MAX_DOWNLOAD_TIMEOUT:g}, not {text!r}"
        )
    return value


def _whole(minimum: int) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"wants a whole number of {minimum} or more, not {text!r}"
            )
        return value

    return convert


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="library folder"
    )
    parser = _Parser(
        prog="readinglist",
        description="A reading list that puts blog series in part order.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"readinglist {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler, command_parser=p)
        return p

    p = add("add", cmd_add, "subscribe to feeds (a feed URL, or a page that links to its feed)")
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("--no-sync", action="store_true", help="store the URL now, fetch on next sync")
    p.add_argument("--folder", help="put the feed in this folder")
    p.add_argument(
        "--site-series",
        action="store_true",
        help="then file its posts as the site's list of series does, if it keeps one",
    )
    p = add("remove", cmd_remove, "unsubscribe (articles with notes or stars are kept)")
    p.add_argument("feed_id", type=int, metavar="FEED_ID")
    p.add_argument("--delete-all", action="store_true", help="also delete noted/starred articles")
    p = add("sync", cmd_sync, "fetch new articles")
    p.add_argument("feed_ids", nargs="*", type=int, metavar="FEED_ID")
    p.add_argument("--force", action="store_true", help="ignore servers' Retry-After")
    p.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help=f"give each feed at most SECONDS to download in all "
        f"({MIN_DOWNLOAD_TIMEOUT:g}-{MAX_DOWNLOAD_TIMEOUT:g}, default 30)",
    )
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
    p.add_argument("--limit", type=_whole(1), metavar="N", help="at most N articles")
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
    p.add_argument(
        "--standalone", action="store_true", help="with --feed: only its posts in no series"
    )
    p = add("note", cmd_note, "print an article's note, or set it (TEXT, or - for stdin)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("text", nargs="?", metavar="TEXT")
    p = add("move", cmd_move, "put an article into another series, or mark it standalone")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--series", type=int, metavar="SERIES_ID")
    p.add_argument("--new-series", metavar="NAME", help="into a new series of the article's feed")
    p.add_argument("--part", type=_whole(0), metavar="N")
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
    reading_commands.register(add)
    account_commands.register(add, common)
    series_commands.register(add)
    p = add("export", cmd_export, "export subscriptions, notes and highlights, or the library")
    p.add_argument("format", choices=("opml", "markdown", "readwise", "json", "epub"))
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument(
        "--series",
        type=int,
        metavar="ID",
        help="one series only (markdown, readwise); the series to make an e-book of (epub)",
    )
    return parser


def _open_library(data_dir: str | None) -> Library:
    try:
        return Library.open(data_dir)
    except OSError as exc:  # the folder cannot be made (a file in the way, no permission)
        where = exc.filename or data_dir or "the library folder"
        raise StorageError(f"cannot create the library folder {where}: {exc.strerror}") from None


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    args, extras = parser.parse_known_args(list(argv))
    if extras:  # name the command they were given to, not the top-level program
        owner = getattr(args, "command_parser", parser)
        owner.error(f"unrecognized arguments: {' '.join(extras)}")
    if not getattr(args, "handler", None):
        parser.error("say which command to run")
    return args


def run(argv: Sequence[str]) -> int:
    """Run one command; the exit code comes from ``cli_errors.EXIT_CODES``."""
    try:
        args = _parse(build_parser(), argv)
        with _open_library(getattr(args, "data_dir", None)) as lib:
            return int(args.handler(lib, args))
    except SystemExit as exc:  # --help and --version print and exit 0
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_REFUSED
    except ReadingListError as exc:
        print(error_line(str(exc)), file=sys.stderr)
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("readinglist: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
