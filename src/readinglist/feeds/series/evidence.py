"""The last pass of ``group()``: weigh the evidence of each group, then say why.

The earlier passes propose groups from one kind of clue each (a part marker, a numbered
URL slug, a shared title head, an opening, a nested name). Here every proposed group is
judged on all its clues together:

* **for**: explicit part markers ("Part N", "(N)", "第N篇", "Day N"), numbers that read
  as a sequence (small, few gaps), a numbered URL sequence, titles sharing a head; a
  tag that every post carries and few other posts do is said in the ``why`` as
  support (it never makes or breaks a group).
* **against**: an announcement or advisory template ("Announcing …", "Security advisory
  for …"), a version where the number sits ("Foo 1.2: …"), one number shared by every
  post ("Security 101: …" names a course, it numbers nothing), numbers that are no
  sequence ("DEF CON 22", "… 27"), two bare numbers with no first part ("Ideas for
  Gizmo 2", "… 3": versions), a group with no numbering at all (weak at best),
  and an unnumbered group named after a dated event ("MegaConf 2019: x") whose
  titles mostly came out on a shared day or all within a week (write-ups of one
  event), when the feed's dates tell days apart.

Each surviving group gets a ``kind`` (``multipart`` or ``recurring``: weekly roundups,
release notes, issue N of a newsletter, one post a year: "Gift Guide 2019", "… 2020
Edition"; recurring groups carry no part numbers, so no
missing parts are computed for them), a grade (``strong``: two or more distinct part
numbers from markers or URLs; ``weak``: anything less) and a short ``why``.

Pure, like the rest of ``feeds.series``: every decision depends on the set of posts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from readinglist.feeds.series.ordering import (
    by_date,
    by_date_around_ties,
    by_url_id,
    gaps_by_date,
    intro_before_part_one,
    posted_once_a_year,
    years_posted,
)
from readinglist.feeds.series.post import (
    FORM_ENDING,
    FORM_HEAD,
    FORM_LINKED,
    FORM_OPENING,
    FORM_RELEASE,
    FORM_URL,
    FORM_URL_NAME,
    FORM_URL_WORD,
    Post,
    title_head,
)
from readinglist.feeds.series.templates import (
    ANNOUNCEMENT,
    EDITION,
    VERSION,
    announcement_titles,
    is_recurring,
    names_a_release,
    one_title,
    prerelease_numbers,
    release_titles,
    reviews_of_works,
)
from readinglist.feeds.series.titles import BRACKET_FORM, POSITIONAL_FORM, STRONG
from readinglist.feeds.series.why import runs, say_why

__all__ = ["assess", "is_column", "numbers_hold", "numbers_may_hold"]

MULTIPART = "multipart"
RECURRING = "recurring"
STRONG_GRADE = "strong"
WEAK_GRADE = "weak"

_ID_RUN = 5
"""Five or more numbers that are no sequence, on most posts of a named group, are
ids: the group is a column of items (problems of a judge, entries of a catalogue)."""

_BIG_ID = re.compile(r"(?<![\w.,/:-])\d{4,5}(?![\w.,/:%])")


def _big_id(title: str) -> bool:
    """A number too big for a part and no year, standing alone: "Kata - 1108 - x" names
    item 1108, as "Kata - 121 - y" names item 121 (read as no sequence of parts)."""
    return any(not 1900 <= int(m.group()) <= 2100 for m in _BIG_ID.finditer(title))


_SEQUENCE_START = 3
"""A sequence read from weak numbers must start at or below this ("DEF CON 22" does not)."""


def _is_marker(p: Post) -> bool:
    """The post's number comes from a title marker (not a URL, not an inference)."""
    return "{}" in p.form


def _one_post_twice(posts: list[Post]) -> bool:
    """The same title twice, numbered by no title, and not every address numbered.

    WordPress gives a copy of a post the address of the first plus "-2": read alone
    it is part 2, and the first copy, the same title unnumbered, its part 1. Where
    every address numbers its post ("kiln-notes-1", "kiln-notes-2") the author did.
    """
    by_url = sum(1 for p in posts if p.form == FORM_URL and p.part is not None)
    return not any(_is_marker(p) for p in posts) and by_url < len(posts) and one_title(posts)


