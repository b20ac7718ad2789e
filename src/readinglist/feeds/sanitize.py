"""HTML cleaning and text extraction for feed content (pure: str in, str out).

``sanitize_html`` is an allowlist sanitizer built on nh3 (the Rust ``ammonia`` crate,
with an html5ever parser): whatever the feed sent, the result contains only the tags
and attributes listed below, links only with http/https/mailto targets and images
only with http/https sources. Entity-encoded, case-mixed or whitespace-split schemes
(``&#106;avascript:``, ``java\\tscript:``, ``JaVaScRiPt&colon;``) are decoded by the
HTML parser and normalised by the URL parser *before* the scheme check, so they are
refused like the plain spelling.

Relative ``href``/``src`` values are resolved against the article's URL by nh3
itself (``url_relative=("rewrite_with_base", base)``). Without a usable http(s) base
they are removed, because a relative URL shown in a local viewer could resolve
against a ``file:`` location.

``html_to_text``, ``plain_text`` and ``word_count`` parse HTML with nh3 too and
return text: it may contain "<" and "&" as characters and must be escaped when it is
put into HTML.
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import urlsplit

import nh3

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "URL_SCHEMES",
    "html_to_text",
    "plain_text",
    "sanitize_html",
    "text_value",
    "word_count",
]

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
_IMAGE_SCHEMES = frozenset({"http", "https"})

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo",
        "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
        "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small",
        "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    }
)  # fmt: skip

# Removed together with everything inside them (the rest of the unknown tags are
# unwrapped: the tag goes, its text stays).
_CLEAN_CONTENT_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset",
        "noframes", "object", "applet", "embed", "noembed", "form", "textarea",
        "select", "button", "svg", "math", "head", "title",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "th": {"colspan", "rowspan", "headers", "scope", "align"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "abbr": {"title"},
}

# C0 controls and space: the URL parser drops them anywhere in a scheme.
_URL_JUNK = re.compile(r"[\x00-\x20]+")


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    """Refuse image sources nh3 would keep as links (``mailto:`` is a link scheme)."""
    if attr == "src" and ":" in value:
        head = _URL_JUNK.sub("", value[: value.index(":")]).lower()
        if (
            head.isascii()
            and head[:1].isalpha()
            and all(c.isalnum() or c in "+-." for c in head)
            and head not in _IMAGE_SCHEMES
        ):
            return None
    return value


def _usable_base(base_url: str | None) -> str | None:
    if not base_url:
        return None
    try:
        parts = urlsplit(base_url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in _IMAGE_SCHEMES or not parts.netloc:
        return None
    return base_url.strip()


@functools.lru_cache(maxsize=64)
def _cleaner(base: str | None, filter_images: bool) -> nh3.Cleaner:
    """A configured nh3 cleaner; cached because building one costs as much as using it
    (an entry's summary and content share a base URL)."""
    url_relative: object = ("rewrite_with_base", base) if base is not None else "deny"
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter if filter_images else None,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        url_relative=url_relative,  # type: ignore[arg-type]
    )


# What must follow an href or src (in the ASCII-lowered UTF-8 of the fragment) for the
# base's path, query and fragment not to matter: an absolute http(s) or mailto URL, or
# a path from the root ("/" and then anything but "/", "\\", a character reference or a
# space, which would make it "//host" to a URL parser).
_SITE_WIDE_VALUE = re.compile(
    rb"""[\t\n\f\r ]*=[\t\n\f\r ]*["']?(?:https?://|mailto:|/[a-z0-9_.~%!$'()*+,;=:@?#"-])"""
)
_SITE_CLEANERS: dict[tuple[str, str, bool], nh3.Cleaner] = {}


def _site_cleaner(base: str, html: str, filter_images: bool) -> nh3.Cleaner | None:
    """A cleaner shared by every article of the base's site, when ``html`` has no link
    that resolves against more of the base than its scheme and host; else None.

    Building a cleaner costs as much as cleaning an article, and every article has a
    base of its own (its link), so ``_cleaner``'s cache never hit in a sync. But an
    absolute URL ignores the base, and one from the root ("/post/1") takes only the
    base's scheme and authority, which are a function of ``urlsplit``'s scheme and
    netloc (the URL parser's authority ends at the first of "/", "?", "#", "\\", and
    netloc at one of the first three). So when every href and src (every place the
    letters occur, in text too) is one of those, the first base seen on that site
    gives the same result as the article's own."""
    data = html.encode("utf-8", "surrogatepass").lower()  # bytes.lower: ASCII only
    for name in (b"href", b"src"):  # bytes.find: a tenth of a case-blind regex's time
        at = data.find(name)
        while at >= 0:
            if not _SITE_WIDE_VALUE.match(data, at + len(name)):
                return None
            at = data.find(name, at + 1)
    parts = urlsplit(base)
    key = (parts.scheme.lower(), parts.netloc, filter_images)
    cleaner = _SITE_CLEANERS.get(key)
    if cleaner is None:
        cleaner = _cleaner(base, filter_images)
        if len(_SITE_CLEANERS) >= 64:
            _SITE_CLEANERS.clear()
        _SITE_CLEANERS[key] = cleaner
    return cleaner


def sanitize_html(html: str, base_url: str | None) -> str:
    """Return ``html`` reduced to safe article markup.

    Relative links and image sources are resolved against ``base_url`` (an http or
    https URL, normally the article's link); without one they are dropped. Every
    link gets ``rel="noopener noreferrer"``.
    """
    if not html:
        return ""
    base = _usable_base(base_url)
    # Only pay for the Python attribute callback when an image source may be present.
    filter_images = "src" in html or "SRC" in html or "Src" in html
    if base is not None:
        try:
            cleaner = _site_cleaner(base, html, filter_images) or _cleaner(base, filter_images)
        except ValueError:  # nh3 refuses a base its URL parser cannot read
            cleaner = _cleaner(None, filter_images)
    else:
        cleaner = _cleaner(None, filter_images)
    return cleaner.clean(html)


