"""A series as an EPUB 3 e-book: parts in order, full texts, notes and highlights, the
pictures the reader loaded; checked by epubcheck. Against a loopback blog."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest

from feedgen import Item, rss
from readinglist.model.errors import SeriesNotFoundError
from readinglist.model.query import ArticleQuery
from readinglist.services.library import Library

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")  # Debian's epubcheck package


def png_bytes() -> bytes:
    """A real 1x1 PNG (epubcheck reads images)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def page(part: int) -> bytes:
    """Part ``part``'s page: chrome around an article with a figure, a table with
    old-fashioned attributes, a code block, an <h1> of its own and a remote image."""
    return (
        "<!doctype html><html><head><title>Attention</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about'>About this blog and its author</a></nav>"
        f"<article id='post'><h1>Attention explained, part {part}</h1>"
        f"<p>Part {part} begins where the last one stopped: every token looks at every other "
        "token, and the cost of that grows with the square of the length.</p>"
        "<figure><img src='/img/heads.png' alt='Four attention heads' width='100%'>"
        "<figcaption>Four heads at work</figcaption></figure>"
        "<p>The softmax turns raw scores into weights that sum to one, so each output is "
        "a weighted average of the values.</p>"
        "<table border='1' width='80%'><tr><th colspan='2'>cost</th></tr>"
        "<tr><td align='center'>dense</td><td>quadratic</td></tr></table>"
        "<pre><code>scores = q @ k.T / sqrt(d)\nweights = softmax(scores)</code></pre>"
        "<p>Sparse patterns cut that cost for long documents, at some loss of reach.</p>"
        "<p><img src='/img/not-loaded.jpg' alt='A chart never loaded'></p>"
        "<p>Next time: how the heads are combined and projected back.</p>"
        "</article><footer><p>Copyright and footer words</p></footer></body></html>"
    ).encode()


@pytest.fixture
def series_id(library: Library, loopback) -> int:
    items = [
        Item(
            f"attention-{n}",
            f"Attention Explained ({n})",
            loopback.url(f"/attention/{n}/"),
            html="<p>A teaser. Read more on the site.</p>",
            day=n,
        )
        for n in (3, 1, 4)  # out of order in the feed, part 2 missing
    ]
    loopback.route("/feed.xml", body=rss(items), content_type="application/rss+xml")
    for n in (1, 3, 4):
        loopback.route(f"/attention/{n}/", body=page(n), content_type="text/html")
    loopback.route("/img/heads.png", body=png_bytes(), content_type="image/png")
    library.store.add_feed(loopback.url("/feed.xml"))
    library.sync()
    (series,) = library.store.list_series()
    return series.id


def parts(library: Library, series_id: int) -> dict[int, int]:
    articles = library.store.list_articles(ArticleQuery(series_id=series_id, order="part"))
    return {a.part: a.id for a in articles if a.part is not None}


def read_epub(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name).decode("utf-8", "replace") for name in book.namelist()}


def run_epubcheck(path: Path) -> subprocess.CompletedProcess[str] | None:
    java = shutil.which("java")
    if java is None or not EPUBCHECK_JAR.exists():
        if os.environ.get("READINGLIST_REQUIRE_EPUBCHECK"):  # .ci/run installs both
            pytest.fail("epubcheck is not installed (apt: epubcheck default-jre-headless)")
        return None
    return subprocess.run(
        [java, "-jar", str(EPUBCHECK_JAR), str(path)], capture_output=True, text=True, timeout=300
    )


def test_a_series_leaves_as_an_epub_that_passes_epubcheck(
    library: Library, loopback, series_id: int, cli, tmp_path: Path
) -> None:
    ids = parts(library, series_id)
    assert sorted(ids) == [1, 3, 4]
    for article_id in ids.values():
        library.fetch_fulltext(article_id)
    # The reader loaded the picture while reading part 1 (the pane caches what it loads).
    library.image_cache.put(loopback.url("/img/heads.png"), png_bytes())
    library.set_note(ids[1], "Read this twice.\nThe cost argument is the key.")
    library.highlight(ids[1], "turns raw scores into weights", note="the softmax")
    library.highlight(ids[3], "Sparse patterns cut that cost")

    out = tmp_path / "attention.epub"
    code, _out, err = cli("export", "epub", "--series", str(series_id), "-o", str(out))
    assert code == 0, err

    with zipfile.ZipFile(out) as book:
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert book.read("mimetype") == b"application/epub+zip"
    files = read_epub(out)
    chapters = sorted(name for name in files if "/part-" in name)
    assert len(chapters) == 3
    texts = [files[name] for name in chapters]
    for text, n in zip(texts, (1, 3, 4), strict=True):  # part order, not feed order
        assert f"Part {n}: Attention Explained ({n})" in text
        assert f"Part {n} begins where the last one stopped" in text  # the full text
        assert "About this blog" not in text  # not the site's chrome
    title_page = next(text for name, text in files.items() if name.endswith("title.xhtml"))
    assert "Not in your library: part 2" in title_page

    one = texts[0]
    assert "<mark>turns raw scores into weights</mark>" in one
    assert "the softmax" in one and "Read this twice." in one  # comment and note
    assert "[Image: A chart never loaded]" in one  # no remote loads in a book
    assert 'src="images/image-0001.png"' in one
    assert any(name.endswith("images/image-0001.png") for name in files)
    assert "127.0.0.1" not in "".join(
        line for line in one.splitlines() if "<img" in line
    )  # every picture inside the book
    assert "<mark>Sparse patterns cut that cost</mark>" in texts[1]

    result = run_epubcheck(out)
    if result is None:
        pytest.skip("epubcheck (java -jar) is not installed here; the rest was checked")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout


def test_a_series_without_full_texts_still_makes_a_valid_book(
    library: Library, series_id: int, tmp_path: Path
) -> None:
    data = library.export_epub(series_id)  # the feed's teasers; no pictures cached
    out = tmp_path / "teasers.epub"
    out.write_bytes(data)
    assert any("A teaser. Read more on the site." in t for t in read_epub(out).values())
    result = run_epubcheck(out)
    if result is not None:
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_cli_says_what_an_epub_needs(
    library: Library, series_id: int, cli, tmp_path: Path
) -> None:
    code, out, err = cli("export", "epub")
    assert code == 2 and not out and "--series" in err and len(err.splitlines()) == 1
    never = tmp_path / "never.epub"
    code, _out, err = cli("export", "epub", "--series", "999", "-o", str(never))
    assert code != 0 and "999" in err and len(err.splitlines()) == 1
    assert not never.exists()
    code, _out, err = cli("export", "opml", "--series", str(series_id))
    assert code == 2 and "markdown, readwise and epub" in err
    with pytest.raises(SeriesNotFoundError):
        library.export_epub(999)


def test_the_window_exports_the_shown_series_as_an_e_book(
    qtbot, library: Library, series_id: int, open_window, tmp_path: Path
) -> None:
    pytest.importorskip("PySide6")
    window = open_window()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.series_commands.export_epub(str(tmp_path / "nothing.epub"))  # nothing picked
    assert any("Pick a series" in m for m in messages)
    assert not (tmp_path / "nothing.epub").exists()

    window.tree.select_index(window.model.series_index(series_id))
    assert window.series_commands.series_target() == series_id
    out = tmp_path / "from the window.epub"
    window.series_commands.export_epub(str(out))
    qtbot.waitUntil(lambda: any(m.startswith(f"Saved {out}") for m in messages), timeout=10_000)
    assert read_epub(out)["mimetype"] == "application/epub+zip"
    assert "export_series_epub" in window.commands  # the Series menu's entry
