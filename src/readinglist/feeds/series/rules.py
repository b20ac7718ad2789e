"""Low-level rules for series detection: numbers, title markers, URL slugs, names.

Everything here looks at ONE post. ``series.py`` combines these into ``detect()`` and
unifies across the posts of a feed in ``group()``. Kept separate so each file stays
small and the regexes can be read (and tested) on their own.

Every rule is general: it describes how authors write part markers, never a
particular blog or series.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

MAX_PART = 10_000
"""A "part" above this is an id, a year or a count, never a part of a series."""

# --- numbers -------------------------------------------------------------------

_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_FOREIGN_WORDS = (
    ("uno una um uma un une eins", 1), ("dos dois duas due deux zwei", 2),
    ("tres três tre trois drei", 3), ("cuatro quatro quattro quatre vier", 4),
    ("cinco cinque cinq fünf", 5), ("seis sei sechs", 6),
    ("siete sete sette sept sieben", 7), ("ocho oito otto huit acht", 8),
    ("nueve nove neuf neun", 9), ("diez dez dieci dix zehn", 10),
)  # fmt: skip
"""Spanish, Portuguese, Italian, French and German numbers as a part word's number says
them ("Parte dos", "Teil drei", "Partie deux"): read only after a part word or a
counter, never on their own ("un", "due" and "acht" are words too)."""
for _spelled, _value in _FOREIGN_WORDS:
    _WORDS.update(dict.fromkeys(_spelled.split(), _value))
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_POSITION = {"上": 1, "中": 2, "下": 3}
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

WORD_NUM = "|".join(sorted(_WORDS, key=len, reverse=True))
CN_NUM = "[零〇一二两三四五六七八九十百千]{1,5}"


def roman_to_int(text: str) -> int | None:
    """Validated roman numeral (``IV`` -> 4); ``None`` for things like ``IIII`` or ``VX``."""
    up = text.upper()
    if not up or not _ROMAN_RE.match(up):
        return None
    total = 0
    for i, ch in enumerate(up):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[up[i + 1]] if i + 1 < len(up) else 0
        total += -value if value < nxt else value
    return total


def chinese_to_int(text: str) -> int | None:
    """Chinese numerals up to the thousands (``十二`` -> 12, ``一百零五`` -> 105).

    Digits with no unit between them are read by position, as Arabic digits are:
    ``一〇`` is 10 and ``一二`` is 12 (a common way to count past nine), never 0 or 2.
    """
    if text in _CN_POSITION:
        return _CN_POSITION[text]
    if len(text) > 1 and all(ch in _CN_DIGITS for ch in text):
        positional = 0
        for ch in text:
            positional = positional * 10 + _CN_DIGITS[ch]
        return positional
    total = 0
    current = 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def parse_number(text: str) -> int | None:
    """Digits, roman numerals, English number words or Chinese numerals -> int.

    Returns ``None`` for anything that is not a plausible part number (too long,
    above ``MAX_PART``), so a huge number can never overflow or become a part.
    """
    text = text.strip()
    if not text:
        return None
    value: int | None
    if text.isascii() and text.isdigit():
        if len(text) > 5:
            return None
        value = int(text)
    elif text.lower() in _WORDS:
        value = _WORDS[text.lower()]
    elif re.fullmatch(CN_NUM + "|[上中下]", text):
        value = chinese_to_int(text)
    else:
        value = roman_to_int(text)
    if value is None or value > MAX_PART:
        return None
    return value


# --- names and keys --------------------------------------------------------------

_SEP_CHARS = " \t:;,.-–—|/~·・：，。、"
_KEY_STRIP_WORDS = ("系列", "series", "专栏", "连载")
_ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z0-9]{1,9})\)")


def clean(text: str) -> str:
    """Collapse whitespace and strip separators at both ends."""
    return re.sub(r"\s+", " ", text).strip(_SEP_CHARS)


_BRACKETS = (
    ("(", ")"), ("（", "）"), ("[", "]"), ("【", "】"), ("「", "」"), ("『", "』"), ("《", "》"),
    ("“", "”"), ("‘", "’"),
)  # fmt: skip
_QUOTES = ("'", '"')
"""Quotes that open and close alike: balanced when they come in pairs."""
_DANGLING_ARROW = re.compile(r"(?:\s*(?:->|=>|→|⇒))+$")


def clean_name(text: str) -> str:
    """A readable series name: trimmed, without dangling brackets, arrows or separators.

    The marker that follows a name can leave an opening bracket or an arrow behind it
    ("X - 「第十九章 …」", "iPhoto -> Day One"): the name the reader sees stops before it.
    """
    name = clean(text)
    for opening, closing in _BRACKETS:  # an unbalanced opening bracket
        if name.count(opening) > name.count(closing):
            cut = name.rfind(opening)
            name = clean(name[1:] if cut == 0 else name[:cut])
    for quote in _QUOTES:  # "'Android Styling: x' 번역": the quote opened the whole title
        if name.startswith(quote) and name.count(quote) % 2:
            name = clean(name[1:])
    return clean(_DANGLING_ARROW.sub("", name))


def tidy_part_title(short: str, title: str) -> str:
    """A part's title as the tree shows it, without a bracket its series' marker left open.

    Cutting the series' name and marker out of "X (pt 1 of 2 - channel mixer)" or
    "X - 「第十九章 Y」的草稿" leaves "channel mixer)" and "Y」的草稿": a closing bracket
    whose opening went with the marker. It is dropped when the whole title is balanced.
    """
    for opening, closing in _BRACKETS:
        extra = short.count(closing) - short.count(opening)
        if extra <= 0 or title.count(closing) != title.count(opening):
            continue
        depth, kept = 0, []
        for char in short:
            if char == opening:
                depth += 1
            elif char == closing:
                if depth == 0:
                    continue  # opened by the marker, which is no longer there
                depth -= 1
            kept.append(char)
        short = re.sub(r"\s+", " ", "".join(kept)).strip()
    for quote in _QUOTES:  # "x' 번역" of "'Name: x' 번역": the name took the opening quote
        if title.startswith(quote) and not short.startswith(quote) and short.count(quote) % 2:
            ends = [m.start() for m in re.finditer(rf"{quote}(?=\s|$)", short)]
            if ends:  # the last one closes the whole title
                short = clean(short[: ends[-1]] + short[ends[-1] + 1 :])
    return short or title


def _singular(token: str) -> str:
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is", "ies")):
        return token[:-1]
    return token


_LANGUAGE_SIGNS = re.compile(r"\b([a-z]{1,2})(#|\+\+)(?!\w)")
""""C#", "C++", "F#": the sign is the name ("(C#) x" and "(C++) y" are two topics)."""


@lru_cache(maxsize=16384)
def normalize(name: str) -> str:
    """The comparable form of a series name: the basis of every key.

    Lowercase, NFKC (full-width -> ASCII), apostrophes dropped, "C#"/"C++" spelled out,
    other punctuation to spaces,
    plurals folded ("Parallel Iterators" == "parallel iterator"), and the word
    "series" (系列) dropped because authors add or omit it freely. So is "and" (or
    "&") between two words of a longer name: slugs made by hand drop it now and then
    ("x-and-y-notes" beside "x-y-notes-part-2"), and it tells no two series apart.
    """
    text = unicodedata.normalize("NFKC", name).lower()
    text = re.sub(r"['’`]", "", text)
    text = text.replace("&", " and ").replace("之", " 之 ")
    text = _LANGUAGE_SIGNS.sub(lambda m: m[1] + ("sharp" if m[2] == "#" else "pp"), text)
    text = re.sub(r"[^\w]+", " ", text)
    tokens = [_singular(t) for t in text.split()]
    if len(tokens) > 2:
        tokens = [t for t in tokens if t != "and"]
    if len(tokens) > 1 and tokens[0] in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[-1] in _KEY_STRIP_WORDS:
        tokens.pop()
    out = " ".join(tokens)
    for word in _KEY_STRIP_WORDS[:2]:
        if out.endswith(word) and len(out) > len(word) + 1:
            out = out[: -len(word)].strip()
    return out


def squash(key: str) -> str:
    """A key without spaces, so "page rank" and "pagerank" compare equal."""
    return key.replace(" ", "")


def acronym_alias(title: str) -> str | None:
    """ "Radial Basis Function Network (RBFN) Tutorial" -> "RBFN Tutorial".

    Authors spell a series name out once and use the acronym afterwards; the
    alias lets the long first title join the series named by the acronym.
    """
    match = _ACRONYM_RE.search(title)
    if not match:
        return None
    acro = match.group(1)
    before = title[: match.start()].split()
    letters = [c for c in acro if c.isupper()]
    n = len(letters)
    if n < 2 or len(before) < n:
        return None
    words = before[-n:]
    if [w[0].upper() for w in words] != letters:
        return None
    head = before[:-n]
    return clean(" ".join([*head, acro, title[match.end() :]]))


POST_KINDS = frozenset(
    (
        "guest post", "guest", "book release", "release", "release note", "announcement",
        "update", "updated", "review", "book review", "interview", "news", "link",
        "note", "question", "answer", "quick tip", "tip", "rant", "correction", "erratum",
        "sponsored", "podcast", "video", "talk", "slide", "event", "mirror", "repost",
        "translation", "draft", "archive", "pdf", "off topic", "meta", "case study",
        "译", "译文", "翻译", "转载", "原创", "翻訳", "번역", "tips", "trick", "tips and trick",
        "faq",
        "recap", "writeup", "report", "race report", "trip report", "event report",
        "conference report", "travel report",
        # the same kinds in the other languages blogs are written in
        "书评", "公告", "随笔", "杂谈", "感想", "書評", "レビュー", "お知らせ", "感想文",
        "리뷰", "책 리뷰", "서평", "후기", "공지", "리뷰 후기",
        "reseña", "resenha", "anuncio", "anúncio", "entrevista", "charla", "palestra",
        "noticia", "notícia", "traducción", "tradução", "consejo", "dica", "dicas",
        "caso de estudio", "estudo de caso", "étude de cas", "fallstudie", "사례 연구",
        "видео", "обзор", "новости", "интервью", "перевод", "анонс", "рецензия",
        "vidéo", "critique", "entretien", "rezension", "recensione", "intervista",
        "recenzja", "wywiad", "wideo", "tłumaczenie", "vídeo", "reseña de libro",
    )
)  # fmt: skip
"""Labels that name the kind of post, not a series: "Guest post: x", "[Mirror] x",
"책 리뷰: x" (book review), "Reseña: y", "Case Study - z" (one project told as a case),
"Race Report: w" (one race told, another in the next)."""


# --- URLs ------------------------------------------------------------------------

GENERIC_SEGMENTS = frozenset(
    (
        "blog", "blogs", "post", "posts", "p", "article", "articles", "archive", "archives",
        "entry", "entries", "news", "en", "zh", "ja", "ko", "de", "fr", "es", "cn", "www",
        "index", "html", "page", "pages", "content", "notes", "note", "story", "stories",
        "issues", "issue", "pull", "tree", "blob", "main", "master", "docs", "doc", "general",
        "tags", "tag", "category", "categories", "series", "s", "a", "t", "n"
    )
)  # fmt: skip
_DATE_SEG_RE = re.compile(r"^\d{1,4}$")
_SLUG_DATE_RE = re.compile(r"[-_](?:\d{4}[-_]\d{1,2}[-_]\d{1,2}|\d{1,2}[-_]\d{1,2}[-_]\d{4})$")
_SLUG_DATE_PREFIX_RE = re.compile(r"^\d{4}[-_]\d{1,2}[-_]\d{1,2}[-_]")


@dataclass(frozen=True, slots=True)
class UrlParts:
    """The parts of a post URL that can carry a series: its section and its slug."""

    section: str | None  # nearest non-generic, non-date directory ("time-series")
    parent: str | None  # the directory right above the slug, when not generic/date
    slug: str  # last segment, lowercase, extension and trailing date removed
    series_dir: str | None = None  # "/series/<name>/slug": the site files it in <name>
    host: str = ""  # the site the post lives on: a link blog's entries point elsewhere


def split_url(link: str | None) -> UrlParts | None:
    """Split a post link into section and slug; ``None`` when there is no usable path."""
    if not link:
        return None
    try:
        split = urlsplit(link)
        path, host = unquote(split.path), (split.hostname or "")
    except ValueError:
        return None
    segments = [s for s in path.split("/") if s]
    if not segments:
        return None
    slug = segments[-1].lower()
    slug = re.sub(r"\.(?:html?|php|aspx?|md|xml)$", "", slug)
    slug = _SLUG_DATE_PREFIX_RE.sub("", slug)
    slug = _SLUG_DATE_RE.sub("", slug).strip("-_ ")
    dirs = [s.lower() for s in segments[:-1]]
    useful = [d for d in dirs if d not in GENERIC_SEGMENTS and not _DATE_SEG_RE.match(d)]
    section = useful[-1] if useful else None
    parent = dirs[-1] if dirs and dirs[-1] in useful else None
    return UrlParts(section, parent, slug, series_dir=_series_dir(dirs), host=host)


SERIES_DIR_WORDS = frozenset(
    ("series", "serie", "série", "serien", "seri", "seriya", "serija",
     "系列", "连载", "連載", "시리즈", "연재", "シリーズ")
)  # fmt: skip
"""A directory of these names files each post under the series named right after it."""


def _series_dir(dirs: list[str]) -> str | None:
    """The series a URL files its post in: the name after a "series" directory.

    ``/software/series/build-automated-deploy/version-control/`` names the series
    "build-automated-deploy": the site's own declaration, as a theme's series box is.
    A date after it (``/series/2018/12/01/x``) names none: that is a section of posts
    filed by day; so does nothing after it (``/series/x``: the post sits in the section).
    """
    for i, d in enumerate(dirs[:-1]):
        if d in SERIES_DIR_WORDS:
            name = dirs[i + 1]
            if not _DATE_SEG_RE.match(name) and name not in GENERIC_SEGMENTS:
                return name
    return None


_LEAD_NUM_SLUG_RE = re.compile(r"^(?:(?:part|pt|chapter|lesson)[-_]?)?(\d{1,3})[-_.]+([a-z].*)$")
"""A slug that opens with its number inside a directory named for the series:
``/transfer-learning/06-x/``, and with the part word said, ``/gizmo-course/part-1-x/``."""
_SLUG_NUM_RE = re.compile(
    r"^(?P<name>[a-z][a-z0-9]*?(?:[-_][a-z][a-z0-9]*?)*?)[-_]"
    r"(?:(?P<kw>part|pt|czesc|ep|episode|chapter|ch|day|week|lecture|lesson|session|module|unit|lab"
    r"|topic|no|vol)[-_]?)?"
    r"(?P<num>\d{1,3})(?:[-_](?P<rest>.*))?$"
)
_GLUED_SLUG_RE = re.compile(
    r"^(?P<name>[a-z][a-z0-9]*?(?:[-_][a-z][a-z0-9]*?)+?[a-z])(?P<kw>)"
    r"(?P<num>\d{1,3})(?:[-_](?P<rest>.*))?$"
)
"""A number glued to the last word of a stem of two words or more: "kiln-starter01"."""


def _padded_glued(slug: str) -> re.Match[str] | None:
    """A zero-padded glued number ("sawtooth-starter01") counts as a slug's number.
    Unpadded, a glued number is the word's own ("python3", "http2", "windows10")."""
    match = _GLUED_SLUG_RE.match(slug)
    padded = match is not None and len(match["num"]) > 1 and match["num"].startswith("0")
    return match if padded else None


