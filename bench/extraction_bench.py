"""How well, and how fast, an article page becomes the full text we store.

Runs the whole path ``Library.fetch_fulltext`` takes after the download — the page's
main part (``feeds.site.text.main_html``: trafilatura's document written back as HTML),
sanitized like feed content (``sanitize_html``), read as text (``html_to_text``, what
highlights and ``show`` use) — over the 181 pages of
``../shared/corpora/article-extraction/`` and scores it with that benchmark's own
scorer (shingle F1, imported from its ``evaluate.py``, not copied).

Beside it, in the same run and on the same bytes:

* trafilatura called alone (``trafilatura.extract``, its plain-text output): what our
  path costs and gains over the library by itself;
* the plain text of the whole page (``html_to_text`` with no main-part step): the floor
  an extractor must beat.

Each extractor is run once over all pages before it is timed (imports, caches).

Usage: python bench/extraction_bench.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from readinglist.feeds.sanitize import html_to_text, sanitize_html  # noqa: E402
from readinglist.feeds.site.text import main_html  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "article-extraction"


def _scorer(corpus: Path) -> Any:
    spec = importlib.util.spec_from_file_location("extraction_evaluate", corpus / "evaluate.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no evaluate.py in {corpus}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stored_text(page: bytes) -> str:
    """The text ``fetch_fulltext`` stores for a page, as the reader reads it."""
    return html_to_text(sanitize_html(main_html(page, None), None))


def trafilatura_alone(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page) or ""


def whole_page_text(page: bytes) -> str:
    return html_to_text(page.decode("utf-8", errors="replace"))


def run(pages: dict[str, bytes], extract: Callable[[bytes], str]) -> tuple[dict, list[float]]:
    out: dict[str, dict[str, str]] = {}
    times: list[float] = []
    for key, page in pages.items():
        t0 = time.perf_counter()
        text = extract(page)
        times.append((time.perf_counter() - t0) * 1000)
        out[key] = {"articleBody": text}
    return out, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    corpus: Path = args.corpus
    if not (corpus / "ground-truth.json").exists():
        print(f"extraction_bench: no corpus in {corpus}", file=sys.stderr)
        return 2
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        key: gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes()) for key in truth
    }
    scorer = _scorer(corpus)
    print(f"{len(pages)} pages; shingle F1 by the benchmark's own scorer")
    print(f"{'':38} {'F1':>6} {'prec':>6} {'recall':>6} {'ms median':>10} {'ms p95':>8}")
    figures = {}
    for name, extract in (
        ("stored full text (main part, sanitized)", stored_text),
        ("trafilatura alone (extract, text)", trafilatura_alone),
        ("floor: whole page as text", whole_page_text),
    ):
        run(pages, extract)  # warm: imports and first-use caches are not per page
        predicted, times = run(pages, extract)
        metrics = scorer.evaluate(truth, predicted, n_bootstrap=0)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        figures[name] = metrics["f1"]
        print(
            f"{name:38} {metrics['f1']:6.3f} {metrics['precision']:6.3f} "
            f"{metrics['recall']:6.3f} {statistics.median(times):10.1f} {p95:8.1f}"
        )
    print(
        "RATIOS stored_f1={:.3f} alone_f1={:.3f} floor_f1={:.3f}".format(
            figures["stored full text (main part, sanitized)"],
            figures["trafilatura alone (extract, text)"],
            figures["floor: whole page as text"],
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
