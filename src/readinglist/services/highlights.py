"""Highlights: marking a passage of an article, commenting on it, and keeping it
anchored when the article's text changes.

Why its own module: highlights are user-owned, like notes, and anchoring them is the
one place where the article's text is read as plain text (``article_text``). The
anchor is the W3C Web Annotation pair of quote-with-context and position
(``model.anchoring``); ``reanchor`` runs after anything rewrites an article's text (a
sync that updated it) and marks a highlight orphaned, never deletes it, when its quote
is gone.
"""

from __future__ import annotations

from collections.abc import Sequence

from readinglist.model.anchoring import TextAnchor, anchor_quote, locate
from readinglist.model.changes import Changes
from readinglist.model.errors import ArticleNotFoundError, QuoteNotFoundError
from readinglist.model.records import Highlight
from readinglist.services.reads import LibraryReads
from readinglist.services.results import Highlighted
from readinglist.storage.highlight_store import Anchored
from readinglist.storage.store import Store


def article_text(store: Store, article_id: int, *, feed_only: bool = False) -> str:
    """The article's text as the reader reads it, as plain text: what highlights are
    anchored in and what ``readinglist show`` prints. That is the full text read from
    its page when there is one; ``feed_only``: what the feed carries."""
    # nh3 loads with the first text read, not with the library (the window's start).
    from readinglist.feeds.sanitize import html_to_text

    content = store.get_content(article_id)
    return html_to_text(content.feed_html if feed_only else content.body_html)


def reanchor(store: Store, article_ids: Sequence[int]) -> int:
    """Anchor again the highlights of ``article_ids`` in their current text; returns how
    many are orphaned now. Cheap when none of them has highlights (one query)."""
    highlighted = store.highlighted_article_ids(article_ids)
    if not highlighted:
        return 0
    moved: list[Anchored] = []
    orphaned = 0
    by_article: dict[int, list[Highlight]] = {}
    for h in store.list_highlights(sorted(highlighted)):
        by_article.setdefault(h.article_id, []).append(h)
    for article_id, highlights in by_article.items():
        text = article_text(store, article_id)
        for h in highlights:
            found = locate(text, TextAnchor(h.quote, h.prefix, h.suffix, h.start, h.end))
            if found is None:
                orphaned += 1
                moved.append(Anchored(h.id, h.prefix, h.suffix, h.start, h.end, True))
            elif (found.prefix, found.suffix, found.start, found.end, False) != (
                h.prefix,
                h.suffix,
                h.start,
                h.end,
                h.orphaned,
            ):
                moved.append(
                    Anchored(h.id, found.prefix, found.suffix, found.start, found.end, False)
                )
    if moved:
        store.update_anchors(moved)
    return orphaned


class HighlightVerbs(LibraryReads):
    """Highlight, comment, unhighlight, list; each write returns what it changed."""

    def article_text(self, article_id: int, *, feed_only: bool = False) -> str:
        """The article's plain text (what highlights are anchored in): its full text
        when one was fetched, else the feed's (``feed_only``: always the feed's)."""
        return article_text(self.store, article_id, feed_only=feed_only)

    def highlight(
        self,
        article_id: int,
        quote: str,
        *,
        note: str | None = None,
        near: int | None = None,
        context: tuple[str, str] | None = None,
    ) -> Highlighted:
        """Highlight ``quote`` in the article. Which occurrence, when it is there more
        than once: the one whose surroundings match ``context`` (the text just before
        and after it, as the window's selection saw it), else the one nearest ``near``
        (a character offset in ``article_text``), else the first. Refused with
        ``QuoteNotFoundError`` when the text does not contain it."""
        text = article_text(self.store, article_id)
        if context is not None:
            hint = TextAnchor(quote, context[0], context[1], near or 0, near or 0)
            anchor = locate(text, hint)
        else:
            anchor = anchor_quote(text, quote, near=near)
        if anchor is None:
            raise QuoteNotFoundError(f"article {article_id} does not contain {quote.strip()!r}")
        stored = self.store.add_highlight(
            article_id,
            quote=anchor.exact,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            start=anchor.start,
            end=anchor.end,
            note=note,
        )
        return Highlighted(stored, self.touched([article_id]))

    def list_highlights(self, article_id: int | None = None) -> list[Highlight]:
        """One article's highlights in text order, or every highlight in the library."""
        if article_id is None:
            return self.store.list_highlights()
        found = self.store.list_highlights([article_id])
        # An unknown id is an error, not "none" (a primary-key probe: the window asks
        # this for every article it shows).
        if not found and not self.store.existing_article_ids([article_id]):
            raise ArticleNotFoundError(f"no article with id {article_id}")
        return found

    def set_highlight_note(self, highlight_id: int, note: str | None) -> Highlighted:
        """Comment on a highlight (empty text removes the comment)."""
        stored = self.store.set_highlight_note(highlight_id, note)
        return Highlighted(stored, self.touched([stored.article_id]))

    def unhighlight(self, highlight_id: int) -> Changes:
        """Remove a highlight (only ever on the reader's request)."""
        removed = self.store.remove_highlight(highlight_id)
        return self.touched([removed.article_id])
