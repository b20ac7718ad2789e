"""What the reader said about a series follows it when detection renames it.

A series row is keyed by the name detection gives it, and the reader's words hang on
that row: a note, a follow, a name, "it is a series", "not a series". When a sync
regroups a feed and the same posts come out under another key (a spelling merged, a
better name found, a rule that improved), every post leaves the old row for a new
one. The old row then holds no post and is no longer shown, and with it the reader's
note would vanish from sight, a "not a series" would no longer keep the posts
standalone, and a merge would come apart. So when all of a row's posts move to one
other row that holds nothing of the reader's, what the reader said moves with them: its
words, the series it was merged into, and the series merged into it. Nothing is
rewritten: the values are moved whole, and where both rows hold something of the
reader's, both stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from readinglist.storage.schema import ArticleRow, SeriesRow

__all__ = ["carry_user_state"]

_USER_FIELDS = (
    "user_name",
    "note",
    "note_updated",
    "followed",
    "confirmed",
    "dismissed",
    "merged_into",
)
"""The reader's words on a series row (``schema.SeriesRow``'s user-owned columns)."""


def carry_user_state(before: Mapping[str, int | None], after: Mapping[str, int | None]) -> None:
    """``after``: guid -> detected series id of the articles a sync rewrote or
    regrouped; ``before``: the same (and maybe more) guids, before it did."""
    targets: dict[int, set[int | None]] = defaultdict(set)
    for guid, new in after.items():
        old = before.get(guid)
        if old is not None and old != new:
            targets[old].add(new)
    for old in sorted(targets):
        (new, *others) = targets[old]
        if others or new is None or _still_held(old):
            continue  # split, dissolved, or the old row keeps posts: it stays where it is
        source, target = SeriesRow.get_or_none(id=old), SeriesRow.get_or_none(id=new)
        if source is None or target is None or source.user_created:
            continue
        if not _has_user_state(source) or _has_user_state(target):
            continue
        _move_user_state(source, target)


def _move_user_state(source: SeriesRow, target: SeriesRow) -> None:
    """Everything of the reader's on ``source`` goes to ``target``, and the posts
    shown through a merge are shown where the merge now points."""
    # ids, not rows; never merged into ``target`` itself: that would be state on target
    moved = {name: source.__data__.get(name) for name in _USER_FIELDS}
    SeriesRow.update(moved).where(SeriesRow.id == target.id).execute()
    cleared = {name: SeriesRow._meta.fields[name].default for name in _USER_FIELDS}
    SeriesRow.update(cleared).where(SeriesRow.id == source.id).execute()
    SeriesRow.update(merged_into=target.id).where(SeriesRow.merged_into == source.id).execute()
    shown = moved["merged_into"] or target.id
    ArticleRow.update(series=shown).where(
        ArticleRow.series.in_([source.id, target.id])
        & ArticleRow.series_override.is_null()
        & (ArticleRow.standalone_override == False)  # noqa: E712
    ).execute()


def _has_user_state(row: SeriesRow) -> bool:
    """Anything of the reader's on the row (a note's time alone, without the note, is
    not), a series the reader merged into it included."""
    merged_here = SeriesRow.select().where(SeriesRow.merged_into == row.id)
    own = (row.__data__.get(name) for name in _USER_FIELDS if name != "note_updated")
    return any(own) or merged_here.exists()


def _still_held(series_id: int) -> bool:
    """A post still detected in it or moved into it by the reader: then the row is
    still in use and keeps what the reader said (and what was merged into it)."""
    held = ArticleRow.select().where(
        (ArticleRow.detected_series == series_id) | (ArticleRow.series_override == series_id)
    )
    return held.exists()
