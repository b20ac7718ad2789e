"""Part markers inside ONE title: "Name Part 4: x", "Name (4): x", "x (Zero-Copy #2)" ...

``title_marker()`` tries the rules from the most explicit marker to the least and
returns the first that fits. Markers are read in the languages blogs are written in,
not only English: "Parte 2", "Teil 2", "capítulo 2", "2편"/"2부", "その2", "上篇/下篇".
Each result carries a strength, because the weak forms
("Xess 2: CSS variable edition", "Sessions IV") look exactly like ordinary titles
and only count when a sibling post confirms them (see ``series.group``). The markers
that count or order parts (counters, ordinals, "(2/3)", 上/下) are read in ``counted``;
what a marker is, in ``marker``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from readinglist.feeds.series.counted import (
    CN_ORDINAL,
    COUNTER,
    FRACTION,
    KO_ORDINAL,
    LEADING_ORDINAL,
    LEADING_ORDINAL_PROBE,
    NAMED_PIECE,
    NAMED_PIECE_FORM,
    ORDINAL_PART,
    POSITION_PIECE,
    read_cn_ordinal,
    read_counter,
    read_fraction,
    read_leading_ordinal,
    read_named_piece,
    read_ordinal,
    read_position_piece,
)
from readinglist.feeds.series.marker import (
    BOOK_CHAPTER_FORM,
    GENERIC_NAMES,
    MEDIUM,
    STRONG,
    TAIL_SEP,
    WEAK,
    TitleMarker,
    ok_name,
)
from readinglist.feeds.series.rules import (
    CN_NUM,
    POST_KINDS,
    WORD_NUM,
    clean,
    clean_name,
    normalize,
    parse_number,
)

_PART_NUM = rf"(?:\d{{1,5}}|[IVXLC]{{1,6}}|[ivx]{{1,5}}|{WORD_NUM})"
_KW_NUM = rf"(?:\d{{1,5}}|{WORD_NUM})"
_LEAD_SEP = r"[\s,:;\-–—(（|]*"
_YEARS = range(1900, 2101)
_KEYWORDS = (
    r"episode|ep|chapter|chap|ch|lecture|lesson|session|round|day|week|volume|vol|issue|module|devlog"
    r"|unit|lab|topic|实验|第|cap[ií]tulo|episodio|lecci[oó]n|kapitel|chapitre|выпуск"
    r"|no(?=\.\s?\d)|nr(?=\.\s?\d)|n[º°]"
)
"""Words before a part number. "No. 5", "Nr. 5", "Nº 5" (number) only with their mark:
"No 2 ways" is a sentence."""
NAMELESS_COUNTERS = frozenset(
    {"day", "lab", "lesson", "lecture", "session", "module", "unit", "chapter", "实验", "выпуск"}
)
"""Counters that name a series by themselves when a title opens with one and no name
("Lab 3 Firewalls", as "Lab 3: Firewalls" already was): weak, so only a run of them
makes a series. "实验" is Chinese for a lab; "выпуск" Russian for an issue, whose run
``templates.SCHEDULE_WORDS`` makes a column."""
_CHAPTER = frozenset({"chapter", "chap", "ch"})
"""The keyword's spellings of "chapter": "Chapter 3", "Chap03.", "Ch 3"."""

_F = re.IGNORECASE

_PART_WORD = r"(?:partie|parte|part|teil|deel|bölüm|kısım|часть|частина|część|czesc|cz\.|část|časť)"
"""'Part' in the languages blogs are written in: parte (es, pt, it), partie, Teil, deel,
Turkish bölüm and kısım, Russian часть, Ukrainian частина, Polish część (and its "cz."),
Czech část, Slovak časť."""

_PART_GAP = r"(?:\s+|(?=\d))"
"""Between a part word and its number: digits may follow at once ("Part1"), a numeral
written in letters needs a space, or "partiel" (French: partial) reads as "partie L"."""

