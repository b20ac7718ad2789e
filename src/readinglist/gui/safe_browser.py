"""``SafeTextBrowser``: shows feed HTML without letting it read, load or open anything.

Why so strict: article HTML comes from strangers. ``QTextBrowser`` has no JavaScript, but
by itself it would read ``file:`` and relative paths from disk, decode ``data:`` URLs and
follow links inside the widget. Here:

* HTML is sanitized again (``sanitize_html``) right before ``setHtml``: what reaches Qt
  has only http/https/mailto links and http/https images, whatever the database holds.
* ``loadResource`` is the only way Qt gets a resource, and it NEVER returns null: a null
  answer would make ``QTextDocument`` fall back to decoding ``data:`` URLs and reading
  local files itself. Everything that is not an http(s) image gets an empty byte array
  (or the placeholder image), so no local path, ``file:``, ``qrc:`` or ``data:`` is read.
* Remote images are off by default (they track readers). A blocked image is not left
  as an empty box: it is replaced, before ``setHtml``, by its alt text in grey
  ("[image: a diagram of …]", or "[image]" without alt), so Qt never even asks for it;
  a tracking pixel (declared 2×2 or smaller) is dropped silently and not counted.
  ``remoteImagesBlocked(n)`` says after each render how many were blocked (0 too), so
  the article pane can offer "Load images" for this article or always for its site.
  Images load when the preference allows them everywhere, when ``set_article_html``
  is told they are allowed for this article, or when the article's site (its link's
  host, ``site_of``) is in ``set_allowed_sites``. Then a cached image is served,
  otherwise a fetch starts on the ``BackgroundRunner`` (``Fetcher`` with small byte
  caps, image content types only, no SVG) and the page re-renders when it arrives; an
  image that fails shows its alt text like a blocked one.
* Links never navigate inside the widget. ``anchorClicked`` opens http/https links in
  the system browser through ``opener`` (injectable, for tests). Everything else is
  refused with ``linkRefused(message)`` — including ``mailto:``: the design opens only
  http/https from articles, and a mail client launched from a stranger's link is a
  surprise; the message shows the address so the reader can copy it.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from html import escape, unescape
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QImageReader,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from readinglist.gui.background import BackgroundRunner

__all__ = ["SafeTextBrowser", "image_limits", "is_web_url", "replace_images", "site_of"]

log = logging.getLogger(__name__)

#: Caps for one remote image: small, quick, few redirects.
if TYPE_CHECKING:
    from readinglist.feeds.fetch import Fetcher, FetchLimits


def image_limits() -> FetchLimits:
    """Caps for one image fetch. Built on demand: importing the HTTP stack (httpx, ssl)
    with the window would cost start-up time for a feature that is off by default."""
    from readinglist.feeds.fetch import FetchLimits

    return FetchLimits(
        connect_timeout=5.0,
        read_timeout=10.0,
        deadline=20.0,
        max_bytes=3 * 1024 * 1024,
        max_decompressed_bytes=6 * 1024 * 1024,
        max_redirects=3,
    )


def _image_fetcher() -> Fetcher:
    from readinglist.feeds.fetch import Fetcher

    return Fetcher(image_limits())


MAX_IMAGE_SIDE = 8000  # pixels; a small file can still decode to a huge bitmap
CACHE_SIZE = 128  # images kept per browser
ALT_CHARS = 120  # a blocked image's alt text is cut after this
PIXEL_SIDE = 2  # an image declared this small on both sides is a tracker, not a picture
_WEB_SCHEMES = ("http", "https")


def is_web_url(url: QUrl) -> bool:
    """An absolute http(s) URL with a host: the only kind we fetch or open."""
    return url.isValid() and url.scheme().lower() in _WEB_SCHEMES and bool(url.host())


def site_of(link: str | None) -> str:
    """The site of an article for "Always for <site>": its link's host in lower case,
    without a leading ``www.`` (one site either way); '' when the link is not http(s)."""
    url = QUrl(link or "")
    if not is_web_url(url):
        return ""
    return url.host().lower().removeprefix("www.")


def _muted(palette: QPalette) -> str:
    """A grey between the text and its background, readable in light and dark themes
    (the palette's own placeholder colour is the text colour made transparent, which
    an HTML colour cannot say)."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    pairs = zip(
        (text.red(), text.green(), text.blue()),
        (base.red(), base.green(), base.blue()),
        strict=True,
    )
    return QColor(*(round(b + (t - b) * 0.6) for t, b in pairs)).name()


