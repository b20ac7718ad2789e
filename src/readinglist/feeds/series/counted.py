"""Title markers that count or order parts rather than name a part word.

Counters after the number ("…정리 2편", "입문 1부", "その3", "1강", "2주차"), Chinese
ordinals ("第3篇", "第2期"), the series word and its number ("Kafka系列一"), positions
(上篇/中篇/下篇), a part of a known count ("(2/3)", "[1/4]", "(1 de 3)") and ordinals
before a part word ("segunda parte", "Second Part", "2. Bölüm", "두 번째"). ``titles``
puts each in its place among the rules; kept apart so each module stays small.
"""

from __future__ import annotations

import re

from readinglist.feeds.series.marker import (
    BOOK_CHAPTER_FORM,
    MEDIUM,
    STRONG,
    TAIL_SEP,
    WEAK,
    TitleMarker,
    ok_name,
)
from readinglist.feeds.series.rules import CN_NUM, clean, clean_name, parse_number

__all__ = [
    "CN_CHAPTER_FORM",
    "CN_ORDINAL",
    "COUNTER",
    "FRACTION",
    "KO_ORDINAL",
    "LEADING_ORDINAL",
    "LEADING_ORDINAL_PROBE",
    "NAMED_PIECE",
    "NAMED_PIECE_FORM",
    "ORDINAL_PART",
    "POSITION_PIECE",
    "read_cn_ordinal",
    "read_counter",
    "read_fraction",
    "read_leading_ordinal",
    "read_named_piece",
    "read_ordinal",
    "read_position_piece",
]

CN_ORDINAL = re.compile(
    rf"^(?P<name>.*?)[（(【\[]?\s*第\s*(?P<num>\d{{1,5}}|{CN_NUM})\s*"
    r"(?P<ctr>[期周篇章讲講节節回部集课課话話卷])\s*[）)】\]]?\s*(?:[:：\-–—|]+\s*)?(?P<rest>.*)$"
)
COUNTER = re.compile(
    r"^(?P<name>.+?)\s*(?:(?:その|其の)\s*(?P<pre>\d{1,3})"
    r"|(?:(?<![가-힣])제)?\s*(?P<num>\d{1,3})\s*(?P<ctr>편|부|화|탄|강|장|주차|일차|회차|차시))"
    r"(?![\w])\s*(?:[:：\-–—.|)]\s*)?(?P<rest>.*)$"
)
"""Counters written after the number, or a prefix: "…정리 2편" (part 2), "…입문 1부",
"…その3" (Japanese "number 3"); Korean lectures, chapters, weeks and days of a study
("자료구조 1강", "3장", "2주차", "5일차", "4회차" the fourth meeting, "2차시" the second
period): a chapter alone, as in English, makes no series. The ordinal prefix 제 ("제 2편")
stands apart from the name: in "사전과제 1편" it ends the word 과제 ("assignment")."""
_ORDINAL_WORDS = {
    **dict.fromkeys(("first", "primera", "primer", "primero", "primeira", "primeiro"), 1),
    **dict.fromkeys(("second", "segunda", "segundo"), 2),
    **dict.fromkeys(("third", "tercera", "tercer", "tercero", "terceira", "terceiro"), 3),
    **dict.fromkeys(("fourth", "cuarta", "cuarto", "quarta", "quarto"), 4),
    **dict.fromkeys(("fifth", "quinta", "quinto"), 5),
    **dict.fromkeys(("sixth", "sexta", "sexto"), 6),
    **dict.fromkeys(("seventh", "séptima", "séptimo", "sétima", "sétimo"), 7),
    **dict.fromkeys(("eighth", "octava", "octavo", "oitava", "oitavo"), 8),
    **dict.fromkeys(("ninth", "novena", "noveno", "nona", "nono"), 9),
    **dict.fromkeys(("tenth", "décima", "décimo"), 10),
    **{"첫": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9},
    "열": 10,
}
"""Ordinal words that count parts: English, Spanish, Portuguese and Korean (N 번째)."""
_ORD = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
FRACTION = re.compile(
    r"^(?P<name>.+?)(?:\s+|(?<=[^\x00-\x7f]))[(\[（【]\s*(?P<num>\d{1,2})\s*(?:/|／|of|de)\s*"
    r"(?P<total>\d{1,2})\s*"
    rf"[)\]）】]{TAIL_SEP}(?P<rest>.*)$",
    re.IGNORECASE,
)
"""A part of a known count: "Migrating to Gizmo (2/3)", "[1/4]", "(1 de 3)"; the bracket
stands apart from the name ("O(N^[1/3])" is an exponent)."""
ORDINAL_PART = re.compile(
    rf"^(?P<name>.+?)[\s,:：\-–—(（\[]+(?:(?P<word>{_ORD})|(?P<num>\d{{1,2}})\s*[ªº°]"
    r"|(?P<dotted>\d{1,2})\.\s*(?=teil|bölüm|kısım))\s*"
    r"(?:part|parte|entrega|installment|instalment|teil|bölüm|kısım)\b\s*[)）\]]?"
    rf"{TAIL_SEP}(?P<rest>.*)$",
    re.IGNORECASE,
)
"""An ordinal before a part word: "Gizmo, segunda parte", "(2ª parte)", "Second Part",
and the ordinal German and Turkish write with a dot: "Gizmo, 2. Teil", "Gizmo 2. Bölüm"
(in English "2. Part" is a list item, so the dot counts only before those words)."""
KO_ORDINAL = re.compile(
    rf"^(?P<name>.+?)\s*[-–—:：(（\[]?\s*(?:(?P<word>{_ORD})|(?P<num>\d{{1,2}}))\s*번째"
    r"(?:\s*(?:이야기|글|편|시간))?\s*(?:[)）\]]\s*(?:[:：\-–—.|]\s*)?|[:：\-–—.|]\s*|$)(?P<rest>.*)$"
)
"""Korean "N 번째" ("the Nth"): "Gizmo 입문 - 두 번째", "(3번째 이야기)"; it ends the title or
its bracket ("K번째 수", "네 번째 점": "the Kth number", "the fourth point", name things)."""
POSITION_PIECE = re.compile(
    r"^(?P<name>.+?)\s*[（(【]?\s*(?P<num>[上中下]|(?<=[\s（(【:：\-–—])[前後后])\s*[篇編编]\s*[)）】]?"
    r"(?:\s*[:：\-–—|]+\s*|\s+|$)(?P<rest>.*)$"
)
"""上篇/中篇/下篇: "the first/middle/last piece", written without brackets too; and the
Japanese 前編/中編/後編 (Chinese 前篇/后篇), "Git の使い方（前編）", where 前 and 後 must
stand apart from the name: "续前篇" is "continuing the previous post"."""
_FRONT_BACK = {"前": "上", "後": "下", "后": "下"}