_UNBROKEN_RUN = 3
"""Weak numbers in a row without a gap, this many or more, are a sequence wherever they
start."""


def _plausible_sequence(parts: set[int], posts: int) -> bool:
    """Weak numbers read as parts only when they look like a count: 1, 2, 3, 5 ...

    or, wherever they start, as an unbroken run of three or more ("Section 4", "5",
    "6", "7" of a course whose first sections the author did not write up): editions
    a year apart ("DEF CON 22", "23", "24") are a column before this is asked.
    """
    if len(parts) >= _UNBROKEN_RUN and max(parts) - min(parts) + 1 == len(parts):
        return True
    return min(parts) <= _SEQUENCE_START and max(parts) <= 3 * posts + _SEQUENCE_START


def _no_first_part(posts: list[Post], parts: set[int]) -> bool:
    """Two bare numbers after a name ("Ideas for Gizmo 2", "… 3") and no first part.

    A number written without a part word is read as a part only next to siblings;
    when just two posts carry one, neither is 1 (nor 0) and no unnumbered first post
    is there either, the numbers follow the name as versions or editions do. Three
    or more in a row ("Garden Log 2, 3, 4") read as parts of a series whose start
    the feed no longer holds.
    """
    return (
        len(posts) == _TWO
        and min(parts) > 1
        and all(p.part is not None and _is_marker(p) for p in posts)
    )


_TWO = 2


def _lone_url_number(posts: list[Post], numbered: list[Post]) -> bool:
    """One post of a group has a number, from its URL ("x-day1"), and no title has one.

    The titles' head or name ties the group, not the number; a single number orders
    nothing, and kept, it would read as "part 1" beside unnumbered siblings that the
    dates could order.
    """
    return len(numbered) == 1 and len(posts) > 1 and not _is_marker(numbered[0])


_NAMING_FORMS = (FORM_HEAD, FORM_OPENING, FORM_LINKED, FORM_ENDING, FORM_URL_NAME)
"""Forms that tie posts by shared wording (a head, an opening, a name, an ending)."""


_MANY_TITLES = 5
"""A group this large is ordered by its dates, not by the one number one title says."""


def _lone_weak_number(posts: list[Post], numbered: list[Post]) -> bool:
    """One title of three or more carries a number, and not one that says "part"; or
    one of five or more, whatever it says.

    "(C++) DT1-Remote x" among forty "(C++) y": the number is in the subject's name,
    it orders nothing, and kept it would read as part 1 of a group the dates order.
    "X Strike - Week One" among eight "X Strike - y" counts weeks, not the posts: the
    dates order the nine, and the week's post is the second of them.
    """
    return len(numbered) == 1 and (
        (len(posts) >= 3 and numbered[0].strength < STRONG) or len(posts) >= _MANY_TITLES
    )


def _named_together(posts: list[Post]) -> bool:
    """Something besides the numbers ties the group: a shared head, opening or name."""
    return any(p.form in _NAMING_FORMS for p in posts)


_SLUG_RUN = 3


def _run_of_slugs(posts: list[Post]) -> bool:
    """One-word numbered slugs form a series only as a run: 3+ parts, 1 or 2 first, dense."""
    return _slug_run({p.part for p in posts if p.part is not None})


def _slug_run(parts: set[int]) -> bool:
    return len(parts) >= _SLUG_RUN and min(parts) <= 2 and max(parts) <= len(parts) + 1


