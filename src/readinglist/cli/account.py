"""``readinglist account set|show|remove``: the library's sync account from a script.

The password never goes on the command line (where ``ps`` and shell history would keep
it): ``--password-stdin`` reads it from standard input, otherwise it is asked for at
the terminal without echo.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable

from readinglist.cli.errors import EXIT_OK, UsageError
from readinglist.model.records import Account
from readinglist.services.account.verbs import KINDS
from readinglist.services.library import Library

Handler = Callable[[Library, argparse.Namespace], int]
Add = Callable[[str, Handler, str], argparse.ArgumentParser]


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("account set: give the API password with --password-stdin")
    return getpass.getpass(f"API password for {args.user} at {args.url}: ")


def account_json(account: Account | None) -> dict[str, object]:
    if account is None:
        return {"kind": "local"}
    return {
        "kind": account.kind,
        "url": account.url,
        "user": account.user,
        "last_sync": account.last_sync.isoformat() if account.last_sync else None,
        "last_error": account.last_error,
        "pending_changes": account.pending,
        "password_kept_in": account.password_store,
    }


def account_lines(account: Account | None) -> list[str]:
    if account is None:
        return ["local library (no sync account)"]
    when = account.last_sync.strftime("%Y-%m-%d %H:%M UTC") if account.last_sync else "never"
    lines = [
        f"{account.kind} account {account.user} at {account.url}",
        f"last sync: {when}",
        f"changes waiting to be sent: {account.pending}",
        f"password kept in {account.password_store}",
    ]
    if account.last_error:
        lines.insert(2, f"last error: {account.last_error}")
    return lines


def cmd_account(lib: Library, args: argparse.Namespace) -> int:
    action = args.account_action
    if action == "set":
        account = lib.set_account(args.kind, args.url, args.user, _password(args))
        print(f"account set: {account.user} at {account.url}; the next sync uses it")
        if "no system keyring" in account.password_store:
            print(f"note: the password is kept in {account.password_store}", file=sys.stderr)
        return EXIT_OK
    if action == "remove":
        removed = lib.remove_account()
        print(f"account removed: {removed.user} at {removed.url}; the library is local again")
        return EXIT_OK
    shown = lib.account()
    if getattr(args, "json", False):
        print(json.dumps(account_json(shown), ensure_ascii=False, indent=2))
    else:
        print("\n".join(account_lines(shown)))
    return EXIT_OK


def register(add: Add, common: argparse.ArgumentParser) -> None:
    """Add ``account`` and its actions to ``readinglist``'s parser."""
    p = add("account", cmd_account, "the sync account: set, show or remove (default: show)")
    actions = p.add_subparsers(dest="account_action", metavar="ACTION")
    s = actions.add_parser(
        "set",
        parents=[common],
        help="sync with a Google Reader API server (FreshRSS, Miniflux, Inoreader, …)",
        description="Check the login, then keep the account; the password goes to the"
        " system keyring.",
    )
    s.add_argument("kind", choices=KINDS, help="greader: the Google Reader API")
    s.add_argument("url", metavar="URL", help="the API's address, e.g. …/api/greader.php")
    s.add_argument("--user", required=True, metavar="NAME")
    s.add_argument("--password-stdin", action="store_true", help="read the API password from stdin")
    show = actions.add_parser("show", parents=[common], help="print the account")
    show.add_argument("--json", action="store_true", help="stable keys for scripts")
    actions.add_parser(
        "remove", parents=[common], help="forget the account; the library stays, local again"
    )
    p.set_defaults(account_action="show")
