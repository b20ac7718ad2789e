"""``readinglist confirm-series`` and ``not-a-series``: the reader's answer to a guess;
``undo``: take the newest correction back; ``site-series``: the site's own answer.

Detection marks a group it found on weak evidence as a guess (``series`` shows it, with
the reason in ``--json``'s ``why``); these settle it. "Not a series" is remembered for
the feed: a later post detected into that group stays standalone too. ``site-series``
reads the list of series the feed's site publishes (``/series/``) and files the feed's
posts as the site does; a site that declares some is followed from then on (each sync
that brings new posts asks it for theirs) until ``--stop``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from readinglist.cli.errors import EXIT_FAILED, EXIT_OK, error_line
from readinglist.services.library import Library

Handler = Callable[[Library, argparse.Namespace], int]
Add = Callable[[str, Handler, str], argparse.ArgumentParser]


def cmd_confirm_series(lib: Library, args: argparse.Namespace) -> int:
    series = lib.get_series(args.id)
    lib.confirm_series(args.id, not args.undo)
    state = "a guess again" if args.undo else "confirmed"
    print(f"series {args.id} ({series.name}): {state}")
    return EXIT_OK


def cmd_not_a_series(lib: Library, args: argparse.Namespace) -> int:
    moved = lib.dismiss_series(args.id, not args.undo).articles
    if args.undo:
        print(f"series {args.id} is a series again ({len(moved)} articles back in it)")
    else:
        print(
            f"series {args.id} is not a series: {len(moved)} articles are standalone,"
            " and so will later posts detected into it"
        )
    return EXIT_OK


def cmd_undo(lib: Library, args: argparse.Namespace) -> int:
    """Take back the newest undoable action (the window's Edit ▸ Undo)."""
    if args.list:
        label = lib.last_undoable()
        print(label if label is not None else "nothing to undo")
        return EXIT_OK
    undone = lib.undo()
    if undone is None:
        print("nothing to undo", file=sys.stderr)
        return EXIT_FAILED
    n = len(undone.article_ids)
    print(f"undid “{undone.label}”: {n} article{'s' if n != 1 else ''} back as they were")
    return EXIT_OK


def cmd_site_series(lib: Library, args: argparse.Namespace) -> int:
    """One line per series the site lists; problems on stderr; exit 1 when no list could
    be read because something failed (a site with no list is not a failure)."""
    feed = lib.get_feed(args.feed_id)
    if args.stop or args.follow:
        lib.set_follow_site_series(feed.id, bool(args.follow))
        if args.json:
            print(json.dumps({"feed_id": feed.id, "follows": bool(args.follow)}, indent=2))
        else:
            verb = "are read" if args.follow else "are no longer read"
            print(f"New posts' series {verb} from the site at each sync")
        return EXIT_OK
    report = lib.read_series_index(args.feed_id)
    follows = lib.follows_site_series(feed.id)
    if args.json:
        data = {
            "feed_id": report.feed_id,
            "index": report.index_url,
            "series": [{"name": name, "posts": n} for name, n in report.series],
            "regrouped_article_ids": list(report.moved_article_ids),
            "requests": report.requests,
            "cached": report.cached,
            "errors": list(report.errors),
            "follows": follows,
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(report.describe())
        for name, n in report.series:
            print(f"  {name}: {n} post{'s' if n != 1 else ''} of this feed")
        if follows:
            print(
                "New posts' series are read from the site at each sync"
                f" (readinglist site-series {feed.id} --stop to stop)"
            )
    for error in report.errors:
        print(error_line(error, f"feed {feed.id}", feed.url), file=sys.stderr)
    return EXIT_FAILED if report.failed else EXIT_OK


def register(add: Add) -> None:
    p = add("confirm-series", cmd_confirm_series, "say a guessed series is one")
    p.add_argument("id", type=int, metavar="SERIES_ID")
    p.add_argument("--undo", action="store_true", help="mark it a guess again")
    p = add(
        "not-a-series",
        cmd_not_a_series,
        "dissolve a wrongly detected series; later posts detected into it stay standalone",
    )
    p.add_argument("id", type=int, metavar="SERIES_ID")
    p.add_argument("--undo", action="store_true", help="it is a series after all")
    p = add(
        "undo",
        cmd_undo,
        "take back the newest series correction (rename, merge, move, confirm, not a series)"
        " or bulk read mark (mark-read --series/--feed/--before/--all)",
    )
    p.add_argument("--list", action="store_true", help="only say what it would take back")
    p = add(
        "site-series",
        cmd_site_series,
        "file a feed's posts in the series its site lists (its /series/ page, else each"
        " post's series box)",
    )
    p.add_argument("feed_id", type=int, metavar="FEED_ID")
    p.add_argument("--json", action="store_true")
    when = p.add_mutually_exclusive_group()
    when.add_argument(
        "--stop",
        action="store_true",
        help="stop reading new posts' series from the site at each sync (asks nothing)",
    )
    when.add_argument(
        "--follow",
        action="store_true",
        help="read new posts' series from the site at each sync (asks nothing now)",
    )