def numbers_may_hold(posts: list[Post]) -> bool:
    """Can the part numbers of this not yet judged group survive ``assess``?

    Asked before ``_attach_unnumbered`` hangs unnumbered posts on a numbered group
    ("X" + "X Part 2"). Only the counter-evidence that no attached post can change
    is read here (a one-word slug stem that is no run even with a part 1 added, a
    version or an announcement where the name sits); the rest depends on what joins
    later, and ``assess`` reports those groups so that ``group()`` can give their
    posts back.
    """
    numbered = [p for p in posts if p.part is not None]
    parts = {p.part for p in numbered if p.part is not None}
    explicit = any(p.strength >= STRONG for p in numbered)
    name = posts[0].name or posts[0].key or ""
    if any(p.form == FORM_URL_WORD for p in posts) and not _slug_run(parts | {1}):
        return False
    if not explicit and ANNOUNCEMENT.search(name):
        return False
    if explicit or is_recurring(posts):
        return True
    # weak numbers too far up to be parts even with an attached part 1 ("NAS 101: x")
    if not _plausible_sequence(parts | {1}, len(posts) + 1):
        return False
    return not VERSION.search(name)


def numbers_hold(posts: list[Post]) -> bool:
    """Do the numbers of a group whose every post is numbered survive ``assess``?

    A group held together by nothing but numbers the evidence rejects (one number on
    every title, numbers that are no sequence) must not pull other titles in by name.
    """
    numbered = [p for p in posts if p.part is not None]
    parts = {p.part for p in numbered if p.part is not None}
    if not parts or not numbers_may_hold(posts):
        return False
    if len(parts) == 1 and len(numbered) >= 2:
        return False
    if any(p.strength >= STRONG for p in numbered):
        return True
    if announcement_titles(posts):
        return False
    return is_recurring(posts) or _plausible_sequence(parts, len(posts))


def _drop(posts: list[Post]) -> None:
    for p in posts:
        p.key, p.name, p.part, p.short_title, p.form = None, None, None, p.title, ""


def assess(items: list[Post], *, judge: bool = True) -> set[str]:
    """Judge every group of ``items`` (in place): drop, grade, kind and ``why``.

    ``judge=False`` (one post read alone, ``detect()``) only describes: counter-evidence
    about numbers needs the siblings, so nothing is dropped.

    Returns the numbered groups that unnumbered posts were hung on (``attached_to``)
    and that were dropped here: those posts were taken from wherever else they would
    have gone, so ``group()`` runs its passes again without those targets.
    """
    groups: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None:
            groups[p.key].append(p)
    days_tell = _days_tell(items)
    tag_counts = Counter(t for p in items for t in p.tags)
    give_back: set[str] = set()
    for key in sorted(groups):
        posts = groups[key]
        _assess_group(posts, judge, days_tell)
        if posts[0].key is None:
            give_back.update(p.attached_to for p in posts if p.attached_to is not None)
        elif judge:
            _say_shared_tag(posts, tag_counts)
    return give_back


_RARE_TAG_SHARE = 2
"""A tag is rare for a group when at most this many times its size carry it."""


def _say_shared_tag(posts: list[Post], tag_counts: Counter[str]) -> None:
    """Supporting evidence, said in the why: every post carries a tag few others carry.

    Posts that share a head *and* a rare tag ("ef core" on five "EF Core - x" posts
    out of 170) were filed together by the author too. It supports a group, never
    makes or breaks one: a product's posts share its tag whether or not they are a
    series.
    """
    if len(posts) < 2 or not posts[0].why:
        return
    common = frozenset.intersection(*(p.tags for p in posts))
    rare = [t for t in common if tag_counts[t] <= _RARE_TAG_SHARE * len(posts)]
    if rare:
        tag = min(rare, key=lambda t: (tag_counts[t], t))
        why = f"{posts[0].why}; all tagged '{tag}', which few other posts are"
        for p in posts:
            p.why = why


def _days_tell(items: list[Post]) -> bool:
    """Do this feed's dates tell posts apart? Not when most share a day with another
    (an archive imported in one go): then a same-day batch says nothing."""
    days = Counter(int(p.when) for p in items if p.when is not None)
    shared = sum(n for n in days.values() if n > 1)
    return bool(days) and shared * 2 <= sum(days.values())


