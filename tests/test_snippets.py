"""Filter excerpts: the matched words in context, cut from the indexed text."""

from __future__ import annotations

from helpers import entry, incoming
from readinglist.model.snippets import excerpt, highlight, match_pattern, opening
from readinglist.storage.store import Store


def test_words_match_as_word_prefixes_ignoring_case() -> None:
    pattern = match_pattern("Attent  MASK")
    assert highlight("Self-attention masks the future; unmasked heads", pattern) == (
        ("Self-", False),
        ("attention", True),
        (" ", False),
        ("masks", True),
        (" the future; unmasked heads", False),  # "unmasked" does not start with "mask"
    )
    assert match_pattern("  --- ") is None
    assert highlight("plain", None) == (("plain", False),)


def test_excerpt_is_cut_around_the_first_match_at_word_boundaries() -> None:
    body = " ".join(f"w{n}" for n in range(200)) + " the rotary trick " + "tail " * 100
    cut = excerpt(body, match_pattern("rotary"), width=60)
    assert "rotary" in cut
    assert cut.startswith("…w") and cut.endswith("…")
    assert len(cut) <= 62
    assert cut.index("rotary") < len(cut) // 2  # most of the room is after the word
    assert excerpt("short text with rotary", match_pattern("rotary")) == "short text with rotary"
    assert excerpt("nothing here", match_pattern("rotary")) == ""
    assert opening("a\n\nfew   words") == "a few words"


def test_match_excerpts_from_body_note_or_title(store: Store) -> None:
    feed = store.add_feed("https://blog.example/feed.xml", title="Example")
    a, b, c = store.upsert_entries(
        feed.id,
        [
            incoming(entry("a", "Rotary positions")),  # body: "Rotary positions searchable…"
            incoming(entry("b", "Masks")),
            incoming(entry("c", "Café culture")),
        ],
    ).new_ids
    store.set_note(b, "compare with the rotary trick")
    found = store.match_excerpts([a, b, c], "rotary")
    assert found[a] == (("Rotary", True), (" positions searchable body text", False))
    assert found[b] == (
        ("Note: compare with the ", False),
        ("rotary", True),
        (" trick", False),
    )
    assert found[c] == (("Café culture searchable body text", False),)  # no match: opening
    assert store.match_excerpts([], "rotary") == {}
