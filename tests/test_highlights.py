"""Highlights: anchored by quote, context and position; kept through edits, syncs,
unsubscribing and backups; searchable; exported; driven from the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest

from feedgen import Item, rss
from helpers import cli_json, entry, incoming
from readinglist.model.anchoring import TextAnchor, anchor_quote, locate, whole_words
from readinglist.model.errors import (
    ArticleNotFoundError,
    HighlightNotFoundError,
    QuoteNotFoundError,
)
from readinglist.model.query import ArticleQuery
from readinglist.services.export import READWISE_COLUMNS
from readinglist.services.library import Library

BODY = (
    "<p>Attention lets every token look at every other token.</p>"
    "<p>The softmax turns scores into weights. The softmax is not the only choice.</p>"
)

# --- the anchor itself (pure) ----------------------------------------------------------


def test_a_quote_is_found_whatever_the_whitespace() -> None:
    text = "one two\nthree   four five"
    anchor = anchor_quote(text, "two three  four")
    assert anchor is not None
    assert anchor.exact == "two\nthree   four"
    assert (anchor.start, anchor.end) == (4, 20)
    assert anchor.prefix == "one " and anchor.suffix == " five"


def test_the_occurrence_nearest_the_hint_is_chosen() -> None:
    text = "the cat sat. the cat ran. the cat slept."
    assert anchor_quote(text, "the cat").start == 0  # type: ignore[union-attr]
    assert anchor_quote(text, "the cat", near=24).start == 26  # type: ignore[union-attr]
    assert anchor_quote(text, "the dog") is None
    assert anchor_quote(text, "   ") is None


def test_an_edit_before_the_quote_moves_its_position_not_its_identity() -> None:
    old = "Intro. The softmax turns scores into weights. The softmax is not the only choice."
    anchor = anchor_quote(old, "The softmax", near=46)
    assert anchor is not None and anchor.suffix.startswith(" is not")
    new = "A new first paragraph, added later. " + old
    found = locate(new, anchor)
    assert found is not None
    assert new[found.start : found.end] == "The softmax"
    assert found.suffix.startswith(" is not")  # the second one, by its context
    assert found.start == anchor.start + len("A new first paragraph, added later. ")


def test_a_quote_that_is_gone_cannot_be_located() -> None:
    anchor = TextAnchor("softmax", "The ", " turns", 4, 11)
    assert locate("Nothing about it here.", anchor) is None


def test_a_sloppy_selection_takes_whole_words() -> None:
    text = "Random splits isolate anomalies in fewer steps."
    start, end = whole_words(text, text.index("solate"), text.index("ewer") + 2)
    assert text[start:end] == "isolate anomalies in fewer"
    start, end = whole_words(text, text.index(" isolate"), text.index(" in") + 1)
    assert text[start:end] == "isolate anomalies"
    assert whole_words(text, 6, 7) == (7, 7)  # only a space: nothing


# --- the library verbs -----------------------------------------------------------------


def _article(library: Library, html: str = BODY) -> int:
    feed = library.store.add_feed("https://blog.example/feed.xml")
    (aid,) = library.store.upsert_entries(
        feed.id, [incoming(entry("a1", "Attention, slowly", summary=html))]
    ).new_ids
    return aid


def test_highlight_comment_and_remove(library: Library) -> None:
    aid = _article(library)
    made = library.highlight(aid, "The softmax is not", note="  other choices exist ")
    assert made.changes.articles == {aid}
    h = made.highlight
    assert (h.quote, h.note, h.orphaned) == ("The softmax is not", "other choices exist", False)
    assert library.article_text(aid)[h.start : h.end] == h.quote
    second = library.highlight(aid, "every token").highlight
    assert [x.id for x in library.list_highlights(aid)] == [second.id, h.id]  # text order
    assert library.set_highlight_note(h.id, "").highlight.note is None
    assert library.unhighlight(second.id).articles == {aid}
    assert [x.id for x in library.list_highlights()] == [h.id]
    with pytest.raises(HighlightNotFoundError):
        library.unhighlight(second.id)
    third = library.highlight(aid, "every token").highlight
    assert third.id > second.id  # a removed highlight's id is never given again


def test_a_quote_not_in_the_text_is_refused_and_nothing_is_stored(library: Library) -> None:
    aid = _article(library)
    with pytest.raises(QuoteNotFoundError, match="does not contain 'the transformer'"):
        library.highlight(aid, "the transformer")
    with pytest.raises(ArticleNotFoundError):
        library.highlight(aid + 100, "softmax")
    with pytest.raises(ArticleNotFoundError):
        library.list_highlights(aid + 100)
    assert library.list_highlights() == []


def test_search_finds_highlights_and_comments_beside_the_note(library: Library) -> None:
    aid = _article(library)
    library.highlight(aid, "every token", note="quadratic in length")
    library.set_note(aid, "read again before the talk")

    def found(words: str) -> list[int]:
        return [a.id for a in library.list_articles(ArticleQuery(search=words))]

    assert found("quadratic") == [aid]  # the comment
    assert found("talk") == [aid]  # the note, saved after the highlight
    library.set_note(aid, "")
    assert found("quadratic") == [aid]  # clearing the note keeps the highlight's text


def test_unsubscribing_keeps_highlighted_articles(library: Library) -> None:
    aid = _article(library)
    library.highlight(aid, "every token")
    feed_id = library.get_article(aid).feed_id
    assert library.remove_feed(feed_id).kept == 1
    assert library.list_highlights(aid)[0].quote == "every token"


def test_a_backup_restores_highlights_and_carries_web_annotations(
    library: Library, tmp_path
) -> None:
    aid = _article(library)
    h = library.highlight(aid, "The softmax turns", note="weights").highlight
    data = json.loads(library.export_json())
    (annotation,) = data["annotations"]
    assert annotation["type"] == "Annotation" and annotation["motivation"] == "highlighting"
    quote, position = annotation["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "The softmax turns",
        "prefix": h.prefix,
        "suffix": h.suffix,
    }
    assert position == {"type": "TextPositionSelector", "start": h.start, "end": h.end}
    assert annotation["body"]["value"] == "weights"
    with Library.open(tmp_path / "restored") as restored:
        restored.restore_backup(data)
        (back,) = restored.list_highlights()
        assert (back.id, back.quote, back.note, back.start) == (h.id, h.quote, "weights", h.start)
        assert [a.id for a in restored.list_articles(ArticleQuery(search="weights"))] == [aid]


# --- through sync: a changed text re-anchors, a gone quote orphans ---------------------


def test_sync_reanchors_and_orphans_but_never_deletes(library: Library, loopback) -> None:
    def serve(html: str) -> None:
        item = Item("a1", "Attention, slowly", "https://blog.example/a1", html=html)
        loopback.route("/feed.xml", body=rss([item]))

    serve(BODY)
    feed = library.store.add_feed(loopback.url("/feed.xml"))
    library.sync()
    (aid,) = [a.id for a in library.list_articles()]
    h = library.highlight(aid, "The softmax is not", note="keep").highlight

    serve("<p>An update note at the top of the post.</p>" + BODY)
    library.sync()
    (moved,) = library.list_highlights(aid)
    assert not moved.orphaned and moved.start > h.start
    assert library.article_text(aid)[moved.start : moved.end] == "The softmax is not"

    serve("<p>Rewritten from scratch: nothing of the old text is left.</p>")
    library.sync()
    (orphan,) = library.list_highlights(aid)
    assert orphan.orphaned and (orphan.quote, orphan.note) == ("The softmax is not", "keep")

    serve(BODY)  # the edit is undone: the highlight finds its place again
    library.sync()
    assert not library.list_highlights(aid)[0].orphaned
    assert feed.id == library.get_article(aid).feed_id


# --- exports and the CLI -------------------------------------------------------------


def test_markdown_and_readwise_carry_the_highlights(library: Library) -> None:
    aid = _article(library)
    library.highlight(aid, "every token", note="all pairs")
    markdown = library.export_markdown()
    assert "> every token" in markdown and "— all pairs" in markdown
    assert "Attention, slowly" in markdown  # the article's heading, with no note of its own
    rows = list(csv.reader(io.StringIO(library.export_readwise())))
    assert tuple(rows[0]) == READWISE_COLUMNS
    assert rows[1][:5] == [
        "every token",
        "Attention, slowly",
        "Ada",
        "https://blog.example/a1/",
        "all pairs",
    ]
    assert int(rows[1][5]) >= 1


def test_the_cli_highlights_lists_and_unhighlights(library: Library, cli) -> None:
    aid = _article(library)
    code, out, err = cli("highlight", str(aid), "every other token", "--note", "n²")
    assert (code, err) == (0, "") and out.startswith("highlight 1 in article")
    code, out, err = cli("highlight", str(aid), "no such words")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "does not contain 'no such words'" in err
    (row,) = cli_json(cli, "highlights", str(aid))
    assert set(row) == {
        "id",
        "article_id",
        "quote",
        "prefix",
        "suffix",
        "note",
        "created",
        "orphaned",
    }
    assert (row["quote"], row["note"], row["orphaned"]) == ("every other token", "n²", False)
    code, out, _ = cli("list", "--search", "n²", "--json")
    assert code == 0 and [a["id"] for a in json.loads(out)] == [aid]
    code, out, _ = cli("show", str(aid))
    assert code == 0 and "every other token" in out
    code, out, _ = cli("export", "readwise")
    assert code == 0 and out.splitlines()[0] == ",".join(READWISE_COLUMNS)
    assert cli("unhighlight", str(row["id"]))[0] == 0
    code, _, err = cli("unhighlight", str(row["id"]))
    assert code == 2 and "no highlight with id" in err


def test_one_series_leaves_as_markdown_or_readwise_in_part_order(library: Library, cli) -> None:
    feed = library.store.add_feed("https://blog.example/feed.xml")
    library.store.upsert_entries(
        feed.id,
        [
            incoming(entry("t2", "Transfer (2)", summary="<p>Fine-tuning the head.</p>"), "tl", 2),
            incoming(entry("t1", "Transfer (1)", summary="<p>Pretraining pays.</p>"), "tl", 1),
            incoming(entry("v1", "VAE (1)", summary="<p>The evidence bound.</p>"), "vae", 1),
        ],
    )
    ids = {a.guid: a.id for a in library.list_articles()}
    series = {s.name: s.id for s in library.list_series()}
    library.highlight(ids["t2"], "the head", note="second")
    library.highlight(ids["t1"], "Pretraining pays", note="first")
    library.highlight(ids["v1"], "evidence bound")
    library.set_note(ids["v1"], "a VAE note")

    markdown = library.export_markdown(series_id=series["Tl"])
    assert markdown.index("> Pretraining pays") < markdown.index("> the head")  # part order
    assert "evidence bound" not in markdown and "a VAE note" not in markdown
    rows = library.export_readwise(series_id=series["Tl"]).splitlines()[1:]
    assert [r.split(",")[0] for r in rows] == ["Pretraining pays", "the head"]

    code, out, _ = cli("export", "markdown", "--series", str(series["Vae"]))
    assert code == 0 and "a VAE note" in out and "Pretraining" not in out
    code, _, err = cli("export", "json", "--series", str(series["Vae"]))
    assert code == 2 and "--series is for markdown, readwise and epub" in err
    assert cli("export", "readwise", "--series", "999")[0] == 2