NAMED_PIECE = re.compile(
    r"^(?P<name>.+?)\s*(?:[（(【\[]\s*(?P<piece>[^（()）【】\[\]]{1,16}?)\s*[篇編编]\s*[)）】\]]"
    r"|(?:\s+|\s*[:：\-–—]\s*)(?P<bare>[^\s:：\-–—（()）【】]{1,12}?)[篇編编])\s*$"
)
"""A part named by what it covers, last in the title: "Docker 入门（基础篇）", "…（进阶篇）";
"スーパーカブにドライブレコーダーを付ける（購入編）", "…（設置編）". Chinese and Japanese
write a series' parts so, each "the X piece"; the name before it is the series'. Like a
lone "chapter N", a lone one is no series: it needs a sibling of the same name."""
NAMED_PIECE_FORM = "{}（…篇）"
_NOT_A_PIECE = re.compile(r"[这這一本此那每整全第\d]")
""""看这篇就够了", "（全一篇）", "第3篇": a demonstrative, a count or an ordinal, no part."""
_WORK_ON_A_CN_CHAPTER = re.compile(
    r"笔记|筆記|习题|習題|练习|練習|答案|解答|总结|總結|小结|读后感|课后|課後|思考题|摘录"
)
"""The same in Chinese: notes, exercises, answers, a summary of the chapter."""

CN_CHAPTER_FORM = "{} 第N章"
"""A chapter marker: with siblings a part number, alone (like "chapter N") no series."""


def read_cn_ordinal(m: re.Match[str]) -> TitleMarker | None:
    part = parse_number(m["num"])
    name, rest = clean_name(m["name"]), clean(m["rest"])
    if part is None:
        return None
    if not name and m["ctr"] == "章" and rest:
        # "第1章 概述": a chapter counter with no name, as "Chapter 1: Overview" (weak:
        # only a run of them makes a series)
        return TitleMarker("Chapter", part, rest, WEAK, form="{} N")
    if not name:  # "第3期：主题" -> the series is what follows
        name, rest = clean_name(rest), rest
    if not name:
        return None
    if m["ctr"] == "章":  # a chapter, as in English: of a book, or of the author's own
        if "《" in m["name"] or _WORK_ON_A_CN_CHAPTER.search(rest):
            # "读《某书》第 2 章", "《某书》第3章 习题": the book's chapter (see chapter N)
            return TitleMarker(name, None, m.string, MEDIUM, form=BOOK_CHAPTER_FORM)
        return TitleMarker(name, part, rest or name, STRONG, form=CN_CHAPTER_FORM)
    return TitleMarker(name, part, rest or name, STRONG)