def glued_slug_marker(parts: UrlParts) -> UrlMarker | None:
    """An unpadded number glued to a two-word stem ending the slug ("kiln-starter10").

    Alone it is the word's own ("upgrade-to-windows10"); the caller takes it only when
    the title opens with the same number ("10. Cooling down"), which no version does.
    """
    match = _GLUED_SLUG_RE.match(parts.slug)
    if match is None or match["rest"] is not None or len(match["num"]) > 2:
        return None
    part, name = parse_number(match.group("num")), humanize_slug(match.group("name"))
    return UrlMarker(normalize(name), name, part, False) if part is not None else None


_PART_SLUG_RE = re.compile(
    r"^(?P<name>[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*?[-_]\d+(?:[-_][a-z0-9]+)*?)[-_]"
    r"(?:part|pt)[-_]?(?P<num>\d{1,3})(?:[-_].*)?$"
)
"""A slug that says "part N" after a name holding a number: "python-3-oop-part-1-x"."""

_NESTED_SLUG_RE = re.compile(
    r"^(?P<name>[a-z][a-z0-9]*(?:[-_][a-z][a-z0-9]*)*?[-_]?(?:part|pt|ch|chapter|vol)\d{1,2})"
    r"[-_](?P<num>\d{1,3})$"
)


@dataclass(frozen=True, slots=True)
class UrlMarker:
    """A part number read from a URL: a numbered slug or a numbered file in a section."""

    key: str
    name: str
    part: int
    from_section: bool
    one_word: bool = False  # "minios64_2": a one-word stem, only a series in a run
    explicit: bool = False  # the slug says "part": "x-part-2", "x-pt3"