def _assess_group(posts: list[Post], judge: bool = True, days_tell: bool = True) -> None:
    name = posts[0].name or posts[0].key or ""
    if judge and _one_post_twice(posts):
        _drop(posts)
        return
    if judge and _numbered_by_slugs(posts):
        for p in posts:
            p.part, p.form = p.slug_part, FORM_URL
    if judge:
        _drop_tag_mates(posts)
    explicit = [p for p in posts if p.part is not None and p.strength >= STRONG]
    numbered = [p for p in posts if p.part is not None]
    against: list[str] = []
    positional = [p for p in posts if p.form == POSITIONAL_FORM]
    if judge and {p.part for p in positional} == {1, 3} and not any(p.part == 2 for p in posts):
        for p in positional:  # "（上）" + "（下）": two parts, 1 and 2
            if p.part == 3:
                p.part = 2
    recurring = is_recurring(posts)
    by_release_form = all(p.form == FORM_RELEASE for p in posts)  # its why says "version"
    yearly = judge and not recurring and not explicit and _one_a_year(posts)
    if yearly:
        recurring = True
        for p in numbered:
            p.part = None
        numbered = []
        against.append(f"one post a year ({_years(posts)})")
    if judge and not recurring and not numbered and reviews_of_works(posts):
        recurring = True  # "О книге «X»", "О книге «Y»": one work a post, no parts
        against.append("each title names another work in quotes")
    if (
        judge
        and not recurring
        and not numbered
        and not names_a_release(name)
        and release_titles(posts)
    ):
        recurring = True  # "Gizmo 2.0.4", "Gizmo 2.0.5": a column of releases, no parts
        if not by_release_form:  # else its form says it
            against.append("every title names a release by its version")
    if judge and numbered and not explicit and prerelease_numbers(posts):
        against.append(f"numbers {runs([p.part or 0 for p in numbered])} name pre-releases")
        for p in numbered:
            p.part = None  # "ABS preview-2", "ABS preview-3": the releases' column
        numbered, recurring = [], True
    # one number on every numbered post is part of the name: "Security 101: x"
    parts = {p.part for p in numbered if p.part is not None}
    if judge and any(p.form == FORM_URL_WORD for p in posts) and not _run_of_slugs(posts):
        _drop(posts)  # "layer-2" and "layer-3": topics, not a run of "minios64_1.._4"
        return
    if judge and len(numbered) >= 2 and len(parts) == 1 and len(posts) == len(numbered):
        for p in numbered:
            p.part = None
        against.append(f"the number {parts.pop()} is on every title, so it names, not numbers")
        numbered, explicit, parts = [], [], set()
        if not _named_together(posts) and not all(p.strength >= STRONG for p in posts):
            # "Ubuntu 7.04" twice: nothing but the number tied them. A number every title
            # says is a part of ("Gizmo 2편 (x)", "Gizmo 2편 (y)": the second course's
            # posts) still ties them: the name the number belongs to is the same
            _drop(posts)
            return
    if (
        judge
        and numbered
        and not explicit
        and not recurring
        and not _plausible_sequence(parts, len(posts))
    ):
        against.append(f"numbers {runs(list(parts))} are no sequence of parts")
        carrying = len(numbered) + sum(1 for p in posts if p.part is None and _big_id(p.title))
        ids = len(parts) >= _ID_RUN and carrying * 2 > len(posts)
        for p in numbered:
            p.part = None
        numbered, parts = [], set()
        if not _named_together(posts):
            _drop(posts)
            return
        if ids:
            recurring = True  # "Judge - 1108 - x", "Judge - 121 - y": one post per item
    if judge and numbered and not explicit and not recurring and _no_first_part(posts, parts):
        against.append(f"numbers {runs(list(parts))} have no part 1, so they name versions")
        for p in numbered:
            p.part = None
        numbered, parts = [], set()
        if not _named_together(posts):
            _drop(posts)  # "Ideas for Gizmo 2", "Ideas for Gizmo 3": versions, not parts
            return
    announced = judge and not explicit and (ANNOUNCEMENT.search(name) or announcement_titles(posts))
    if announced and release_titles(posts):
        # "Announcing Gizmo 1.29.0!", "Announcing Gizmo 1.30.0!": each announces another
        # release, so together they are the release column, with no parts to miss
        for p in numbered:
            p.part = None
        numbered, parts = [], set()
        if not recurring and not by_release_form:
            against.append("every title announces a release by its version")
        recurring = True
    elif announced:
        _drop(posts)  # "Announcing X 1.2", "Security advisory for Y": a template
        return
    if judge and not explicit and not recurring and names_a_release(name):
        _drop(posts)  # "Foo 1.0: x", "Foo 1.0: y": a release, not a series
        return
    if judge and _lone_url_number(posts, numbered):
        against.append(f"one number ({numbered[0].part}, from a URL) orders nothing")
        numbered[0].part = None
        numbered, parts = [], set()
    elif judge and _lone_weak_number(posts, numbered):
        against.append(f"one number ({numbered[0].part}, among {len(posts)} titles) orders nothing")
        numbered[0].part = None
        numbered, parts = [], set()
    if judge and not numbered and one_title(posts):
        _drop(posts)  # the same title twice: the feed repeated a post, it wrote no parts
        return
    if judge and days_tell and not numbered and not recurring and _same_day_batch(name, posts):
        _drop(posts)
        return
    if judge and len(numbered) < _TWO and not recurring and _only_a_tag(posts):
        _drop(posts)
        return
    strong = len(parts) >= 2 or (len(numbered) >= 2 and len(posts) >= 2 and bool(explicit))
    why = say_why(name, posts, numbered, against)
    kind = RECURRING if recurring else MULTIPART
    if judge and not recurring and not numbered and by_date(posts):
        why += "; parts ordered by date"
    elif judge and not recurring and not numbered and by_url_id(posts):
        why += "; parts ordered by the post ids in their URLs"
    elif judge and not recurring and not numbered and by_date_around_ties(posts):
        why += "; parts ordered by date, those posted the same day left unnumbered"
    elif judge and not recurring and intro_before_part_one(posts):
        why += "; the unnumbered post dated before part 1 is part 0"
    elif judge and not recurring and numbered and gaps_by_date(posts):
        why += "; unnumbered posts take the missing numbers their dates fall between"
    if recurring and judge:  # alone (detect) the issue number still says where it sits
        for p in posts:
            p.part = None
        why = "recurring column; " + why
    for p in posts:
        p.kind, p.grade, p.why = kind, STRONG_GRADE if strong else WEAK_GRADE, why