_PART_IN_PARENS = re.compile(
    rf"^(?P<outer>.*?)\s*[(（]\s*(?P<inner>[^()（）]*?)[\s,，:]*\b{_PART_WORD}{_PART_GAP}(?P<num>{_PART_NUM})"
    rf"(?:\s*(?:of|/)\s*\d{{1,5}})?\s*[)）]{TAIL_SEP}(?P<after>.*)$",
    _F,
)
_PT = r"pt\.|pt(?=\s?\d{1,2}(?:\.\d)?(?![\d.]))"
""" "pt." or "PT" right before a small number: "Springboot PT2", "PT 8.1" (Italian and
Portuguese shorten "parte" so); "PT 2024" is a year, not part 2024."""
_PART = re.compile(
    rf"^(?P<name>.*?){_LEAD_SEP}\b(?:{_PART_WORD}|{_PT}){_PART_GAP}(?P<num>{_PART_NUM})"
    rf"(?:\.\d(?!\d))?(?:\s*(?:of|/)\s*\d{{1,5}})?(?![\w\-/])\)?(?:{TAIL_SEP}|\s+|$)"
    rf"(?P<rest>.*)$",
    _F,
)
_HASH_IN_PARENS = re.compile(
    r"^(?P<outer>.*?)\s*[(（]\s*(?P<inner>[^()（）#]+?)\s*#\s?(?P<num>\d{1,5})\s*[)）]"
    rf"{TAIL_SEP}(?P<after>.*)$"
)
_PAREN_ROMAN = r"(?:I{1,3}|IV|VI{0,3}|IX|XI{1,3}|XIV|XVI{0,3}|XIX)(?=\s*[)）〕])"
"""Upper-case roman numerals in parentheses, "(II)", "(IV)": part numbers as digits are.
A lone "(X)" is left out: in a title it names a thing (a product, a site) more often."""
_PAREN_NUM = re.compile(
    rf"^(?P<name>.+?)(?:\s+\(|(?<=[^\x00-\x7f])\(|\s*[（〔]|(?P<glued>(?<=[A-Za-z0-9])\((?=\d{{1,2}}\))))"
    rf"\s*(?P<num>\d{{1,3}}|{CN_NUM}|[上中下]|{_PAREN_ROMAN})"
    r"\s*[)）〕]"
    rf"(?:\s*(?:[:：\-–—.|]+|--)\s*)?(?P<rest>.*)$"
)
""""X (3)", "X（三）", "X (上)", "X〔十一〕" (the tortoise-shell brackets Japanese writes
them in): a number in parentheses, three digits at most (four are a year, or an id:
"deep dive session (8430)" is no part 8430 with 8429 missing)."""
_KEYWORD = re.compile(
    rf"^(?P<name>.*?){_LEAD_SEP}(?<![\w#])(?P<kw>{_KEYWORDS})\.?\s*"
    rf"(?P<num>{_KW_NUM})(?P<range>\s*[~～\-–]\s*\d{{1,4}})?(?!\.\d)"
    rf"(?P<of>\s+of\s+)?\b(?P<close>\s*[)）\]])?{TAIL_SEP}(?P<rest>.*)$",
    _F,
)
_HASH = re.compile(
    rf"^(?P<name>.+?)\s*(?:(?<=\s)|^)#\s?(?P<num>\d{{1,5}})\b{TAIL_SEP}(?P<rest>.*)$"
)
_TAKE = re.compile(
    rf"^(?P<name>.+?)[\s,:;\-–—]+\btake\s+(?P<num>\d{{1,3}}|{WORD_NUM})\b{TAIL_SEP}(?P<rest>.*)$",
    _F,
)
_CONTINUED = re.compile(
    r"^(?P<name>.+?)[\s,:;\-–—(]+(?:continued|cont'd|cont\.|(?:an?\s+)?follow[- ]?up|revisited)"
    r"\)?[.!]?$",
    _F,
)
""""X continued", "X, a follow-up", "X - Revisited": the second part of the post titled X
(only next to it: alone, a weak marker makes no series)."""
_BRACKET = re.compile(
    r"^\s*(?:\[(?P<a>[^\]]{1,60})\]|【(?P<b>[^】]{1,60})】|[(（](?P<c>[^()（）]{1,40})[)）])"
    r"\s*(?P<rest>.+)$"
)
"""A leading tag, "[Spring] x", "【算法】x", "(C#) x": a category or a series name."""
_NAME_NUM = re.compile(
    r"^(?P<name>[^\d:：()]{2,60}?|\d{1,4}\s[^\d:：()]{2,60}?)(?:\s*[:：\-–—]\s*|\s+)"
    r"(?P<num>\d{1,3})(?![:：]\d)(?:\s*(?:[:：\-–—/|]|--)|\.(?=\s|[^\W\d_]{2}|[^\W\d_\x00-\x7f]))"
    r"\s*(?P<rest>\S.*)$"
)
"""'Name 3 - x', 'Name 3. x', 'Name - 3.Word' (a numbered list item, its dot glued to the
item's first word or first CJK character); the name may open with a count ('40 Garden
Puzzles 07 - x'). A version is no list item: 'Python 3.6 x' has a digit after its dot,
'Vue 2.x' a one-letter word; nor is a ratio or a time: '링글 1:1 튜터링' (one-to-one)."""
_STUCK_NUM = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z]{1,30}|(?:[A-Za-z][\w+#.]{0,20}\s?)?[\u4e00-\u9fff]{2,20}-?)"
    r"(?P<num>\d{1,2})(?:\s*[-–—:：]\s*(?P<rest>\S.*))?$"
)
_STUCK_HANGUL = re.compile(
    r"^(?P<name>(?:\S+\s){1,4}[\uac00-\ud7a3]{2,20})(?P<num>\d{1,2})(?!\d|[^\W\d_])"
    r"(?:(?:\s*[-–—:：]\s*|\s+)(?P<rest>\S.*))?$"
)
"""The same after the last Korean word of a stem of two words or more, its subtitle after
a space as often as after a dash: "함수로 함수 만들기2 커링". One word is a name's own
version ("파이썬3 설치"), and a counter glued on ("스터디1차") is a counter's."""
_QUOTED_NUM = re.compile(
    r"^\s*[「『【\[](?P<name>[^」』】\]]{1,40})[」』】\]]\s*"
    rf"(?P<num>\d{{1,3}}(?!\d|\.\d|[^\W\d_])|{CN_NUM}(?=\s*、))"
    r"\s*(?:[:：\-–—.|、]\s*)?(?P<rest>.*)$"
)
"""「XX」2 Title, 【X 系列】二、Title: a bracketed name, then its number (a Chinese numeral
only as a list item, "二、"). A number glued to a word is part of that word: "[C] 1차원
배열" is a one-dimensional array, not part 1."""
_PAREN_TAG_NUM = re.compile(
    r"^\s*[(（](?P<name>[^()（）]{1,40})[)）]\s*(?P<num>\d{1,3})(?!\d|\.\d)\s*[.:：\-–—|、)]\s*"
    r"(?P<rest>\S.*)$"
)
"""A leading tag in parentheses and a numbered list item: "(C#) 1. 데이터 다루기"."""
_SERIES_NUM = re.compile(
    rf"^(?P<name>.+?)\s*系列\s*(?P<nth>之\s*)?(?P<num>{CN_NUM}|\d{{1,3}})"
    r"(?:\s*[:：\-–—、.．]|(?(nth)\s|(?!)))\s*(?P<rest>\S.*)$"  # after 之, a space ends it too
)
""""Kafka系列一：简介": the series word, then the part ("系列15篇" is a count: no separator);
"Vue 系列之五 x": "the series' fifth", where a space may end the number."""
_TRAILING_ROMAN = re.compile(r"^(?P<name>.*[^\W\d])\s+(?P<num>[IVX]{1,5})$")
_TRAILING_NUM = re.compile(r"^(?P<name>.*[^\W\d_])\s+(?P<num>\d{1,3})$")


_WORK_ON_A_CHAPTER = re.compile(
    r"(?:exercises?|solutions?|answers?|notes|reading notes|study notes|summary|summaries"
    r"|review|takeaways|problems|homework)\b",
    _F,
)
"""What a reader writes about a chapter of someone else's book: "… chapter 3 exercises"."""


def _part(text: str) -> int | None:
    return parse_number(text)


def _m_part_in_parens(m: re.Match[str]) -> TitleMarker | None:
    outer, inner, after = clean(m["outer"]), clean_name(m["inner"]), clean(m["after"])
    part = _part(m["num"])
    if part is None:
        return None
    if inner:  # "Return type notation (send bounds, part 2)"
        return TitleMarker(inner, part, clean(f"{outer} {after}") or inner, STRONG)
    name = clean_name(outer)
    return TitleMarker(name, part, after or name, STRONG) if name else None


def _m_part(m: re.Match[str]) -> TitleMarker | None:
    name, rest = clean_name(m["name"]), clean(m["rest"])
    part = _part(m["num"])
    if part is None or not name:
        return None
    return TitleMarker(name, part, rest or name, STRONG)


def _m_hash_in_parens(m: re.Match[str]) -> TitleMarker | None:
    part = _part(m["num"])
    inner = clean_name(m["inner"])
    if part is None or not inner:
        return None
    short = clean(f"{clean(m['outer'])} {clean(m['after'])}")
    return TitleMarker(inner, part, short or inner, STRONG)


def _m_paren_num(m: re.Match[str]) -> TitleMarker | None:
    num = m["num"]
    if num.isdigit() and int(num) in _YEARS:
        return None  # "(2016)" is a date
    part = _part(num)
    name, rest = clean_name(m["name"]), clean(m["rest"])
    if part is None or not name:
        return None
    if m["glued"]:  # "Spring mvc1(2) x": weak, since "mon(1)", "count(1)" and "O(1)" look alike
        return TitleMarker(name, part, rest or name, WEAK) if len(name) > 1 else None
    return TitleMarker(name, part, rest or name, STRONG)


def _m_keyword(m: re.Match[str]) -> TitleMarker | None:
    name, rest = clean_name(m["name"]), clean(m["rest"])
    kw = m["kw"].lower()
    num = m["num"]
    if num.isdigit() and int(num) in _YEARS:
        return None
    part = _part(num)
    if part is None:
        return None
    if m["of"]:
        if name:  # "Kubernetes Day 4 of 100": the count, not a subtitle
            rest = ""
        else:  # "Day 4 of 100 Days of Code"
            name, rest = clean_name(rest), ""
    if not name and rest and kw in NAMELESS_COUNTERS:
        # "Day 02 java基础语法", "实验3 数据完整性": the counter is the series' only name
        counter = "Chapter" if kw in _CHAPTER else m["kw"].title() if kw.isascii() else m["kw"]
        return TitleMarker(counter, part, rest, WEAK, form="{} N")
    if not ok_name(name):
        return None
    in_parens = bool(m["close"]) and "(" in m.string[: m.start("kw")]
    if kw in _CHAPTER and (in_parens or m["range"]):
        # "Spring (Chapter 6~7)": where in the book, not where in the author's series
        return TitleMarker(name, None if m["range"] else part, rest or name, MEDIUM, True)
    if kw in _CHAPTER and _WORK_ON_A_CHAPTER.match(rest):
        # "Gizmo Handbook chapter 5 exercises": the book's chapter; the author's own
        # posts on it go in date order (a skipped chapter is no missing part)
        return TitleMarker(name, None, m.string, MEDIUM, form=BOOK_CHAPTER_FORM)
    if m["range"] and kw in _CHAPTER:
        return None
    # "X Day 4-7": the days a post covers, read from the first (a later rule would read
    # the same title under another name, "X Day", apart from "X Day 8")
    return TitleMarker(name, part, rest or (m.string if m["range"] else name), STRONG)


def _m_hash(m: re.Match[str]) -> TitleMarker | None:
    part = _part(m["num"])
    name, rest = clean_name(m["name"]), clean(m["rest"])
    if part is None or not ok_name(name):
        return None
    return TitleMarker(name, part, rest or name, STRONG)


def _m_take(m: re.Match[str]) -> TitleMarker | None:
    part = _part(m["num"])
    name, rest = clean_name(m["name"]), clean(m["rest"])
    if part is None or not name:
        return None
    return TitleMarker(name, part, rest or name, MEDIUM)


def _m_continued(m: re.Match[str]) -> TitleMarker | None:
    name = clean_name(m["name"])
    if not name:
        return None
    said = m[0][len(m["name"]) :].lower()
    follow_up = "follow" in said or "revisited" in said
    return TitleMarker(name, 2, name, WEAK, form="{}, a follow-up" if follow_up else "")


def _m_bracket(m: re.Match[str]) -> TitleMarker | None:
    name = clean_name(m["a"] or m["b"] or m["c"] or "")
    rest = clean(m["rest"])
    if not name or name.replace(".", "").isdigit() or normalize(name) in POST_KINDS:
        return None
    inner = title_marker(rest)
    part = inner.part if inner else None
    return TitleMarker(name, part, rest, MEDIUM)


def _m_name_num(m: re.Match[str]) -> TitleMarker | None:
    name, rest = clean_name(m["name"]), clean(m["rest"])
    part = _part(m["num"])
    if part is None or not ok_name(name):
        return None
    return TitleMarker(name, part, rest, WEAK)


def _m_stuck(m: re.Match[str]) -> TitleMarker | None:
    """ "JDBC2", "爬虫学习2-requests": a number glued to its stem (WEAK: needs siblings)."""
    name, rest = clean_name(m["name"]), clean(m["rest"] or "")
    part = _part(m["num"])
    if part is None or not ok_name(name) or not (rest or m.end("num") == len(m.string)):
        return None
    return TitleMarker(name, part, rest or m.string, WEAK)


def _m_quoted(m: re.Match[str]) -> TitleMarker | None:
    """ "「XX」2 Title": a bracketed name and its number, a part even when alone."""
    name, rest = clean_name(m["name"]), clean(m["rest"])
    part = _part(m["num"])
    if part is None or not name or name.isdigit() or normalize(name) in POST_KINDS:
        return None
    return TitleMarker(name, part, rest or name, MEDIUM)


def _m_trailing(m: re.Match[str]) -> TitleMarker | None:
    name = clean_name(m["name"])
    num = m["num"]
    if num in ("I", "L", "C", "D", "M"):
        return None
    part = _part(num)
    if part is None or not ok_name(name) or name.lower().split()[-1] in GENERIC_NAMES:
        return None
    return TitleMarker(name, part, name, WEAK)


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], TitleMarker | None]], ...] = (
    (_PART_IN_PARENS, _m_part_in_parens),
    (_HASH_IN_PARENS, _m_hash_in_parens),
    (_PART, _m_part),
    (FRACTION, read_fraction),
    (ORDINAL_PART, read_ordinal),
    (KO_ORDINAL, read_ordinal),
    (LEADING_ORDINAL, read_leading_ordinal),
    (_PAREN_NUM, _m_paren_num),
    (CN_ORDINAL, read_cn_ordinal),
    (_SERIES_NUM, _m_part),
    (POSITION_PIECE, read_position_piece),
    (COUNTER, read_counter),
    (_KEYWORD, _m_keyword),
    (_HASH, _m_hash),
    (_TAKE, _m_take),
    (_CONTINUED, _m_continued),
    (_QUOTED_NUM, _m_quoted),
    (_PAREN_TAG_NUM, _m_quoted),
    (_BRACKET, _m_bracket),
    (_NAME_NUM, _m_name_num),
    (_TRAILING_ROMAN, _m_trailing),
    (_TRAILING_NUM, _m_trailing),
    (_STUCK_NUM, _m_stuck),
    (_STUCK_HANGUL, _m_stuck),
    (NAMED_PIECE, read_named_piece),  # unnumbered: any number above says more
)