def _placeholder() -> QImage:
    image = QImage(32, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor(220, 220, 220))
    return image


# Qt's rich text draws table cells edge to edge; full texts from pages carry tables.
# An attribute on each table, not a default style sheet: Qt parses that sheet again on
# every setHtml (1.2 ms of a long article's 5).
_PADDED_TABLE = '<table cellpadding="4">'


@dataclass(frozen=True, slots=True)
class _FetchedImage:
    url: str
    data: bytes | None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class _ImageTag:
    start: int  # offset of '<img' in the HTML
    end: int
    src: str
    alt: str
    pixel: bool  # declared PIXEL_SIDE or smaller on both sides: a tracker


# ``html`` here is always ``sanitize_html``'s output, which nh3 (html5ever) writes in one
# canonical form: a "<" in text is always "&lt;", and every attribute value is in double
# quotes with any '"' in it escaped. So a tag is "<" up to the first ">" outside double
# quotes, and one regular-expression pass finds every tag (in C, ~30x faster than
# html.parser, which made rendering a long full text miss the 16 ms frame).
_TAG = re.compile(r'<(?:[^">]|"[^"]*")*>')
_ATTRIBUTE = re.compile(r'([^\s"=/>]+)(?:="([^"]*)")?')


def _scan_image_tags(html: str) -> tuple[_ImageTag, ...]:
    tags: list[_ImageTag] = []
    for match in _TAG.finditer(html):
        text = match.group(0)
        if not text.startswith("<img") or text[4:5] not in (" ", ">", "/", "\n", "\t"):
            continue
        values = {
            name.lower(): unescape(value or "") for name, value in _ATTRIBUTE.findall(text[4:])
        }
        tags.append(
            _ImageTag(
                match.start(),
                match.end(),
                values.get("src", ""),
                values.get("alt", ""),
                _declared_small(values.get("width")) and _declared_small(values.get("height")),
            )
        )
    return tuple(tags)


def _declared_small(value: str | None) -> bool:
    digits = (value or "").strip().removesuffix("px")
    return digits.isdigit() and int(digits) <= PIXEL_SIDE


@functools.lru_cache(maxsize=4)
def _image_tags(html: str) -> tuple[_ImageTag, ...]:
    """Every ``<img>`` of sanitized HTML with where it is (to count, fetch or replace);
    kept for the last few articles, since showing one reads its images twice."""
    return _scan_image_tags(html) if "<img" in html else ()


def image_sources(html: str) -> list[str]:
    """The distinct ``src`` of the images in ``html``, in order."""
    return list(dict.fromkeys(tag.src for tag in _image_tags(html) if tag.src))


def alt_label(alt: str) -> str:
    """What a blocked image shows instead of itself: '[image: alt]' or '[image]'."""
    text = " ".join(alt.split())
    if len(text) > ALT_CHARS:
        text = text[: ALT_CHARS - 1].rstrip() + "…"
    return f"[image: {text}]" if text else "[image]"


def replace_images(html: str, replace: Callable[[str], bool], color: str) -> tuple[str, int]:
    """``html`` with every image whose src ``replace`` accepts shown as its alt text
    (a grey ``<span>``; trackers dropped), and how many pictures were replaced."""
    out: list[str] = []
    done = count = 0
    for tag in _image_tags(html):
        if not tag.src or not replace(tag.src):
            continue
        out.append(html[done : tag.start])
        if not tag.pixel:
            label = escape(alt_label(tag.alt))
            out.append(f'<span style="color:{color}; font-style:italic">{label}</span>')
            count += 1
        done = tag.end
    out.append(html[done:])
    return "".join(out), count


class ImageStore(Protocol):
    """Images kept on disk (``services.image_cache.ImageCache``)."""

    def get(self, url: str) -> bytes | None: ...
    def put(self, url: str, data: bytes) -> bool: ...


