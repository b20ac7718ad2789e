"""The compact library (packed HTML, a contentless search index): what it stores, that
it reads back the same, and that a schema-6 library migrates to it keeping everything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers import entry, incoming
from legacy import old_schema, write_article, write_feed, write_fulltext, write_highlight
from readinglist.model.query import ArticleQuery
from readinglist.model.records import IncomingArticle, ParsedEntry
from readinglist.model.snippets import Segment, excerpt, highlight, match_pattern, opening
from readinglist.storage import codec
from readinglist.storage.db import SCHEMA_VERSION
from readinglist.storage.store import Store

LONG_HTML = "<p>" + " ".join(f"gradient{i % 37} descent über naïve" for i in range(80)) + "</p>"


@pytest.mark.parametrize(
    "text",
    ["", "short", "é" * 95, LONG_HTML, "<p>\ud800 lone surrogate</p>" * 10, "x" * 10_000],
)
def test_codec_round_trips(text: str) -> None:
    packed = codec.pack(text)
    assert codec.unpack(packed) == text
    assert codec.pack(packed) == packed  # packing twice changes nothing
    assert codec.unpack_summary(codec.pack_summary(text, ""), "") == text


def test_codec_compresses_long_text_and_stores_a_repeated_summary_once() -> None:
    packed = codec.pack(LONG_HTML)
    assert isinstance(packed, bytes) and len(packed) < len(LONG_HTML) // 2
    assert codec.pack("<p>short</p>") == "<p>short</p>"  # not worth a zlib frame
    assert codec.pack_summary(LONG_HTML, LONG_HTML) == codec.SAME_AS_CONTENT
    assert codec.unpack_summary(codec.SAME_AS_CONTENT, LONG_HTML) == LONG_HTML
    assert codec.unpack_summary("", LONG_HTML) == ""  # no summary is not "same as content"
    assert codec.unpack(None) == ""


def _atom_entry(guid: str, html: str) -> IncomingArticle:
    e = entry(guid, summary=html)
    same = ParsedEntry(
        **{**{f: getattr(e, f) for f in e.__dataclass_fields__}, "content_html": html}
    )
    return incoming(same)


def test_a_new_library_stores_html_packed_and_reads_it_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "lib.sqlite3")
    try:
        fid = write_feed(store.db, "https://a.example/feed")
        rss_id, atom_id, tiny_id = store.upsert_entries(
            fid,
            [
                incoming(entry("rss", summary=LONG_HTML)),
                _atom_entry("atom", LONG_HTML),
                incoming(entry("tiny", summary="<p>hi</p>")),
            ],
        ).new_ids
        raw = dict(
            (aid, (s, c))
            for aid, s, c in store.db.execute_sql(
                "SELECT id, summary_html, content_html FROM article"
            )
        )
        assert isinstance(raw[rss_id][0], bytes) and raw[rss_id][1] == ""
        assert raw[atom_id] == (codec.SAME_AS_CONTENT, codec.pack(LONG_HTML))
        assert raw[tiny_id] == ("<p>hi</p>", "")
        rss, atom, tiny = (store.get_content(i) for i in (rss_id, atom_id, tiny_id))
        assert (rss.summary_html, rss.content_html) == (LONG_HTML, "")
        assert (atom.summary_html, atom.content_html) == (LONG_HTML, LONG_HTML)
        assert (tiny.summary_html, tiny.content_html) == ("<p>hi</p>", "")
        assert store.article_texts([rss_id, atom_id]) == {rss_id: LONG_HTML, atom_id: LONG_HTML}
        store.set_fulltext(rss_id, LONG_HTML * 3, words=500, source_url="https://a.example/x")
        (kept,) = store.db.execute_sql("SELECT html FROM fulltext").fetchone()
        assert isinstance(kept, bytes)
        assert store.get_content(rss_id).fulltext_html == LONG_HTML * 3
        # the index keeps no copy of its own (no _content shadow table)
        tables = {r[0] for r in store.db.execute_sql("SELECT name FROM sqlite_master")}
        assert "article_fts_content" not in tables and "search_text" in tables
    finally:
        store.close()


def test_search_index_follows_updates_notes_and_removals(tmp_path: Path) -> None:
    store = Store(tmp_path / "lib.sqlite3")
    try:
        fid = write_feed(store.db, "https://a.example/feed")
        e = entry("a", title="Alpha")
        (aid,) = store.upsert_entries(fid, [incoming(e)]).new_ids
        store.set_note(aid, "remember quokka")

        def found(word: str) -> list[int]:
            return [a.id for a in store.list_articles(ArticleQuery(search=word))]

        assert found("quokka") == found("searchable") == [aid]
        changed = IncomingArticle(e, incoming(e).series, "h2", "Alpha rewritten wombat text")
        store.upsert_entries(fid, [changed])
        assert found("wombat") == found("quokka") == [aid]  # the note stays indexed
        assert found("searchable") == []  # the old body is gone from the index
        store.set_note(aid, None)
        assert found("quokka") == []
        store.remove_feed(fid, keep_annotated=False)
        assert found("wombat") == []
        assert store.db.execute_sql("SELECT COUNT(*) FROM search_text").fetchone()[0] == 0
        # FTS5's own check: the index agrees with what it was fed
        store.db.execute_sql("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
    finally:
        store.close()


def _schema6_library(path: Path) -> dict[str, int]:
    """A library as schema 6 wrote it: an RSS post with a note and a highlight, an Atom
    post (summary repeated as content) with a full text, read and starred."""
    with old_schema(path, 6) as store:
        fid = write_feed(store.db, "https://a.example/feed")
        db = store.db
        rss = write_article(
            db,
            fid,
            "rss",
            title="Transfer Learning (1)",
            summary_html=LONG_HTML,
            body="pretrained backbone über naïve descent",
            note="my own note about quokkas",
        )
        write_highlight(db, rss, "backbone", "marked wombat")
        atom = write_article(
            db,
            fid,
            "atom",
            title="Compilers (2)",
            summary_html=LONG_HTML,
            content_html=LONG_HTML,
            body="lexer parser codegen descent",
            read=True,
            starred=True,
            day=2,
        )
        write_fulltext(db, atom, LONG_HTML * 4, words=1234)
        plain = write_article(db, fid, "plain", title="Short", summary_html="<p>hi</p>", day=3)
    return {"rss": rss, "atom": atom, "plain": plain}


def _old_excerpts(store: Store, text: str) -> dict[int, tuple[Segment, ...]]:
    """The filter's excerpts as schema 6 cut them: from the index's own copy."""
    pattern = match_pattern(text)
    out = {}
    for rowid, title, body, note in store.db.execute_sql(
        "SELECT rowid, title, body, note FROM article_fts"
    ):
        cut = excerpt(body, pattern)
        if not cut and note and (cut := excerpt(note, pattern)):
            cut = f"Note: {cut}"
        out[rowid] = highlight(cut or excerpt(title, pattern) or opening(body), pattern)
    return out


def test_a_schema_6_library_migrates_keeping_everything(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    ids = _schema6_library(path)
    words = ("quokkas", "wombat", "backbone", "naive", "lexer", "descent", "transfer", "short")
    with old_schema(path, 6) as old:
        before = {w: [a.id for a in old.list_articles(ArticleQuery(search=w))] for w in words}
        excerpts_before = _old_excerpts(old, "descent")
        content_before = {k: old.get_content(i) for k, i in ids.items()}
        articles_before = {a.id: a for a in old.list_articles()}
        highlights_before = old.list_highlights([ids["rss"]])
    size_before = path.stat().st_size

    store = Store(path)
    try:
        assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {w: [a.id for a in store.list_articles(ArticleQuery(search=w))] for w in words} == (
            before
        )
        assert before["quokkas"] == before["wombat"] == [ids["rss"]]
        assert before["descent"] == [ids["atom"], ids["rss"]]
        assert store.match_excerpts(list(ids.values()), "descent") == excerpts_before
        assert {k: store.get_content(i) for k, i in ids.items()} == content_before
        assert content_before["atom"].fulltext_html == LONG_HTML * 4
        assert {a.id: a for a in store.list_articles()} == articles_before
        assert store.list_highlights([ids["rss"]]) == highlights_before
        assert store.get_note(ids["rss"]) == "my own note about quokkas"
        assert store.fulltext_words(ids["atom"]) == 1234
        atom = articles_before[ids["atom"]]
        assert atom.read and atom.starred and atom.word_count == 1234
        raw = store.db.execute_sql(
            "SELECT summary_html, content_html FROM article WHERE id = ?", (ids["atom"],)
        ).fetchone()
        assert raw == (codec.SAME_AS_CONTENT, codec.pack(LONG_HTML))
        tables = {r[0] for r in store.db.execute_sql("SELECT name FROM sqlite_master")}
        assert "article_fts_content" not in tables
        store.db.execute_sql("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        assert store.integrity_ok()
        # a later edit still finds and replaces the migrated index rows
        store.set_note(ids["rss"], "now about echidnas")
        found = [a.id for a in store.list_articles(ArticleQuery(search="echidnas"))]
        assert found == [ids["rss"]]
        assert store.list_articles(ArticleQuery(search="quokkas")) == []
        assert [a.id for a in store.list_articles(ArticleQuery(search="wombat"))] == [ids["rss"]]
    finally:
        store.close()
    # rewritten (VACUUM), not grown: but for schema 7's new empty tables and indexes (the
    # sync account's), a page each
    assert path.stat().st_size <= size_before + 8 * 4096
    (backup,) = tmp_path.glob("lib.sqlite3.v6-*.bak")
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT summary_html FROM article WHERE guid = 'rss'").fetchone() == (
            LONG_HTML,
        )
    finally:
        con.close()


def test_a_json_backup_holds_text_and_restores_packed(tmp_path: Path) -> None:
    source = Store(tmp_path / "a.sqlite3")
    try:
        fid = source.add_feed("https://a.example/feed").id
        (aid,) = source.upsert_entries(fid, [_atom_entry("atom", LONG_HTML)]).new_ids
        source.set_fulltext(aid, LONG_HTML, words=9, source_url="https://a.example/x")
        source.set_note(aid, "kept note")
        data = source.dump()
        content = source.get_content(aid)
    finally:
        source.close()
    (row,) = data["articles"]  # type: ignore[index]
    assert row["summary_html"] == row["content_html"] == LONG_HTML
    assert data["fulltexts"][0]["html"] == LONG_HTML  # type: ignore[index]
    target = Store(tmp_path / "b.sqlite3")  # one store at a time: the models share a proxy
    try:
        target.restore(data)
        assert target.get_content(aid) == content
        (raw,) = target.db.execute_sql("SELECT summary_html FROM article").fetchone()
        assert raw == codec.SAME_AS_CONTENT
        found = [a.id for a in target.list_articles(ArticleQuery(search="kept"))]
        assert found == [aid]
    finally:
        target.close()
