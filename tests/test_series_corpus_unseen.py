"""The series-unseen corpus file: parses, has enough blogs, every label well-formed."""

from __future__ import annotations

from series_corpus import DATA, assert_labels_well_formed, read_records

CORPUS = DATA / "series-unseen" / "corpus.jsonl"


def records() -> list[dict[str, object]]:
    return read_records(CORPUS)


def test_corpus_parses_and_has_twelve_blogs() -> None:
    rs = records()
    assert len(rs) >= 1400
    assert len({r["blog"] for r in rs}) >= 12


def test_every_label_is_well_formed() -> None:
    assert_labels_well_formed(records())
