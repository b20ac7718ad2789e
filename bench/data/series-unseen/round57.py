"""Round 57 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

yktoo (Russian, Hugo: Dmitry Kann's blog at yktoo.com, 2008 to 2026, about life in the
Netherlands: Dutch news, mentality and differences, Dutch expressions and the language,
travel, music, his own free software and his freelance business). The posts are page
bundles ``content/blog/posts/NNNN/index.<lang>.md`` (NNNN a running number), 891 Russian
(``index.ru.md``), 365 English (all but six translations of a Russian post) and 35 Dutch
(all translations), at the commit read. Only the **Russian** posts of **2020 and 2021**
are read (the window: see SOURCES.md, "Round 57"): 269 posts, the bundles 0531 to 0801
(every Russian post of those numbers is dated 2020 or 2021 and every Russian post of those
years has one of them; the check is in ``yktoo_meta``).

A post's front matter may set ``series: <slug>``, a Hugo taxonomy (``config/_default/
hugo.yaml`` ``taxonomies: series: series``, term pages at ``/blog/series/:title/``), whose
terms are titled by ``content/series/<slug>/_index.<lang>.md`` (``title``, ``description``,
``featured``). ``layouts/post/single.html`` heads the post with the series title, an arrow and the post
title, ends it with "Все посты рубрики «<series title>»" and lists the series' first four
posts in the sidebar; ``layouts/partials/page-title.html`` and ``page-title-string.html``
(the browser title, "<series title> » <post title>") do the same. The label is the series'
Russian title (``SERIES_TITLES``, transcribed from the ``_index.ru.md`` files).

Order: no post sets a weight, so the term page (``layouts/series/list.html``,
``.Paginator.Pages``) and the sidebar (``.Pages`` of the taxonomy entry) list the members by
Hugo's default page sort, newest first, without numbers; ``dutch-expressions`` uses the
``bullet-list`` layout, which sorts its members by title. The series page
(``layouts/series/terms.html``) splits the series into "Самое интересное" (``featured:
true``: the ongoing topics, software and columns) and "Прочие подборки" (``featured:
false``: the finished trips and reviews told in ``Часть N`` parts, all of 2011 to 2017).
Every series of the window is a featured one and is read as a ``recurring`` column
(``RECURRING``), so no part is given.

Left out: two posts whose titles number a part without a declared series
(``undeclared_parts``): ``До степени смешения — 2`` and ``Бездарные мошенники — 2: …``, the
sequels of two standalone posts of 2019.

The commit read is ``ff63e15c4d50`` (2026-01-23 08:54 +0100), the newest on ``master``.

URLs: ``hugo.yaml`` ``permalinks: blog: /blog/post/:year/:month/:day-:title/`` (no post sets
``url`` or ``slug``), ``defaultContentLanguageInSubdir: true`` (Russian under ``/ru/``),
``baseURL: https://yktoo.com/``; ``:title`` is Hugo's ``urlize`` of the front-matter title
(``hugo_title``), the date parts those of ``date`` as written (every date has its offset).

``build.py`` loads this module after ``round56.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
57") for the decisions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

WINDOW = ("2020", "2021")

# content/series/<slug>/_index.ru.md `title` (and `featured`) of the series the window's
# posts declare
SERIES_TITLES: dict[str, str] = {
    "beg-to-differ": "Разнимся",  # featured; "Чем голландцы отличаются от русских?"
    "business": "Доля предпринимательская",  # featured; news and tips for entrepreneurs
    "coronavirus": "Коронавирусные новости",  # featured; "Выпуск N" issues
    "dutch-expressions": "Нидерландские выражения",  # featured; layout bullet-list
    "infopi": "InfoPi",  # featured; his Raspberry Pi kiosk software
    "learn-dutch": "Учим нидерландский",  # featured; Dutch language notes
    "music": "Музопад",  # featured; one little-known musician per post
    "once.to": "once.to",  # featured; his link shortener: launch and monthly updates
    "sound-switcher-indicator": "Sound Switcher Indicator",  # featured; release notes
    "ymuse": "Ymuse",  # featured; release notes
}

# the site's featured series, presented as ongoing topics: columns, no part
RECURRING = set(SERIES_TITLES.values())


def hugo_title(s: str) -> str:
    """Hugo's ``urlize`` of a title (``paths.Sanitize`` then lower case): letters (Go's
    ``unicode.IsLetter``), decimal digits (``unicode.IsDigit``: category Nd only, so the
    subscript in ``R₀`` is dropped), marks and ``. / \\ _ # + ~ - @`` are kept, a run of
    spaces becomes one hyphen unless it follows a hyphen, everything else is dropped."""
    out: list[str] = []
    prepend = was_hyphen = False
    for ch in unicodedata.normalize("NFC", s):
        cat = unicodedata.category(ch)
        if ch in "./\\_#+~-@" or cat in {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"} or cat[0] == "M":
            was_hyphen = ch == "-"
            if prepend and not was_hyphen:
                out.append("-")
            prepend = False
            out.append(ch)
        elif out and not was_hyphen and ch.isspace():
            prepend = True
    return "".join(out).lower()


def yktoo_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter of a Russian post of the window, with ``series`` as the series'
    Russian title (``SERIES_TITLES``)."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    fm = dict(fm)
    if fm.get("type") != "post":
        raise ValueError(f"{path}: type {fm.get('type')!r}, not a post")
    if str(fm.get("date"))[:4] not in WINDOW:
        raise ValueError(f"{path}: dated {fm.get('date')!r}, outside {WINDOW}")
    series = fm.get("series")
    if series is not None:
        if not isinstance(series, str) or series not in SERIES_TITLES:
            raise ValueError(f"{path}: series {series!r} is not in SERIES_TITLES")
        fm["series"] = SERIES_TITLES[series]
    return fm


def yktoo_post(base: str) -> Callable[[Post], str]:
    """``/ru/blog/post/:year/:month/:day-:title/`` under the site URL."""

    def f(p: Post) -> str:
        y, m, d = str(p.fm["date"])[:10].split("-")
        name = hugo_title(str(p.fm["title"]))
        return base.rstrip("/") + unseen.enc(f"/ru/blog/post/{y}/{m}/{d}-{name}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="yktoo",
        repo="yktoo/yktoo.com",
        # `master` on 2026-01-23 08:54:13 +0100 ("new post"), the snapshot's newest (its only
        # branch)
        commit="ff63e15c4d503e2c52c0f2eed3cd9e38bee76d64",
        site="https://yktoo.com/ru/",
        generator="Hugo 0.150 (site layouts, series taxonomy)",
        language="ru (the posts of 2020–2021 only; the English and Dutch translations not read)",
        licence="CC BY-NC-SA 4.0 (repository LICENSE; about page: the source code and all "
        "the content)",
        all_paths=True,
        # the window: the Russian posts of 2020 and 2021, the bundles 0531 to 0801
        include=r"^content/blog/posts/0(?:53[1-9]|5[4-9]\d|[67]\d\d|80[01])/index\.ru\.md$",
        meta=yktoo_meta,
        recurring=RECURRING,
        undeclared_parts=(
            # sequels of `До степени смешения` (2019-09-26) and `Бездарные мошенники`
            # (2019-10-04), numbered in their titles, no series declared
            "До степени смешения — 2",
            "Бездарные мошенники — 2: фишинг с marktplaats.nl",
        ),
        url=yktoo_post("https://yktoo.com"),
        url_source="reconstructed: Hugo permalink /blog/post/:year/:month/:day-:title/ "
        "(hugo.yaml) under https://yktoo.com/ru (defaultContentLanguageInSubdir), :title "
        "the urlized front-matter title",
    ),
]