BRACKET_FORM = "[{}] …"
"""A leading tag with no number: "[Spring] x", "(C++) y" (a category as often as a series)."""

POSITIONAL_FORM = "{} (上/中/下)"
"""上/中/下 are positions, not numbers: a two-part 上/下 is parts 1 and 2."""

_FORMS: dict[re.Pattern[str], str] = {
    _PART_IN_PARENS: "{} (… part N)",
    _HASH_IN_PARENS: "… ({} #N)",
    _PART: "{} Part N",
    FRACTION: "{} (N/M)",
    ORDINAL_PART: "{}, Nth part",
    KO_ORDINAL: "{} N번째",
    LEADING_ORDINAL: "Nth {}",
    _PAREN_NUM: "{} (N)",
    CN_ORDINAL: "{} 第N篇",
    POSITION_PIECE: POSITIONAL_FORM,
    NAMED_PIECE: NAMED_PIECE_FORM,
    COUNTER: "{} N<ctr>",
    _KEYWORD: "{} <kw> N",
    _HASH: "{} #N",
    _TAKE: "{}, take N",
    _CONTINUED: "{} continued",
    _BRACKET: BRACKET_FORM,
    _NAME_NUM: "{} N: …",
    _TRAILING_ROMAN: "{} N",
    _TRAILING_NUM: "{} N",
    _STUCK_NUM: "{}N",
    _STUCK_HANGUL: "{}N",
    _QUOTED_NUM: "「{}」N",
    _PAREN_TAG_NUM: "({}) N. …",
    _SERIES_NUM: "{}系列N",
}