_ROMAN_PART_RE = re.compile(r"(?<![a-z0-9])(part|pt)([-_])([ivx]{1,5})(?=[-_]|$)")
_LETTERED_PART_RE = re.compile(r"(?<![a-z0-9])(part|pt)([-_]?)(\d{1,3})[a-e](?=[-_]|$)")
"""A part split in pieces by a letter, "x-part4a", "x-part-4b": part 4, as "Section 5-1"."""
_GLUED_PART_RE = re.compile(r"^([a-z]{3,})(?<!counter)(?<!ram)part(\d{1,3})$")


def _spell_part_numbers(slug: str) -> str:
    """A slug's "part" numbers as the part readers expect: digits after a separator.

    "x-part-ii-the-missing-links" says part 2 in the roman numerals titles use ("Part
    II"); "entitypart3" (a path written ``EntityPart3``) glues the part word to a
    one-word stem. Spelled "x-part-2-…" and "entity-part3", both read as every other
    "part N" slug does. Words that end in "part" ("counterpart2", "rampart3") are words.
    """

    def arabic(match: re.Match[str]) -> str:
        value = roman_to_int(match.group(3))
        return match.group(0) if value is None else f"{match[1]}{match[2]}{value}"

    if "part" not in slug and "pt-" not in slug and "pt_" not in slug:
        return slug  # cheap: most slugs say no part at all
    slug = _ROMAN_PART_RE.sub(arabic, slug)
    slug = _LETTERED_PART_RE.sub(r"\1\2\3", slug)
    return _GLUED_PART_RE.sub(r"\1-part\2", slug)


