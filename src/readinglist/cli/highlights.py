"""Commands for reading and highlighting an article's text: ``show``, ``highlight``,
``highlights``, ``unhighlight``.

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
from typing import Any

from readinglist.cli import format as cli_format
from readinglist.cli.errors import EXIT_OK, UsageError
from readinglist.model.records import Highlight
from readinglist.services.library import Library

Handler = Callable[[Library, argparse.Namespace], int]
Add = Callable[[str, Handler, str], argparse.ArgumentParser]


def highlight_json(h: Highlight) -> dict[str, Any]:
    """The stable keys scripts rely on (``readinglist highlights --json``)."""
    return {
        "id": h.id,
        "article_id": h.article_id,
        "quote": h.quote,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "note": h.note,
        "created": cli_format.iso(h.created),
        "orphaned": h.orphaned,
    }


HIGHLIGHT_COLUMNS: tuple[cli_format.Column, ...] = (
    ("ID", True),
    ("ARTICLE", True),
    ("STATE", False),
    ("QUOTE", False),
    ("NOTE", False),
)


def highlight_rows(highlights: list[Highlight]) -> list[str]:
    rows = [
        (
            str(h.id),
            str(h.article_id),
            "orphaned" if h.orphaned else "anchored",
            cli_format.cut(" ".join(h.quote.split()), 60),
            cli_format.cut(" ".join((h.note or "").split()), 40),
        )
        for h in highlights
    ]
    return cli_format.table(HIGHLIGHT_COLUMNS, rows)


def cmd_show(lib: Library, args: argparse.Namespace) -> int:
    article = lib.get_article(args.id)
    print(article.title)
    print()
    for paragraph in textwrap.wrap(lib.article_text(args.id), width=88) or [""]:
        print(paragraph)
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
        json.dump([highlight_json(h) for h in highlights], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif highlights:
        for line in highlight_rows(highlights):
            print(line)
    return EXIT_OK


def cmd_unhighlight(lib: Library, args: argparse.Namespace) -> int:
    lib.unhighlight(args.highlight_id)
    return EXIT_OK


def register(add: Add) -> None:
    """Add the commands to ``readinglist``'s parser (``add`` is ``build_parser``'s)."""
    p = add("show", cmd_show, "print an article's text (what highlights are made in)")
    p.add_argument("id", type=int, metavar="ID")
    p = add("highlight", cmd_highlight, "highlight a passage of an article (QUOTE, or - for stdin)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("quote", metavar="QUOTE")
    p.add_argument("--note", metavar="TEXT", help="a comment on the highlight")
    p = add("highlights", cmd_highlights, "list highlights, of one article or of all")
    p.add_argument("id", type=int, nargs="?", metavar="ID")
    p.add_argument("--json", action="store_true", help="stable keys for scripts")
    p = add("unhighlight", cmd_unhighlight, "remove a highlight")
    p.add_argument("highlight_id", type=int, metavar="HIGHLIGHT_ID")
