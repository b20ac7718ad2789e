"""Article HTML in the window: nothing local is read, nothing remote loads unasked
(a blocked image shows its alt text and a "Load images" choice), and only http/https
links leave the app."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QImage, QTextDocument

from helpers import entry, incoming
from readinglist.feeds.fetch import Fetcher
from readinglist.gui.article_view import ArticlePane
from readinglist.gui.background import BackgroundRunner
from readinglist.gui.safe_browser import SafeTextBrowser, image_limits
from readinglist.services.library import Library
from readinglist.storage.store import Store

# A 1x1 GIF: the classic tracking pixel.
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
MARKER = "SECRET-MARKER-7f3a"
TYPES = (
    QTextDocument.ResourceType.ImageResource,
    QTextDocument.ResourceType.HtmlResource,
    QTextDocument.ResourceType.StyleSheetResource,
    QTextDocument.ResourceType.MarkdownResource,
)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(MARKER, encoding="utf-8")
    return path


def local_urls(secret: Path) -> list[str]:
    return [
        "file:///etc/hostname",
        f"file://{secret}",
        str(secret),
        "secret.txt",
        "../secret.txt",
        "qrc:/qt-project.org/qmessagebox/images/qtlogo-64.png",
        ":/qt-project.org/qmessagebox/images/qtlogo-64.png",
        f"data:text/plain,{MARKER}",
        "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
    ]


def evil_html(secret: Path, pixel_url: str) -> str:
    images = "".join(f'<img src="{u}">' for u in local_urls(secret))
    return (
        f"<p>Intro</p>{images}"
        f'<link rel="stylesheet" href="file://{secret}">'
        f'<style>@import url("file://{secret}");</style>'
        '<p><a href="javascript:alert(1)">js</a> '
        '<a href="&#106;avascript:alert(2)">encoded js</a> '
        '<a href="java&#x09;script:alert(3)">tab js</a> '
        '<a href="JaVaScRiPt&colon;alert(4)">mixed js</a> '
        '<a href="file:///etc/passwd">file</a> '
        '<a href="https://blog.example/next/">next</a></p>'
        f'<img src="{pixel_url}" width="1" height="1">'
    )


def no_data(resource: object) -> bool:
    """What loadResource answers for a refused URL: the placeholder or empty bytes."""
    if isinstance(resource, QImage):
        return resource.size().width() == 32 and resource.size().height() == 24
    if isinstance(resource, QByteArray):
        return resource.isEmpty()
    return resource is None or resource == "" or resource == b""


def anchors(document: QTextDocument) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                found.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return found


@pytest.fixture
def pane(qtbot, store: Store, runner: BackgroundRunner, secret: Path, loopback):
    feed = store.add_feed("https://blog.example/feed.xml", title="Example")
    html = evil_html(secret, loopback.url("/pixel.gif"))
    (aid,) = store.upsert_entries(
        feed.id,
        [incoming(entry("evil", "<b>Bold?</b> title", link="javascript:alert(5)", summary=html))],
    ).new_ids
    widget = ArticlePane(Library(store), runner=runner)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    opened: list[QUrl] = []
    widget.opener = opened.append
    widget.opened = opened  # type: ignore[attr-defined]
    widget.test_article_id = aid  # type: ignore[attr-defined]
    loopback.route("/pixel.gif", body=PIXEL, content_type="image/gif")
    return widget


def render(qtbot, pane: ArticlePane) -> None:
    assert pane.show_article(pane.test_article_id)  # type: ignore[attr-defined]
    pane.browser().document().size()  # force the layout: every image is asked for
    qtbot.wait(200)


def test_nothing_local_is_read(qtbot, pane: ArticlePane, secret: Path) -> None:
    render(qtbot, pane)
    browser = pane.browser()
    shown = browser.toHtml() + browser.toPlainText()
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    assert MARKER not in shown
    if hostname:
        assert hostname not in browser.toPlainText()
    assert "file:" not in browser.article_html() and "qrc:" not in browser.article_html()
    # Ask the document the way Qt does for each URL: our loadResource must answer (never
    # null: a null answer makes QTextDocument read local files and data: URLs itself).
    for url in local_urls(secret):
        for kind in TYPES:
            resource = browser.document().resource(kind, QUrl(url))
            assert no_data(resource), (url, kind, resource)
    assert pane.current_article().title == "<b>Bold?</b> title"  # type: ignore[union-attr]
    assert pane._title.text() == "<b>Bold?</b> title"  # plain text, never rendered


def test_no_request_while_remote_images_are_off(qtbot, pane: ArticlePane, loopback) -> None:
    render(qtbot, pane)
    qtbot.wait(300)
    assert loopback.count("/pixel.gif") == 0
    assert loopback.count() == 0
    # The only remote image is a 1x1 tracker: dropped, not offered for loading.
    assert pane.browser().blocked_image_count() == 0
    assert pane.image_bar().text() == ""


def test_only_web_links_are_opened(qtbot, pane: ArticlePane) -> None:
    render(qtbot, pane)
    browser = pane.browser()
    hrefs = {href for href in anchors(browser.document()) if href}
    assert hrefs == {"https://blog.example/next/"}  # the sanitizer removed the rest
    opened = pane.opened  # type: ignore[attr-defined]
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "file:///etc/passwd",
        "qrc:/x",
        "data:text/html,<b>x</b>",
        "mailto:ada@example.org",
        "secret.txt",
        "http:///no-host",
    ):
        with qtbot.waitSignal(pane.linkRefused, timeout=1000) as refused:
            browser.anchorClicked.emit(QUrl(bad))
        assert refused.args[0]
    assert opened == []
    browser.anchorClicked.emit(QUrl("https://blog.example/next/"))
    assert [u.toString() for u in opened] == ["https://blog.example/next/"]
    # The article's own link is javascript: here: "Open in browser" refuses it too.
    with qtbot.waitSignal(pane.linkRefused, timeout=1000):
        assert not pane.open_in_browser()
    assert len(opened) == 1


class RecordingFetcher(Fetcher):
    def __init__(self) -> None:
        super().__init__(image_limits())
        self.threads: list[int] = []

    def fetch(self, url: str, **kwargs):  # type: ignore[override]
        self.threads.append(threading.get_ident())
        return super().fetch(url, **kwargs)


def test_allowed_images_load_once_off_the_gui_thread(
    qtbot, runner: BackgroundRunner, loopback
) -> None:
    loopback.route("/pixel.gif", body=PIXEL, content_type="image/gif")
    loopback.route("/page.html", body="<p>not an image</p>", content_type="text/html")
    fetchers: list[RecordingFetcher] = []

    def factory() -> Fetcher:
        fetchers.append(RecordingFetcher())
        return fetchers[-1]

    browser = SafeTextBrowser(runner=runner, fetcher_factory=factory)
    qtbot.addWidget(browser)
    browser.resize(400, 300)
    browser.show()
    pixel = loopback.url("/pixel.gif")
    html = f'<p>a</p><img src="{pixel}"><img src="{loopback.url("/page.html")}">'
    browser.set_article_html(html, "https://blog.example/post/")
    qtbot.wait(200)
    assert loopback.count() == 0  # off by default
    browser.set_remote_images_allowed(True)
    with qtbot.waitSignal(browser.imageLoaded, timeout=5000):
        pass
    qtbot.waitUntil(lambda: loopback.count("/page.html") == 1, timeout=5000)
    image = browser.cached_image(pixel)
    assert image is not None and (image.width(), image.height()) == (1, 1)
    assert fetchers[0].threads and threading.get_ident() not in fetchers[0].threads
    # Re-render (another visit to the same article): served from the cache.
    browser.set_article_html(html, "https://blog.example/post/")
    browser.document().size()
    qtbot.wait(300)
    shown = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(pixel))
    assert isinstance(shown, QImage) and (shown.width(), shown.height()) == (1, 1)
    assert loopback.count("/pixel.gif") == 1
    assert loopback.count("/page.html") == 1  # a non-image answer is not retried
    browser.close_fetcher()


def png(width: int = 3, height: int = 2) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def picture_post(store: Store, feed_id: int, guid: str, image_url: str, alt: str) -> int:
    body = (
        f"<p>Before the figure.</p><p><img src='{image_url}' alt='{alt}'></p>"
        f"<p><img src='{image_url}'></p><p>After the figure.</p>"
    )
    (aid,) = store.upsert_entries(feed_id, [incoming(entry(guid, summary=body))]).new_ids
    return aid


@pytest.fixture
def pictures(qtbot, store: Store, runner: BackgroundRunner, loopback):
    """An ArticlePane over two posts of blog.example, each with one picture (and the same
    picture again without alt text) served by the loopback server."""
    loopback.route("/a.png", body=png(), content_type="image/png")
    loopback.route("/b.png", body=png(), content_type="image/png")
    feed = store.add_feed("https://blog.example/feed.xml", title="Example")
    a = picture_post(store, feed.id, "a", loopback.url("/a.png"), "Attention <heads> & masks")
    b = picture_post(store, feed.id, "b", loopback.url("/b.png"), "Loss curve")
    widget = ArticlePane(Library(store), runner=runner)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    yield widget, a, b
    widget.browser().close_fetcher()


def test_blocked_image_shows_its_alt_text_and_a_load_choice(qtbot, pictures, loopback) -> None:
    pane, a, _b = pictures
    assert pane.show_article(a)
    pane.browser().document().size()
    qtbot.wait(200)
    text = pane.browser().toPlainText()
    assert "[image: Attention <heads> & masks]" in text  # plain text, never markup
    assert "[image]" in text  # the same picture without alt text
    assert text.index("Before the figure.") < text.index("[image: ") < text.index("After")
    assert pane.image_bar().text() == "2 images blocked · Load images ▾"
    assert pane.image_bar().choices() == ["For this article", "Always for blog.example"]
    assert pane.browser().blocked_image_count() == 2
    assert loopback.count() == 0


def test_load_images_for_this_article_only(qtbot, pictures, loopback) -> None:
    pane, a, b = pictures
    browser = pane.browser()
    assert pane.show_article(a)
    with qtbot.waitSignal(browser.imageLoaded, timeout=5000) as loaded:
        pane.load_images_for_article()
    assert loaded.args == [loopback.url("/a.png")]
    assert "[image" not in browser.toPlainText()
    assert pane.image_bar().text() == ""
    qtbot.wait(200)  # the page re-renders with the picture
    shown = browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(loopback.url("/a.png"))
    )
    assert isinstance(shown, QImage) and (shown.width(), shown.height()) == (3, 2)
    # Another article of the same site: still blocked, nothing requested.
    assert pane.show_article(b)
    qtbot.wait(300)
    assert "[image: Loss curve]" in browser.toPlainText()
    assert pane.image_bar().text() == "2 images blocked · Load images ▾"
    assert loopback.count("/b.png") == 0
    # Back to the first: its images load again (from the cache, no second request).
    assert pane.show_article(a)
    qtbot.wait(200)
    assert "[image" not in browser.toPlainText()
    assert loopback.count("/a.png") == 1


def test_a_failed_image_shows_its_alt_text(qtbot, store: Store, runner, loopback) -> None:
    loopback.route("/gone.png", status=404)
    feed = store.add_feed("https://blog.example/feed.xml", title="Example")
    aid = picture_post(store, feed.id, "gone", loopback.url("/gone.png"), "A lost chart")
    pane = ArticlePane(Library(store), runner=runner)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.show_article(aid)
    pane.load_images_for_article()
    qtbot.waitUntil(lambda: "[image: A lost chart]" in pane.browser().toPlainText(), timeout=5000)
    assert pane.image_bar().text() == ""  # not blocked: asked for, and it failed
    assert loopback.count("/gone.png") == 1
    pane.browser().close_fetcher()


@pytest.mark.parametrize(
    "fragment",
    [
        '<p>a <img src="/a.png" alt="A plot"> b</p>',
        '<p title="<img src=/fake.png>">not an image</p><img src="/real.png">',
        "<p>1 &lt;img src=/text.png&gt; 2</p><IMG SRC='/upper.png' ALT='x &quot;y&quot; <z>'>",
        '<img src="/pixel.gif" width="1" height="1"><img src="/wide.png" width="600">',
        "<figure><img src=/unquoted.png alt=unquoted></figure><img>",
        "<script><img src=/in-script.png></script><p>after</p>",
    ],
)
def test_image_scan_agrees_with_an_html_parser_on_sanitized_html(fragment: str) -> None:
    """The pane finds images in sanitized HTML with one regular-expression pass (fast
    enough for a long full text); html.parser, slower but general, is the oracle."""
    from html.parser import HTMLParser

    from readinglist.feeds.sanitize import sanitize_html
    from readinglist.gui.safe_browser import _scan_image_tags

    html = sanitize_html(fragment, "https://blog.example/post/")

    class Oracle(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[tuple[str, str, str]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "img":
                values = {k: v or "" for k, v in attrs}
                text = self.get_starttag_text() or ""
                self.found.append((values.get("src", ""), values.get("alt", ""), text))

    oracle = Oracle()
    oracle.feed(html)
    scanned = _scan_image_tags(html)
    assert [(t.src, t.alt, html[t.start : t.end]) for t in scanned] == oracle.found