LONE_FORMS = frozenset(
    (
        _FORMS[_PART_IN_PARENS], _FORMS[_HASH_IN_PARENS], _FORMS[_PART], _FORMS[_PAREN_NUM],
        _FORMS[CN_ORDINAL], _FORMS[_QUOTED_NUM], _FORMS[_HASH], POSITIONAL_FORM,
        _FORMS[_SERIES_NUM], _FORMS[_PAREN_TAG_NUM],
        _FORMS[ORDINAL_PART], _FORMS[KO_ORDINAL],
        "{} N편", "{} N부", "{} N화", "{} N탄", "{} そのN", "{} N강", "{} N주차", "{} N일차",
        "{} N회차", "{} N차시",
        "{} <kw> N".replace("<kw>", "Episode"), "{} <kw> N".replace("<kw>", "Ep"),
        "{} <kw> N".replace("<kw>", "Lecture"), "{} <kw> N".replace("<kw>", "Lesson"),
        "{} <kw> N".replace("<kw>", "Session"), "{} <kw> N".replace("<kw>", "Volume"),
        "{} <kw> N".replace("<kw>", "Vol"), "{} <kw> N".replace("<kw>", "Day"),
        "{} <kw> N".replace("<kw>", "第"), "{} <kw> N".replace("<kw>", "Round"),
        "{} <kw> N".replace("<kw>", "Issue"), "{} <kw> N".replace("<kw>", "Week"),
    )
)  # fmt: skip
"""Markers that make a series even on a lone post; a lone "chapter N" does not."""


