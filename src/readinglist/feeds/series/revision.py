"""The revision of the series rules: raised when a change should regroup stored feeds.

Kept apart from ``detect`` so its history, one paragraph per revision, does not crowd
the module that runs the passes.
"""

from __future__ import annotations

__all__ = ["RULES_REVISION"]

RULES_REVISION = 16
"""Raise it when a change to the rules should regroup the feeds a library stores.

A sync groups a feed again only when the feed sends something, so a quiet feed would
keep the old grouping for good; a library grouped by another revision (or another
release of readinglist) is grouped again once, on the next sync (``services.regroup``).
2: "系列之N" parts, lone parts that take up a group's numbering; that regroup also
stores merged posts under the series detection found (``storage.upsert_store``).
3: part words in slugs ("part-ii", "EntityPart3"), "x-y2" after "x-y", Turkish and
Russian part words, a part every title repeats, slug-made names spelled as titles are,
slug numbers with gaps of ten, lone "(Episode N)" runs, tags that declare a series,
titles opening with their ordinal, posts a year apart as a column, "X - Revisited".
4: a directory a site gives a few posts below the level of all its others; one why for
a declared series (each member's part in it rewrote the series at every sync); no series
named by question words before the title in a slug ("what-is-x").
5: columns dated by the month ("Updates in April 2019", "2023 年 1 月報報", "2023년 3월
회고"): titles the same but for a month and its year are one column.
6: release columns: titles the same but for a version ("Announcing Gizmo 1.29.0!",
"Version 4.2.0") are one column, announcements of releases included.
7: parts named as pieces, last in the title: 前編/中編/後編 (and 前篇/后篇) by position,
"X（基础篇）" / "X（設置編）" by what they cover (a pair or more of one name).
8: a book's place in its series as catalogues cite it ("Review of X (The Saga, #3)") is no
part, nor is its slug's number; a whole run of glued slug numbers ("dactyl1", "dactyl2",
"dactyl3") completed by a titled part 1.
9: a lone one-word slug number no longer hides a first part ("X" at /x-day1/ beside "X
(Day 2)"); one numbered post among many under a tag makes no series of the tag.
10: a one-word slug that a series' slugs extend ("/graphiti/" before "/graphiti-code-1/")
joins it when every title, its own and theirs, opens with that word; "Chap01." is a
chapter marker; a number glued to a Korean stem of two words or more ("함수로 함수
만들기2 커링") numbers its parts as "JDBC2" does; a counter opening a title with no
name before it ("Lab 3 Firewalls", "实验3 数据完整性", "Day 02 x") names a run of them;
an opening that names a kind of post ("Getting started with x", "Lessons learned from
y") is phrasing, not a series.
11: a one-word slug is compared as written: "/https/" is no unnumbered first part of
"HTTP2" (its plural folded alike), "/widgets/" still of "Widgets 2"; one number among
five or more titles of a group orders nothing, whatever it says ("Week One"): dates do;
a title quoting another's whole title ("'X - Gizmo Tutorial 01' 정리") has its marker;
the pieces of one part ("X 05 part 1", "… part 2") fill X's missing 5; titles each
naming another work in quotes ("О книге «X»", "… «Y»") are a column of reviews; a
bare counter that starts again ("Day 1" … "Day 30", then "Day 1" …) is a new series;
a date or an id before a slug's name is no part of it ("20041122-blogspot-x"); a
ratio or a time is no part number ("링글 1:1 튜터링", "Standup 10:30").
12: a head whose name another head's name ends ("Design Patterns - x" beside "Rust
Design Pattern: y") joins it only when one of them numbers its parts; a part split by
a letter in its slug ("x-part4a", "x-part4b") is that part, in two pieces; an opening
that presents a course ("Presentación del curso X", "Presentation of the course Y") is
phrasing, each post introducing another course.
13: the Korean ordinal prefix 제 counts only as a word of its own ("X 제 2편"): in "X
사전과제 1편" it ends the name's last word, which the series keeps; a name stops before
the bracket or arrow its marker opened ("X - 「第十九章 …」", "X -> Day 2"), and two
titles ending alike ("… - Jane Doe") pair on two words of a name, not on a separator;
"Case Study - x" (and "Estudo de caso: y") names the kind of post, as "Review: x" does;
a post introducing a series by its whole name ("Introducing the Rust crash course") is
its opening post; a title naming a head series mid-title ("Testing React Query" beside
"React Query x") joins it when both carry the tag spelled as the series' name; a series
its slugs name by a bare part word ("Part") is named by the phrase its titles share;
Polish, Czech, Slovak and Ukrainian part words ("część 2", "cz. 2", "část", "частина",
"/x-czesc-2/"); a lone first part whose name the later parts' name extends by one word
("TypeScript – część 1", "Kurs TypeScript – część 2") takes up their numbering; a
group whose titles differ only by a month's name, no year ("12 Songs für den März", "…
April"), is a column; "TIL: x" posts (three or more) are a column, not posts of a kind;
numbers too big for a part ("Kata - 1045 - x") count as the ids of a column of items;
kinds of post in Russian, French, German, Italian and Polish ("Видео: x", "Rezension: y");
"Выпуск N: x" (issue N) runs are a column; a part word's number spelled in Spanish,
Portuguese, Italian, French or German ("Parte dos", "Teil drei", "Part Deux"); "Devlog
N" numbers an entry as "Day N" does; a run of one word's numbered slugs ("/chatflow-1/"
… "/chatflow-7/") brings its differently titled posts into the series most of it is in,
and a post alone under a name of its own counts as loose under a series' slug prefix;
"x launched!" is an announcement, as "x released" is.
14: a side story, sequel, bonus or epilogue ending in its series' name ("与复杂同行（番外）",
"x（后传）", "x (Bonus)") joins that series unnumbered, even beside one lone part;
numbers that name pre-releases ("ABS preview-2", "Gizmo Beta 3", "RC 1") are no parts:
the group is the project's column of releases; "Race Report: x" (and trip, event and
conference reports) names a kind of post, as "Review: x" does; numbers in tortoise-shell
brackets ("松山大学〔十一〕") are parts as in parentheses; a post naming itself a piece of
something ("x コロナ編") follows the post titled as that something ("x"); a periodical's
volume and issue ("Vol I, #3", "Volume 2, No. 4") number a column's issues.
15: a series' key leaves out the word "and" (and "&"), which hand-made slugs drop now and
then ("x-and-y-notes", "x-y-notes-part-2"), so both spell one series; a head ending in
"and" ("Storage DRS and x") is then the product's name before unrelated topics; a slug
that ends with its whole title names the series in what comes before it, even when the
title shares a word with the name ("nodejs-y-express-peticiones-y-respuestas"), and a
".js" a slug spells three ways ("nodejs-", "node-js-", "node-") names one series; a
name made of a shared opening ends before a linking word ("Integrating direnv", its
parts "with kerl", "with nvm"; the key is unchanged); a yearly column that skipped a
year or more (posts whole years apart, in one season, most of them one year) is one.
16: a Korean or Chinese word glued to the title by a bare hyphen ("모으잡-기획 구체화")
labels a series even when other posts come between its posts, where a spaced one-word
head ("파이썬 - x") is a topic unless posted as a run; "译文" (a translation) names a kind
of post; a quote around a whole title ("'Kiln Glazes: x' 번역") is in neither the series'
name nor the part's title; a post opening with a bare counter's number its run lacks
("Day 9 - Kata (一)" between Day 8 and Day 11 of a thirty-day run, posted between them) is
that day of the run, though an inner marker had made it a series of its own; a chapter
counter with no name ("Chapter 1: x", "제 1장. x", "第1章 x") names a series as "Day 1 x"
does, only in a run, and a slug that numbers the same part under a name ("/http-basics-1/")
names it instead; a number stuck to a name that every post of the group repeats is the
name's own ("rrxv6 : x", "rrxv6 : y"), so their shared head is the series, not part 6
twelve times over; a week of posts under a head with a year is an event's write-ups
only when the year follows a name ("ASIS CTF 2016"), not when it opens the name or sits
in a sentence ("在 2021 年要如何開發 x", "2020 發文頻率分析"); a reply ("Re: SG Day 868")
is read as the post it answers, day 868 of "SG", not a one-post series "Re: SG"; a post
covering a range of days or weeks ("X Day 4-7") is read from the first under the series'
own name, not apart as "X Day", and the range's end is no part title ("7"); the parts
it covers are the reader's, never missing ("Parts 4–7", schema 15).
"""