def _fetch_image(fetcher: Fetcher, url: str, store: ImageStore | None = None) -> _FetchedImage:
    """Runs on the background thread: bytes only, decoded later on the GUI thread. A
    kept copy is used first (offline too); a fetched image is kept for next time."""
    if store is not None:
        kept = store.get(url)
        if kept:
            return _FetchedImage(url, kept)
    try:
        result = fetcher.fetch(url)
    except Exception as exc:
        return _FetchedImage(url, None, str(exc))
    kind = (result.content_type or "").split(";")[0].strip().lower()
    if not kind.startswith("image/") or kind == "image/svg+xml":
        return _FetchedImage(url, None, f"not an image ({kind or 'no content type'})")
    data = result.content or b""
    if store is not None and data:
        store.put(url, data)
    return _FetchedImage(url, data)


def _decode(data: bytes) -> QImage | None:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if bytes(reader.format().data()).lower() in (b"svg", b"svgz"):
        return None
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        return None
    image = reader.read()
    return None if image.isNull() else image


class SafeTextBrowser(QTextBrowser):
    """A read-only article body. See the module docstring for the rules."""

    linkRefused = Signal(str)
    remoteImagesBlocked = Signal(int)
    rendered = Signal()  # the document was built again (highlights are drawn on it)
    imageLoaded = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        runner: BackgroundRunner | None = None,
        fetcher_factory: Callable[[], Fetcher] | None = None,
        image_store: ImageStore | None = None,
    ) -> None:
        """``image_store``: where loaded images are kept on disk and found again offline
        (``Library.image_cache``); without one they live only in memory."""
        super().__init__(parent)
        self._image_store = image_store
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setReadOnly(True)
        self.anchorClicked.connect(self._on_anchor)
        #: Opens an http(s) URL outside the app. Tests replace it to record calls.
        self.opener: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._runner = runner
        self._fetcher_factory = fetcher_factory or _image_fetcher
        self._fetcher: Fetcher | None = None
        self._allow_remote = False  # the preference: images of every article
        self._allow_here = False  # the reader's choice for the article shown
        self._allowed_sites: frozenset[str] = frozenset()
        self._site = ""  # site_of the article shown
        self._html = ""
        self._sources: list[str] = []
        self._blocked = 0
        self._cache: OrderedDict[str, QImage] = OrderedDict()
        self._failed: set[str] = set()
        self._in_flight: set[str] = set()
        self._placeholder = _placeholder()
        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(30)
        self._rerender.timeout.connect(self._render)

    # --- content ------------------------------------------------------------------

    def set_article_html(
        self,
        html: str,
        base_url: str | None = None,
        *,
        keep_scroll: bool = False,
        images_here: bool = False,
    ) -> None:
        """Show ``html`` (sanitized again here; relative URLs resolve against
        ``base_url`` when it is http(s), else they are dropped). ``keep_scroll`` keeps
        the position (the same article, updated by a sync). ``images_here``: the reader
        chose to load this article's remote images."""
        from readinglist.feeds.sanitize import sanitize_html  # lazily: nh3 at first render

        self._html = sanitize_html(html or "", base_url)
        self._sources = [s for s in image_sources(self._html) if is_web_url(QUrl(s))]
        self._site = site_of(base_url)
        self._allow_here = images_here
        if not keep_scroll:
            self.verticalScrollBar().setValue(0)
        self._render()

    def clear_article(self) -> None:
        self._html = ""
        self._sources = []
        self._site = ""
        self._allow_here = False
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (Preferences → Theme): render again, since Qt fixes link and
        our grey alt-text colours when it parses the HTML, not when it paints."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._html:
            self._rerender.start()

    def rerender(self) -> None:
        """Build the document again from the same HTML (drops any drawn formats)."""
        if self._html:
            self._render()

    def article_html(self) -> str:
        """The sanitized HTML currently shown."""
        return self._html

    def _render(self) -> None:
        scroll = self.verticalScrollBar().value()
        self.document().setBaseUrl(QUrl())  # nothing may resolve against a local path
        allowed = self.images_allowed()
        if allowed and not self._failed:
            html, blocked = self._html, 0
        else:
            failed = self._failed
            grey = _muted(self.palette())
            html, replaced = replace_images(
                self._html, lambda src: not allowed or src in failed, grey
            )
            blocked = 0 if allowed else replaced
        self.setHtml(html.replace("<table>", _PADDED_TABLE))
        self.verticalScrollBar().setValue(scroll)
        if allowed:
            for source in self._sources:
                self._request(source)
        self._blocked = blocked
        self.remoteImagesBlocked.emit(blocked)
        self.rendered.emit()

    # --- remote images --------------------------------------------------------------

    def images_allowed(self) -> bool:
        """Whether the article shown may load its remote images (see module docstring)."""
        return self._allow_remote or self._allow_here or self._site in self._allowed_sites

    def remote_images_allowed(self) -> bool:
        """The preference: remote images of every article."""
        return self._allow_remote

    def set_remote_images_allowed(self, allowed: bool) -> None:
        self._set_allowance(lambda: setattr(self, "_allow_remote", allowed))

    def allow_images_here(self) -> None:
        """Load the remote images of the article shown (until another one is shown)."""
        self._set_allowance(lambda: setattr(self, "_allow_here", True))

    def allowed_sites(self) -> frozenset[str]:
        return self._allowed_sites

    def set_allowed_sites(self, sites: frozenset[str]) -> None:
        """Sites (``site_of``) whose articles always load their remote images."""
        self._set_allowance(lambda: setattr(self, "_allowed_sites", frozenset(sites)))

    def site(self) -> str:
        """The site of the article shown ('' when its link is not http(s))."""
        return self._site

    def _set_allowance(self, change: Callable[[], None]) -> None:
        """Apply ``change`` and re-render only when it changes what the article shows."""
        before = self.images_allowed()
        change()
        if self.images_allowed() == before:
            return
        if self._runner is None and self.images_allowed():
            log.warning("remote images allowed but no BackgroundRunner: none will load")
        self._render()

    def blocked_image_count(self) -> int:
        """Pictures shown as their alt text because remote images are off for this
        article (trackers not counted)."""
        return self._blocked

    def cached_image(self, url: str) -> QImage | None:
        return self._cache.get(url)

    def _request(self, url: str) -> None:
        if url in self._cache or url in self._in_flight or url in self._failed:
            return
        if self._runner is None:
            return
        if self._fetcher is None:
            self._fetcher = self._fetcher_factory()
        fetcher, store = self._fetcher, self._image_store
        self._in_flight.add(url)
        self._runner.submit(
            lambda: _fetch_image(fetcher, url, store),
            self._on_image,
            lambda exc: self._on_fail(url),
        )

    def _on_fail(self, url: str) -> None:
        self._in_flight.discard(url)
        self._failed.add(url)
        if url in self._sources:
            self._rerender.start()  # its alt text instead of the placeholder

    def _on_image(self, fetched: _FetchedImage) -> None:
        self._in_flight.discard(fetched.url)
        image = _decode(fetched.data) if fetched.data else None
        if image is None:
            log.info("image %s not shown: %s", fetched.url, fetched.problem or "unreadable")
            self._on_fail(fetched.url)
            return
        self._cache[fetched.url] = image
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        self.imageLoaded.emit(fetched.url)
        if self.images_allowed() and fetched.url in self._sources:
            self._rerender.start()

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Qt asks here for every image/stylesheet. Never null (see module docstring)."""
        if int(type) != int(QTextDocument.ResourceType.ImageResource):
            return QByteArray()
        source = QUrl(name) if isinstance(name, str) else name  # Qt hands a QUrl
        if not is_web_url(source):
            return self._placeholder
        url = source.toString()
        if not self.images_allowed():
            return self._placeholder  # blocked images were replaced by their alt text
        cached = self._cache.get(url)
        if cached is not None:
            self._cache.move_to_end(url)
            return cached
        self._request(url)
        return self._placeholder

    # --- links --------------------------------------------------------------------------

    def _on_anchor(self, url: QUrl) -> None:
        self.open_link(url)

    def open_link(self, url: QUrl) -> bool:
        """Open an http(s) link in the system browser; refuse everything else."""
        if is_web_url(url):
            self.opener(url)
            return True
        scheme = url.scheme().lower()
        shown = url.toString()
        if len(shown) > 80:
            shown = shown[:79] + "…"
        if scheme == "mailto":
            message = f"Mail links are not opened from articles: {url.path()}"
        elif scheme:
            message = f"Link not opened: {scheme}: links are not allowed ({shown})"
        else:
            message = f"Link not opened: not a web address ({shown})"
        self.linkRefused.emit(message)
        return False

    def doSetSource(
        self,
        name: QUrl | str,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:
        """Navigation inside the widget is never wanted: links go through anchorClicked."""
        return

    def close_fetcher(self) -> None:
        """Close the image fetcher's connections (the window calls this on quit)."""
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None
