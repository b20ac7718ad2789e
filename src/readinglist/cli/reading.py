"""Commands for reading and keeping an article's text: ``show``, ``fulltext``,
``highlight``, ``highlights``, ``unhighlight``.

Kept apart from ``commands.py`` (the feeds, series and library commands) so each file
stays one screenful of concerns; ``commands.build_parser`` registers these through
``register``. Same exit-code table: an unknown id or a quote the text does not contain
is refused with one line and exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable

from readinglist.cli import format as cli_format
from readinglist.cli.errors import EXIT_FAILED, EXIT_OK, UsageError, error_line, exit_code_for
from readinglist.model.errors import ReadingListError
from readinglist.model.records import reading_minutes
from readinglist.services.fulltext import FULLTEXT_POLICIES
from readinglist.services.library import Library

Handler = Callable[[Library, argparse.Namespace], int]
Add = Callable[[str, Handler, str], argparse.ArgumentParser]


def cmd_show(lib: Library, args: argparse.Namespace) -> int:
    """The article as plain text: the stored full text when there is one, else the
    feed's content (``--summary``: always the feed's)."""
    article = lib.get_article(args.id)
    print(article.title)
    print()
    text = lib.article_text(args.id, feed_only=args.summary)
    for line in textwrap.wrap(text, width=88) or [""]:
        print(line)
    return EXIT_OK


def _keep_offline(lib: Library, args: argparse.Namespace) -> int:
    report = lib.keep_offline(feed_id=args.feed, series_id=args.series)
    for article_id, reason in report.failed:
        print(error_line(reason, f"article {article_id}"), file=sys.stderr)
    print(
        f"kept {len(report.fetched)} for offline reading"
        f" ({len(report.already)} already readable, {len(report.failed)} failed)"
    )
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_fulltext(lib: Library, args: argparse.Namespace) -> int:
    """Fetch and store each article's full text from its page: a line per article on
    stdout, one per failure on stderr; exit 1 when some page could not be read. With
    ``--feed``/``--series``: every teaser article of it (keep for offline)."""
    chosen = [x for x in (args.ids, args.feed, args.series) if x]
    if len(chosen) != 1:
        raise UsageError("fulltext: say which: article IDs, --feed ID or --series ID")
    if not args.ids:
        return _keep_offline(lib, args)
    ids = list(dict.fromkeys(args.ids))
    for article_id in ids:
        lib.get_article(article_id)  # an unknown id is refused before any request
    code = EXIT_OK
    for article_id in ids:
        try:
            got = lib.fetch_fulltext(article_id, refresh=args.refresh)
        except ReadingListError as exc:
            print(error_line(str(exc), f"article {article_id}"), file=sys.stderr)
            code = max(code, exit_code_for(exc))
            continue
        how = "fetched" if got.fetched else "already stored"
        print(f"{article_id}: {got.words} words, {how} ({reading_minutes(got.words)} min)")
    return code


def cmd_fulltext_policy(lib: Library, args: argparse.Namespace) -> int:
    """Print a feed's policy, or set it."""
    if args.policy is None:
        teasers = "teasers" if lib.carries_summaries_only(args.feed_id) else "full articles"
        print(f"{lib.fulltext_policy(args.feed_id)} (the feed carries {teasers})")
    else:
        lib.set_fulltext_policy(args.feed_id, args.policy)
    return EXIT_OK


def cmd_highlight(lib: Library, args: argparse.Namespace) -> int:
    quote = sys.stdin.read() if args.quote == "-" else args.quote
    if not quote.strip():
        raise UsageError("highlight: wants the passage to highlight, not an empty one")
    made = lib.highlight(args.id, quote, note=args.note)
    print(f"highlight {made.highlight.id} in article {args.id}")
    return EXIT_OK


def cmd_highlights(lib: Library, args: argparse.Namespace) -> int:
    highlights = lib.list_highlights(args.id)
    if args.json:
        json.dump(
            [cli_format.highlight_json(h) for h in highlights],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    elif highlights:
        for line in cli_format.highlight_rows(highlights):
            print(line)
    return EXIT_OK


def cmd_unhighlight(lib: Library, args: argparse.Namespace) -> int:
    lib.unhighlight(args.highlight_id)
    return EXIT_OK


def register(add: Add) -> None:
    """Add the commands to ``readinglist``'s parser (``add`` is ``build_parser``'s)."""
    p = add("show", cmd_show, "print an article's text (what highlights are made in)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--summary", action="store_true", help="the feed's text, not the full text")
    p = add("fulltext", cmd_fulltext, "fetch and keep articles' full text from their pages")
    p.add_argument("ids", nargs="*", type=int, metavar="ID")
    p.add_argument("--refresh", action="store_true", help="fetch again what is stored")
    p.add_argument("--feed", type=int, metavar="ID", help="keep a whole feed for offline")
    p.add_argument("--series", type=int, metavar="ID", help="keep a whole series for offline")
    p = add("fulltext-policy", cmd_fulltext_policy, "when a feed's full texts are fetched")
    p.add_argument("feed_id", type=int, metavar="FEED_ID")
    p.add_argument(
        "policy",
        nargs="?",
        choices=FULLTEXT_POLICIES,
        help="auto: on opening, for feeds of teasers (default); ask: on request; never",
    )
    p = add("highlight", cmd_highlight, "highlight a passage of an article (QUOTE, or - for stdin)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("quote", metavar="QUOTE")
    p.add_argument("--note", metavar="TEXT", help="a comment on the highlight")
    p = add("highlights", cmd_highlights, "list highlights, of one article or of all")
    p.add_argument("id", type=int, nargs="?", metavar="ID")
    p.add_argument("--json", action="store_true", help="stable keys for scripts")
    p = add("unhighlight", cmd_unhighlight, "remove a highlight")
    p.add_argument("highlight_id", type=int, metavar="HIGHLIGHT_ID")