_NEEDS: dict[re.Pattern[str], str] = {
    COUNTER: "편부화탄の강장차",
    POSITION_PIECE: "篇編编",
    NAMED_PIECE: "篇編编",
    CN_ORDINAL: "第",
    FRACTION: "([（【",
    KO_ORDINAL: "째",
    _QUOTED_NUM: "「『【[",
    _SERIES_NUM: "系",
    _BRACKET: "[【(（",
    _PAREN_TAG_NUM: "(（",
    _HASH: "#",
    _HASH_IN_PARENS: "#",
}
"""Characters without which a rule cannot match: skips its regex on most titles."""

_PROBES: dict[re.Pattern[str], re.Pattern[str]] = {
    ORDINAL_PART: re.compile(r"part|entrega|instal|teil|bölüm|kısım", re.IGNORECASE),
    LEADING_ORDINAL: LEADING_ORDINAL_PROBE,
}
"""Words without which a rule cannot match, for rules no character gives away."""

_GUARDED_RULES = tuple(
    (
        pattern,
        build,
        frozenset(_NEEDS[pattern]) if pattern in _NEEDS else None,
        _PROBES.get(pattern),
    )
    for pattern, build in _RULES
)


_ID_TAG = re.compile(
    r"^\s*[\[【](?=[^\]】]*(?<![\d.])\d{3,}(?![\d.]))[^\]】]{1,60}[\]】]\s*(?P<rest>\S.*)$"
)
"""A leading bracketed tag holding a number of three or more digits: an id ("[Bronze /
1000] A+B", "[CVE-2014-5204] x", "[BOJ 2751]") that names this one post, not a series."""


