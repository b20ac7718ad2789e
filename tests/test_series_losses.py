"""bench/series_losses.py sorts a corpus' lost pairs by kind, and agrees with eval.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench" / "series_losses.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("series_losses_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _record(series: str | None, **extra: str) -> dict[str, object]:
    return {"blog": "b", "title": "t", "series": series, **extra}


def test_lost_pairs_are_sorted_by_kind() -> None:
    bench = _bench()
    records = [
        _record("A", series_kind="multipart", signal="title_number"),
        _record("A", series_kind="multipart", signal="title_number"),
        _record("A", series_kind="multipart", signal="title_number"),
        _record(None),  # grouped with two of A: declared + standalone
        _record(None),
        _record(None),  # these two: an undeclared group
        _record("B", series_kind="multipart", signal="title_shared"),
        _record("B", series_kind="multipart", signal="title_shared"),  # both alone
        _record("C", series_kind="recurring", signal="title_shared"),  # not scored
        _record("D", series_kind="multipart", signal="metadata_only"),  # not scored
    ]
    keys = ["x", "x", "y", "x", "u", "u", None, None, "u", "u"]
    preds = [{"series_key": k} for k in keys]
    found = bench.losses(records, preds)
    assert dict(found["false"]) == {"declared + standalone": 2, "undeclared": 1}
    assert dict(found["missed"]) == {"split": 2, "both alone": 1}
    # tp 1, fp 3, fn 3: F1 = 2 * 0.25 * 0.25 / 0.5; without the undeclared pair, fp 2
    assert abs(found["macro_f1"] - 0.25) < 1e-9
    assert abs(found["macro_f1_declared"] - 2 * (1 / 3) * 0.25 / (1 / 3 + 0.25)) < 1e-9
    assert "false pairs: 3" in bench.report(found)
