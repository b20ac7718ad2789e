"""The short "why" of a group: what in its titles and URLs made it one series.

Kept apart from ``evidence`` (which weighs a group and collects what speaks against
it) so each module stays small; the sentence is what ``readinglist series --json``
and the tree's tooltip show.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from readinglist.feeds.series.post import (
    FORM_CONTINUED,
    FORM_ENDING,
    FORM_HEAD,
    FORM_LINKED,
    FORM_MONTHLY,
    FORM_OPENING,
    FORM_RELEASE,
    FORM_UNNUMBERED,
    FORM_URL,
    FORM_URL_NAME,
    FORM_URL_PREFIX,
    FORM_URL_STEM,
    FORM_URL_WORD,
    Post,
)

__all__ = ["runs", "say_why"]


def runs(numbers: Sequence[int]) -> str:
    """Numbers as runs: "1–3, 5" ("" for none)."""
    out: list[str] = []
    ordered = sorted(set(numbers))
    if not ordered:
        return ""
    start = prev = ordered[0]
    for n in [*ordered[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


_SAID_OF_FORM: dict[str, str] = {
    FORM_HEAD: "{n} titles share the head '{name}: …'",
    FORM_URL_NAME: "{n} URL slugs put '{name}' before the title",
    FORM_ENDING: "{n} titles in a row end with '… {name}'",
    FORM_OPENING: "{n} titles open with '{name} …'",
    FORM_URL_STEM: "{n} post{s} whose URL the others' URLs extend",
    FORM_URL_PREFIX: "{n} post{s} filed under the series' URL prefix",
    FORM_CONTINUED: "{n} differently named title{s} taking up its numbering ({nums})",
    FORM_UNNUMBERED: "{n} unnumbered title{s} named like it",
    FORM_LINKED: "{n} title{s} naming '{name}'",
    FORM_MONTHLY: "{n} titles the same but for the month ('{name}')",
    FORM_RELEASE: "{n} titles the same but for the version ('{name}')",
}
"""What the ``why`` says of the posts of one form: ``n`` posts, ``s`` the plural, the
series' ``name``, the ``nums`` they carry (a form with a template or a URL number says
its numbers itself, in ``say_why``)."""
_SAID_OTHERWISE = "{n} title{s} named '{name}'"


def say_why(name: str, posts: list[Post], numbered: list[Post], against: list[str]) -> str:
    """ "titles 'X (N)' with N = 1–3, 5; 2 unnumbered titles joined by name" ..."""
    by_form: dict[str, list[Post]] = defaultdict(list)
    for p in posts:
        by_form[p.form].append(p)
    said: list[str] = []
    for form in sorted(by_form, key=lambda f: (-len(by_form[f]), f)):
        group = by_form[form]
        nums = [p.part for p in group if p.part is not None]
        n = len(group)
        if "{}" in form:
            template = form.format(name)
            said.append(
                f"titles '{template}' with N = {runs(nums)}"
                if nums
                else f"{n} title{'s' if n > 1 else ''} '{template}'"
            )
        elif form in (FORM_URL, FORM_URL_WORD):
            slugs = f"{n} URL slug{'s' if n > 1 else ''} naming it"
            said.append(f"URL slugs numbered {runs(nums)}" if nums else slugs)
        else:
            line = _SAID_OF_FORM.get(form, _SAID_OTHERWISE)
            said.append(line.format(n=n, s="s" if n > 1 else "", name=name, nums=runs(nums)))
    if any(p.in_run for p in posts):
        said.append("posted as a run, few other posts between")
    if not numbered:
        said.append("no part numbers")
    return "; ".join(said + against)
