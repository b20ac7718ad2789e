"""The change value every write verb returns (``model/changes.py``)."""

from __future__ import annotations

from readinglist.model.changes import NO_CHANGES, Changes


def test_changes_combine_with_or_and_drop_none_ids() -> None:
    a = Changes.of(feeds=[1, None], articles=(5, 6))  # type: ignore[list-item]
    b = Changes.of(feeds={2}, series=[9], feed_list=True)
    both = a | b
    assert both.feeds == {1, 2}
    assert both.series == {9}
    assert both.articles == {5, 6}
    assert both.feed_list is True


def test_an_empty_change_is_false_and_any_id_makes_it_true() -> None:
    assert not NO_CHANGES
    assert not Changes.of()
    assert Changes.of(articles=[3])
    assert Changes(feed_list=True)