_NAMELESS_KO = {"장": "Chapter", "강": "Lecture", "일차": "Day"}
"""Korean counters that name a series by themselves when a title opens with one after the
ordinal 제 ("제 1장. x", "제 3강 y", "제 2일차 z"), as "Chapter 1: x", "Lecture 3 y" and
"Day 2 z" do: weak, so only a run of them makes a series (``titles.NAMELESS_COUNTERS``).
A bare "3강 y" opens with no name for ``COUNTER`` to match, and stays unread."""


def read_counter(m: re.Match[str]) -> TitleMarker | None:
    name, rest = clean_name(m["name"]), clean(m["rest"])
    part = parse_number(m["pre"] or m["num"])
    if part is None:
        return None
    counter = _NAMELESS_KO.get(m["ctr"] or "")
    if counter and name in ("", "제") and rest:
        return TitleMarker(counter, part, rest, WEAK, form="{} N")
    if not ok_name(name):
        return None
    return TitleMarker(name, part, rest or name, STRONG)


def read_position_piece(m: re.Match[str]) -> TitleMarker | None:
    name, rest = clean_name(m["name"]), clean(m["rest"])
    part = parse_number(_FRONT_BACK.get(m["num"], m["num"]))
    if part is None or not name:
        return None
    return TitleMarker(name, part, rest or name, STRONG)


def read_named_piece(m: re.Match[str]) -> TitleMarker | None:
    group = "piece" if m["piece"] else "bare"
    name, piece = clean_name(m["name"]), m[group].strip()
    if not piece or _NOT_A_PIECE.search(piece) or not ok_name(name):
        return None
    word = m.string[m.end(group) :].lstrip()[:1]  # 篇, 編 or 编, as the title writes it
    return TitleMarker(name, None, piece + word, MEDIUM, form=NAMED_PIECE_FORM)


_MAX_FRACTION_TOTAL = 20
"""A count of parts past twenty is more likely a date ("12/25") than a series."""


def read_fraction(m: re.Match[str]) -> TitleMarker | None:
    """ "X (2/3)": part 2. Not alone (a lone "(4/5)" is as often a rating): with siblings."""
    name, rest = clean_name(m["name"]), clean(m["rest"])
    part, total = int(m["num"]), int(m["total"])
    if not 1 <= part <= total or not 2 <= total <= _MAX_FRACTION_TOTAL or not name:
        return None  # "(3/2)", "(1/1)", "(12/25)": a ratio or a date, not part of a count
    return TitleMarker(name, part, rest or name, STRONG)


def read_ordinal(m: re.Match[str]) -> TitleMarker | None:
    name, rest = clean_name(m["name"]), clean(m["rest"])
    word = m["word"]
    part = _ORDINAL_WORDS.get(word.lower()) if word else parse_number(m["num"] or m["dotted"])
    if part is None or not name:
        return None
    return TitleMarker(name, part, rest or name, STRONG)


_LATIN_ORD = "|".join(
    w
    for w in sorted(_ORDINAL_WORDS, key=len, reverse=True)
    if not any("\uac00" <= c <= "\ud7a3" for c in w)  # Korean ones: only before 번째
)
LEADING_ORDINAL = re.compile(
    rf"^\s*(?P<word>{_LATIN_ORD})(?:\s+(?:e|y|and|&)\s+(?:último|última|ultimo|ultima|last|final))?"
    r"\s+(?P<name>[^:：|]+?)(?:\s*[:：|\-–—]\s+(?P<rest>\S.*))?$",
    re.IGNORECASE,
)
"""A title that opens with its ordinal: "Primeiro fim de semana de X", "Segundo fim de
semana de X: y", "Fourth and last week of X". Weak: "First look at Remix" alone is no
part 1; titles alike but for the ordinal are parts. Korean ordinals ("세 가지") are read
only before 번째 (``KO_ORDINAL``): at the start of a title they are as often counts."""
LEADING_ORDINAL_PROBE = re.compile(rf"^\s*(?:{_LATIN_ORD})\s", re.IGNORECASE)


def read_leading_ordinal(m: re.Match[str]) -> TitleMarker | None:
    name, rest = clean_name(m["name"]), clean(m["rest"] or "")
    part = _ORDINAL_WORDS.get(m["word"].lower())
    if part is None or not ok_name(name):
        return None
    return TitleMarker(name, part, rest or m.string, WEAK)