_CATALOGUE_PLACE = re.compile(r"[(（][^()（）#]+,\s*#\s?\d{1,3}(?:\.\d+)?\s*[)）]\s*$")
"""A book's place in its author's series as catalogues cite it, "Review of The Waste
Lands (The Dark Tower, #3)", "(Rama, #1)", "(…, #0.5)": the number is the book's, not a
part of the blog's own series (as "<book> chapter 2 exercises" is the book's chapter)."""


def cites_catalogue_place(title: str) -> bool:
    """Whether ``title`` ends with a book's place in its series, as catalogues cite it."""
    return "#" in title and _CATALOGUE_PLACE.search(title) is not None


_QUOTED_TITLE = re.compile(
    r"^(?:[^\W\d_]+\s+){0,2}(?P<open>['\"‘“])(?P<inner>.{3,})(?P<close>['\"’”])"
    r"(?:\s+[^\W\d_]+){0,2}\s*$"
)
"""A title that quotes another's whole title, with at most two words of its own
around it: "'Opening a window - Gizmo Tutorial 01' 정리" (notes on it), "“Cone Packs -
Gizmo Course 03” notes". The marker is the quoted title's."""
_QUOTE_PAIRS = {"'": "'’", '"': '"”', "‘": "’", "“": "”"}


def _quoted_title(title: str) -> str | None:
    """The quoted title inside ``title`` (``_QUOTED_TITLE``), or None."""
    m = _QUOTED_TITLE.match(title)
    if m is None or m["close"] not in _QUOTE_PAIRS[m["open"]]:
        return None
    return m["inner"].strip()


