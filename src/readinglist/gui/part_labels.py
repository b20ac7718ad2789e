"""The article header's words about parts: "Part 4 of 6", "Parts 3–5 missing",
"Next: Part 5 — Title ▶". Plain functions of values, apart from the pane's widgets so
they read (and test) on their own."""

from __future__ import annotations

from readinglist.model.parts import part_words
from readinglist.model.records import Article

__all__ = ["column_label", "gap_after", "gap_text", "next_part_text", "part_label"]

NEXT_TITLE_CHARS = 40  # the next part's title on its button is cut after this


def next_part_text(article: Article | None, *, column: bool = False) -> str:
    """The next-part button: 'Next: Part 5 — Title ▶' (plain text, '&' kept literal);
    with nothing next, 'Next part ▶', or 'Next post ▶' in a column (which has no parts)."""
    if article is None:
        return "Next post ▶" if column else "Next part ▶"
    title = article.short_title or article.title or "(untitled)"
    if len(title) > NEXT_TITLE_CHARS:
        title = title[: NEXT_TITLE_CHARS - 1].rstrip() + "…"
    part = f"{part_words(article.part, article.part_last)} — " if article.part is not None else ""
    text = f"Next: {part}{title} ▶"
    return text.replace("&", "&&")  # a button reads '&' as a mnemonic marker


def gap_after(part: int | None, parts: tuple[int, ...]) -> tuple[int, ...]:
    """The part numbers missing right after ``part`` (below the next present part)."""
    if part is None:
        return ()
    later = [p for p in parts if p > part]
    if not later:
        return ()
    return tuple(range(part + 1, min(later)))


def gap_text(gap: tuple[int, ...]) -> str:
    if not gap:
        return ""
    if len(gap) == 1:
        return f"Part {gap[0]} missing"
    return f"Parts {gap[0]}–{gap[-1]} missing"


def part_label(
    part: int | None, parts: tuple[int, ...], article_count: int, last: int | None = None
) -> str:
    """'Part 4 of 6' ('Parts 4–7 of 9' for a post covering several): out of the highest
    part known or the article count, whichever is larger (a series with parts 1, 2, 6 is
    at least six parts long)."""
    if part is None:
        return "Unnumbered part"
    total = max(max(parts, default=0), article_count, part, last or 0)
    return f"{part_words(part, last)} of {total}"


def column_label(index: int, count: int) -> str:
    """A column's post: 'Column · 2 of 4, by date' (a column has no parts to count)."""
    return f"Column · {index + 1} of {count}, by date"