def _one_a_year(posts: list[Post]) -> bool:
    """Every title names a different year: "Gift Guide 2019", "Gift Guide - 2020 Edition".

    A post that comes back once a year (a gift guide, a yearly review, a conference
    visited every year) is a recurring column; its years are no parts of one piece.
    """
    years = [EDITION.findall(p.title) for p in posts]
    if len(posts) < _TWO or any(len(y) != 1 for y in years):
        return posted_once_a_year(posts)  # the dates say it where the titles do not
    return len({y[0] for y in years}) == len(posts)


def is_column(posts: list[Post]) -> bool:
    """The group says it comes back on a schedule: by its name, or a year per title.

    Asked by ``refine`` before it drops a head group for posts far apart in time: a
    column's posts are far apart by design (the evidence marks it recurring).
    """
    return is_recurring(posts) or _one_a_year(posts)


def _years(posts: list[Post]) -> str:
    named = sorted({y for p in posts for y in EDITION.findall(p.title)})
    return ", ".join(named or years_posted(posts))


def _numbered_by_slugs(posts: list[Post]) -> bool:
    """Unnumbered titles whose slugs number their shared name as a run of parts.

    "(CNN) Tensors" at /cnn-02-pytorch-tensor-intro/, "(CNN) Indexing" at /cnn-09-…/:
    every title names the series and every slug numbers it, distinct numbers from 0, 1
    or 2 up with few gaps. Then the slugs are the author's own part order. Two "(C++) x"
    of forty whose slugs hold a number ("cpp-3-channel-radar") are topics that count
    something, which is why every post must carry one.
    """
    parts = [p.slug_part for p in posts]
    if any(p.part is not None for p in posts) or None in parts:
        return False
    numbers = {n for n in parts if n is not None}
    return len(numbers) == len(posts) and _slug_run(numbers)