def title_marker(title: str) -> TitleMarker | None:
    """The first (most explicit) series marker in ``title``, or ``None``.

    A leading id tag is skipped: the marker, if any, is in what follows it. A title
    that ends with a book's place in its series, as catalogues cite it, has none. A
    title that quotes another's whole title ("'X - Gizmo Tutorial 01' 정리", notes on
    it) has the quoted title's marker, read inside the quotes first: a marker read
    across them would put a quote in the series' name.
    """
    if len(title) > 400:  # keep the regexes linear-time on garbage input
        title = title[:400]
    if cites_catalogue_place(title):
        return None
    tagged = _ID_TAG.match(title)
    if tagged:
        title = tagged["rest"]
    quoted = _quoted_title(title)
    inner = _first_marker(quoted) if quoted else None
    return inner if inner is not None else _first_marker(title)


def _first_marker(title: str) -> TitleMarker | None:
    """The marker of the first rule that reads ``title`` (most explicit first)."""
    chars = set(title)
    for pattern, build, needs, probe in _GUARDED_RULES:
        if needs is not None and needs.isdisjoint(chars):
            continue  # cheap: most titles carry none of these characters
        if probe is not None and probe.search(title) is None:
            continue
        m = pattern.match(title)
        if m:
            marker = build(m)
            if marker is not None:
                form = marker.form or _FORMS[pattern]
                if pattern is _KEYWORD:
                    form = form.replace("<kw>", m["kw"].capitalize())
                elif pattern is COUNTER:
                    form = "{} そのN" if m["pre"] else form.replace("<ctr>", m["ctr"])
                elif pattern is _PAREN_NUM and m["num"] in "上中下":
                    form = POSITIONAL_FORM
                return replace(marker, form=form)
    return None
