"""``readinglist confirm-series`` and ``not-a-series``: the reader's answer to a guess.

Detection marks a group it found on weak evidence as a guess (``series`` shows it, with
the reason in ``--json``'s ``why``); these settle it. "Not a series" is remembered for
the feed: a later post detected into that group stays standalone too.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from readinglist.cli.errors import EXIT_OK
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
