"""What every labelled series corpus of ours must hold: the shared corpus' schema.

Used by the tests of bench/data/series-unseen/ and bench/data/series-heldout/, which
are built the same way and scored by the same eval.py.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "bench" / "data"
COMMON = {"blog", "title", "url", "url_source", "categories", "published", "series", "part"}
SIGNALS = {"title_number", "title_shared", "url_number", "metadata_only"}


def read_records(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def assert_labels_well_formed(records: list[dict[str, object]]) -> None:
    """Every field of the schema, and one kind (multipart or recurring) per series."""
    kinds: dict[tuple[object, object], set[object]] = defaultdict(set)
    for r in records:
        assert COMMON | {"source"} <= r.keys(), r
        assert isinstance(r["title"], str) and r["title"].strip()
        assert isinstance(r["url"], str) and r["url"].startswith(("http://", "https://"))
        assert isinstance(r["categories"], list)
        assert r["published"] is None or len(str(r["published"])) == 10
        if r["series"] is None:
            assert r["part"] is None and isinstance(r["hard_negative"], bool)
            assert "series_kind" not in r and "signal" not in r
        else:
            assert isinstance(r["series"], str) and r["series"]
            assert r["part"] is None or isinstance(r["part"], int)
            assert r["series_kind"] in {"multipart", "recurring"}
            assert r["signal"] in SIGNALS
            assert "hard_negative" not in r
            kinds[(r["blog"], r["series"])].add(r["series_kind"])
    assert all(len(k) == 1 for k in kinds.values())