def url_marker(parts: UrlParts) -> UrlMarker | None:
    """Read a numbered slug: ``/transfer-learning/06-x/``, ``nix-flakes-3-x``, ``x-001``."""
    slug = _spell_part_numbers(parts.slug)
    lead = _LEAD_NUM_SLUG_RE.match(slug)
    if lead and parts.parent:
        part = parse_number(lead.group(1))
        if part is not None:
            name = humanize_slug(parts.parent)
            return UrlMarker("section:" + parts.parent, name, part, True)
    said = _PART_SLUG_RE.match(slug)
    if said:  # "python-3-oop-part-1-objects": part 1; the 3 is in the name (a version)
        part, name = parse_number(said.group("num")), humanize_slug(said.group("name"))
        if part is not None and normalize(name):
            return UrlMarker(normalize(name), name, part, False, explicit=True)
    nested = _NESTED_SLUG_RE.match(slug)
    if nested:  # "algorithm-part1-3": part 3 of "algorithm part1"
        part = parse_number(nested.group("num"))
        name = humanize_slug(nested.group("name"))
        if part is not None and normalize(name):
            return UrlMarker(normalize(name), name, part, False)
    match = _SLUG_NUM_RE.match(slug) or _padded_glued(slug)
    if not match:
        return None
    name_slug = match.group("name")
    # "rayon-0-7-released": a version, not a part; "x-2-3" ranges keep the first
    rest = match.group("rest") or ""
    if match.group("num").startswith("0") and len(match.group("num")) == 1:
        return None
    if re.match(r"^\d+(?:[-_]|$)", rest) and not re.match(r"^\d+[-_][a-z]", rest):
        return None
    if rest and len(match.group("num")) == 3 and not match.group("num").startswith("0"):
        return None  # "create-404-page", "security-101-vpns": a name or a count, not part 404
    # one word ("layer-2") is usually a topic; a series stem has two words or a padded
    # "-001", or says "part" ("monoids-part2"). A one-word stem counts only in a run of
    # siblings (``one_word``, see group)
    explicit = (match.group("kw") or "") in ("part", "pt", "czesc")
    one_word = (
        not explicit
        and not match.group("num").startswith("0")
        and not re.search(r"[a-z0-9][-_]+[a-z0-9]", name_slug)
    )
    part = parse_number(match.group("num"))
    if part is None:
        return None
    name = humanize_slug(name_slug)
    key = normalize(name)
    if not key:
        return None
    return UrlMarker(key, name, part, False, one_word, explicit)


_NAME_MIN_WORDS = 2


def names_something(slug: str) -> bool:
    """A slug (or a slug's stem) has words enough to name something: two or more, not a
    bare id or date. One word ("docker", "gizmo") is a topic or a product every slug
    about it may open with."""
    words = [w for w in re.split(r"[-_]+", slug) if w]
    return len(words) >= _NAME_MIN_WORDS and not all(w.isdigit() for w in words)


def humanize_slug(slug: str) -> str:
    """ "transfer-learning" -> "Transfer Learning" (for display only)."""
    words = [w for w in re.split(r"[-_]+", slug) if w]
    return " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words)