# --- text ------------------------------------------------------------------

# Kept (without attributes) while extracting text, so that they can become spaces:
# "<p>a</p><p>b</p>" is "a b", while "<em>in</em>line" stays "inline".
_WORD_BREAK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl",
        "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "img", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "center", "details", "summary",
    }
)  # fmt: skip
_TEXT_CLEANER = nh3.Cleaner(
    tags=set(_WORD_BREAK_TAGS),
    clean_content_tags=set(_CLEAN_CONTENT_TAGS - {"title", "head"}),
    attributes={},
    link_rel=None,
    strip_comments=True,
)
# In nh3 output every "<" in text is escaped, so each "<...>" is a real tag.
_CANONICAL_TAG = re.compile(r"<[^>]*>")


def _collapse(text: str) -> str:
    """Runs of whitespace as one space, none at the ends: ``re.sub(r"\\s+", " ", text)
    .strip()`` (``\\s`` and ``str.split`` know the same whitespace) in a quarter of
    the time, which was a twentieth of a big sync's parsing."""
    return " ".join(text.split())


def _canonical_html_to_text(clean_html: str) -> str:
    """Text of HTML that nh3 produced (no comments, every text "<" escaped)."""
    if "<" in clean_html:
        clean_html = _CANONICAL_TAG.sub(" ", clean_html)
    if "&" in clean_html:
        clean_html = html.unescape(clean_html)
    return _collapse(clean_html)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags removed (block tags separate words),
    scripts/styles/comments dropped, entities decoded, whitespace collapsed.

    The HTML is read as a browser would (html5ever via nh3), so comments, attribute
    values containing ">" and unclosed tags cannot leak markup into the text.
    """
    if "<" not in html and "&" not in html:
        return _collapse(html)
    return _canonical_html_to_text(_TEXT_CLEANER.clean(html))


def plain_text(value: str) -> str:
    """Text for a title or an author name given as HTML: tags stripped, entities
    decoded, whitespace collapsed. The result is text, not HTML: it may contain "<"
    or "&" characters, and must be escaped to be displayed as HTML."""
    if not value:
        return ""
    return html_to_text(value)


# Markup in a value typed as text: a closing tag, an attribute, a common HTML tag,
# a comment or an entity. "Option<T>", "Vec<u8>" and "a < b" are not markup.
_LOOKS_LIKE_MARKUP = re.compile(
    r"</[A-Za-z][\w-]*\s*>|<[A-Za-z][\w-]*\s+[\w-]+\s*=|<!--"
    r"|<(?:script|style|iframe|img|svg|a|b|i|u|em|strong|p|br|div|span|code|sub|sup)[\s/>]"
    r"|&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+[0-9]*);"
)


def text_value(value: str, *, html: bool = False) -> str:
    """A title, author, category or folder name as display text.

    ``html=True`` (the value is declared HTML) always goes through ``plain_text``.
    Text that still contains obvious markup (a feed that escaped it twice) does too.
    Any other text is only whitespace-collapsed, so ``Option<T> in Rust`` survives;
    the GUI escapes it on display.
    """
    if not value:
        return ""
    if html or _LOOKS_LIKE_MARKUP.search(value):
        return plain_text(value)
    return _collapse(value)


# --- word count -------------------------------------------------------------

# Han ideographs, kana: no spaces between words. Hangul is written with spaces and
# counts like any other script.
_CJK = re.compile(
    r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\U00020000-\U0002fa1f]"
)
# A whitespace-separated token with no letter or digit in it ("—", "=", "..."), with
# the whitespace before it: searched in " " + text, the same tokens as
# r"(?<!\S)[^\w\s]+(?!\S)" finds in text, found faster (a leading lookbehind is tried
# at every character; a leading \s lets the matcher skip to the spaces).
_PUNCT_TOKEN = re.compile(r"\s[^\w\s]+(?!\S)")
_COMMON_ENTITIES = (("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'))


def word_count(html_or_text: str, *, sanitized: bool = False) -> int:
    """Words in an HTML fragment or plain text, for a reading-time estimate.

    A word is a whitespace-separated token with a letter or digit in it (``don't``,
    ``e.g.``, ``state-of-the-art`` count once, a lone "—" not at all); tags count as
    whitespace. Chinese and Japanese are not written with spaces: every two Han or kana
    characters count as one word (rounded up), which keeps ``reading_minutes`` close
    to typical reading speeds (about 400-500 characters a minute). Hangul is written
    with spaces and counts like Latin text.

    ``sanitized=True`` says the HTML came out of ``sanitize_html`` (a faster path).
    """
    if not html_or_text:
        return 0
    text = html_or_text
    if sanitized:
        # nh3 output: every "<" starts a tag and only a few entities are used
        if "<" in text:
            text = _CANONICAL_TAG.sub(" ", text)
        if "&" in text:
            for entity, char in _COMMON_ENTITIES:
                text = text.replace(entity, char)
    elif "<" in text or "&" in text:
        text = html_to_text(text)
    cjk = 0
    if not text.isascii():
        cjk = len(_CJK.findall(text))
        if cjk:
            text = _CJK.sub(" ", text)
    return len(text.split()) - len(_PUNCT_TOKEN.findall(" " + text)) + (cjk + 1) // 2