def _drop_tag_mates(posts: list[Post]) -> None:
    """Unnumbered "[Tag] x" beside numbered "[Tag] Section 4. y": filed under, not part of.

    The numbered titles are a course or a series under that tag; the unnumbered ones
    share nothing with them but the tag, which names a topic as often as a series
    (``_only_a_tag``). Counted over both studied corpora: in the two groups that mixed
    them, none of the seven unnumbered posts was part of the numbered series. They go
    back to standalone (in place: ``posts`` keeps only the group).
    """
    if len({p.part for p in posts if p.part is not None}) < _TWO:
        return  # one number under a tag orders nothing (``_lone_weak_number``)
    mates = [p for p in posts if p.part is None and p.form == BRACKET_FORM]
    if mates:
        _drop(mates)
        posts[:] = [p for p in posts if p.key is not None]


def _only_a_tag(posts: list[Post]) -> bool:
    """Unnumbered titles under one leading tag, and nothing else, are a category.

    "[DS] Heaps", "[OS] Deadlocks", "(C++) Vectors": a tag says what a post is about as
    often as which series it belongs to, and nothing else in such a group tells the two
    apart. Measured on the unseen corpus: the groups held by a tag alone were right for
    52 posts and wrong for 52 (their spans, tags and sizes alike); a tag filed under for
    over a year was a category every time. No numbering at all is evidence against
    (issue #12), so the tag alone makes no group; with numbers ("[JPA] 1. x", "[JPA]
    2. y"), a shared head or a declared series beside it, it still does. One numbered
    post among more than three tagged ones (a book whose title says "first lesson" among
    forty-four "[Book] x") numbers nothing of theirs (eighth session, round 31).
    """
    others = [p for p in posts if p.form != BRACKET_FORM]
    # one numbered post among many under the tag ("[Book] 葛洛夫給經理人的第一課", a "first
    # lesson" in a book's title, among forty-four "[Book] x") numbers nothing of theirs
    return not others or (len(others) == 1 and len(posts) > _LONE_AMONG)


_LONE_AMONG = 3
"""A tag group of more posts than this is not made a series by one other post in it."""


def _same_day_batch(name: str, posts: list[Post]) -> bool:
    """Write-ups of one dated event: "<Event> 2014: x", posted on a shared day or in a week.

    A head naming an edition ("MegaConf 2019", "Quiz Night 2021") and titles that
    mostly came out on a day shared with another, or all within a week (the days of
    the event and the write-ups right after it), are a batch of write-ups from one
    occasion (talks of a conference, challenges of a contest), each standalone. Parts
    of one piece are written one after another; coverage of an edition spread over
    months (a preview, then the days, then a wrap-up) stays a group. Without the
    year the same batch may be a series its author posted at once, so it is kept;
    so is a head that says "series" itself ("X 系列 -- y", "X 之 y").
    """
    if not _EVENT_EDITION.search(name):
        return False
    if any(p.form not in _NAMING_FORMS for p in posts):
        return False
    if any(p.when is None for p in posts):
        return False
    if any((head := title_head(p.title)) is not None and head[3] for p in posts):
        return False
    days = Counter(int(p.when) for p in posts if p.when is not None)
    shared = sum(n for n in days.values() if n > 1)
    return shared * 2 > len(posts) or max(days) - min(days) <= _EVENT_DAYS


_EVENT_DAYS = 7
_EVENT_EDITION = re.compile(r"[A-Za-z][\w.\-]*\s+(?:19|20)\d\d(?!\d)")
"""A year after an event's name, "MegaConf 2019", "ASIS CTF 2016": an edition. A year
that opens the name or sits in a sentence ("2020 posting analysis", "在 2021 年要如何開發
x", how to build x in 2021) is what the series is about, not an occasion."""
"""Write-ups of one event come out within a week: its days and the ones right after."""
