"""Round 8 of series-unseen (added 2026-12-06): five blogs whose posts declare their series.

hudi (Korean, Gatsby), vepo (Brazilian Portuguese, Jekyll with AsciiDoc posts),
darktable-fr (French, Hugo: the French community site of the darktable project),
snoyman (English, Zola) and guym (French, Jekyll). ``build.py`` loads this module after
``moved_heldout.py`` and sets ``unseen`` to itself before running it, so these blogs are
read by the same reader, URL helpers and label rules as every other blog of this corpus;
their rows come last in ``corpus.jsonl``. See SOURCES.md ("Round 8") for the decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers


def gatsby_bundle(base: str) -> Callable[[Post], str]:
    """gatsby-starter-hoodie's slug (its gatsby-node.js): the last directory of the
    post's file path, ``/<bundle dir>/``, kept as written."""

    def f(p: Post) -> str:
        return base.rstrip("/") + unseen.enc(f"/{p.stem}/")

    return f


def zola_page(base: str, section: str) -> Callable[[Post], str]:
    """Zola: the front matter's ``path`` (a trailing slash added, as Zola writes the page
    to ``<path>/index.html``), else ``/<section>/<file name>/``."""

    def f(p: Post) -> str:
        path = p.fm.get("path")
        if isinstance(path, str) and path.strip("/"):
            return base.rstrip("/") + unseen.enc("/" + path.strip("/") + "/")
        return base.rstrip("/") + unseen.enc(f"/{section.strip('/')}/{p.stem}/")

    return f


def taxonomy_series(fm: dict[str, object]) -> list[str]:
    """Zola taxonomies: ``[taxonomies] series = [...]``."""
    taxo = fm.get("taxonomies") if isinstance(fm.get("taxonomies"), dict) else {}
    return unseen.as_list(taxo.get("series"))  # type: ignore[union-attr]


def publish_date_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter; the post's date is ``publish_date`` (what the blog's layout shows
    and sorts its series by); the ``date`` key is not used by this blog."""
    fm = unseen.front_matter(text)
    if fm is not None and fm.get("date") is None and fm.get("publish_date") is not None:
        fm["date"] = fm["publish_date"]
    return fm


def jekyll_filename_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter of a Jekyll post that sets no date: the date and the ``:title`` slug
    come from the file name, as Jekyll reads it (one-digit months and days allowed:
    ``2025-09-6-DacPac.md``); a space-separated ``tags`` string is split, as Jekyll
    does."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    m = unseen.JEKYLL_POST_NAME.match(path.rsplit("/", 1)[-1])
    if m:
        y, mo, d = (int(x) for x in m[1].split("-"))
        if fm.get("date") is None:
            fm["date"] = dt.date(y, mo, d)
        fm.setdefault("slug", m[2])
    if isinstance(fm.get("tags"), str):
        fm["tags"] = str(fm["tags"]).split()
    return fm


# ---------------------------------------------------------------------------- the blogs

# darktable-fr: every declared series is "Tutoriels de <channel or author>", a collection of
# one channel's videos, one post per video as they came out (several over years). Those are
# columns, `recurring`, except the four whose titles number consecutive lessons of one course.
DARKTABLE_COURSES = {
    "Tutoriels de carafife",  # Tuto Carafife 1 … 38, then Tuto darktable N°39 … 41
    "Tutoriels de JC Tutos",  # darktable Tuto n°1 … n°23, some in 2–4 parts
    "Tutoriels de Laurent Tuto",  # darktable - 02 - … - 07 -
    "Tutoriels de OuiOuiPhoto",  # De Lightroom à darktable 01 … 05
}
DARKTABLE_COLUMNS = {
    "Tutoriels d'AXIOM GRAPH",
    "Tutoriels d'Aurélien Pierre",
    "Tutoriels d'Eric Prouzet",
    "Tutoriels d'Olivier Masse",
    "Tutoriels La Photo Nature",
    "Tutoriels de A dabble in photography",
    "Tutoriels de Benja1972",
    "Tutoriels de Boris Hajdukovic",
    "Tutoriels de Brand Artery",
    "Tutoriels de Bruce Williams",
    "Tutoriels de Carte Postale de",
    "Tutoriels de Chez Jau",
    "Tutoriels de David LaCivita",
    "Tutoriels de Dutch_Wolf",
    "Tutoriels de Francisco Cribari",
    "Tutoriels de Frédéric Dux",
    "Tutoriels de Frédéric de Thezy",
    "Tutoriels de GDQuest",
    "Tutoriels de HPBirkeland Photography",
    "Tutoriels de Harry Durgin",  # Weekly Edit 1 … 41
    "Tutoriels de Jean-Pierre Verrue",
    "Tutoriels de Julien Pons",
    "Tutoriels de Juste une mise au point",
    "Tutoriels de Keifer Hunniford",
    "Tutoriels de Leander Hutton",
    "Tutoriels de Leanndruss Photography",
    "Tutoriels de Luc Viatour",
    "Tutoriels de MyGimpTutorialChannel",
    "Tutoriels de Nicolas Mareau",
    "Tutoriels de Pixels Libres",
    "Tutoriels de Pixovert",
    "Tutoriels de Raw Photography Tutorials",
    "Tutoriels de Rawfiner",
    "Tutoriels de Rico Richardson",
    "Tutoriels de Riley Brandt",
    "Tutoriels de Shane Milton",
    "Tutoriels de philippus",
}


BLOGS: list[Blog] = [
    Blog(
        id="hudi",
        repo="devHudi/hudi.blog",
        commit="36a5aeb2576eebc476af830371899e585d96200f",
        site="https://hudi.blog/",
        generator="Gatsby (gatsby-starter-hoodie)",
        language="ko",
        licence="MIT (repository LICENSE, 2021 Donghyun Cho)",
        all_paths=True,
        include=r"^contents/posts/.*/index\.md$",
        url=gatsby_bundle("https://hudi.blog"),
        url_source="reconstructed: gatsby-node.js slug /<last directory of the post path>/",
        recurring={
            "연도별 회고",  # yearly retrospectives, 2018 … 2023
            "우아한테크코스 4기 백엔드 과정 회고",  # weekly course retrospectives, 1주차 … 4주차
            "우아한테크코스 글쓰기 미션",  # one essay per writing assignment of the course
            "독서",  # book notes, one book each
        },
        unordered={
            "가상면접 사례로 배우는 대규모 시스템 설계 기초": "its posts are chapters "
            "Chap01, Chap07, Chap08 of the book (date ranks 1–3); the marker check does "
            "not read `Chap`",
        },
        undeclared_parts=(
            "젠킨스를 사용한 달록팀의 지속적 배포 환경 구축기 (1) - 백엔드편",
            "젠킨스를 사용한 달록팀의 지속적 배포 환경 구축기 (2) - 프론트엔드편",
        ),
    ),
    Blog(
        id="vepo",
        repo="vepo/vepo.github.io",
        commit="0576595ab80712e6aecc1e1a8d4ddb8d36c320ab",
        site="https://blog.vepo.dev/",
        generator="Jekyll (Markdown and AsciiDoc posts, jekyll-asciidoc)",
        language="pt",
        licence="CC BY-NC-SA 4.0 (repository LICENSE)",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html|adoc)$",
        meta=publish_date_meta,
        url=unseen.jekyll("https://blog.vepo.dev", "/posts/:title"),
        url_source="front matter permalink (Jekyll, CNAME blog.vepo.dev)",
        recurring={
            # essays on an internet controversy of the moment, each on its own subject
            "O que tá acontecendo na internet?",
            # "uma série de posts rápidos sobre tudo que um Sênior deve saber": independent
            # tips (money types, logging, SOLID, listening …), 2020-05 to 2021-11
            "Coisas que todo Sênior deve saber",
            # one "X 101" primer each: Testes 101, Ágil 101, Docker 101
            "Level Up",
        },
    ),
    Blog(
        id="darktable-fr",
        repo="jpverrue/darktable-fr",
        commit="89ead7fb5a0aa71d44dffb53a3b4fa9504dfee39",
        site="https://darktable.fr/",
        generator="Hugo (hugo-theme-bootstrap)",
        language="fr",
        licence="GPL-3.0 (repository LICENSE)",
        all_paths=True,
        include=r"^content/posts/.*\.md$",
        url=unseen.hugo_path("https://darktable.fr", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path "
        "/posts/<year>/<month>/<bundle dir>/",
        recurring=DARKTABLE_COLUMNS,
        unordered={
            "Tutoriels de carafife": "28 members dated 2016-02-21 (an import) in file "
            "order: `Tuto Carafife 10` … `19` before `2` … `9`; the titles number them",
            "Tutoriels de JC Tutos": "titled `Tuto n°N` with sub-parts (`n° 15 … 2ème partie`); "
            "`n° 3` is dated before `n°2` on the same day and `N°4` comes twice",
            "Tutoriels de OuiOuiPhoto": "`De Lightroom à darktable 01`…`05`, then `Lightroom "
            "darktable Express 01` at rank 6",
        },
        undeclared_parts=(
            # numbered like the declared JC Tutos course, but declaring no series
            "darktable Tuto n° 8 : Masques dessinés 1ère partie",
            "daktable Tuto n°12 : Masques dessinés 5ème partie , l'outil dégradé",
            # a numbered beginners' course and two numbered columns, no series declared
            "darktable débutant. 2. Importer ses images",
            "darktable Débutant. 4. Les Mots-Clés",
            "darktable ep 018 - darktable rocks! (en anglais)",
            "darktable news #2",
        ),
    ),
    Blog(
        id="snoyman",
        repo="snoyberg/snoyman.com",
        commit="f1829bb165d5ddaa420260e22ee9a099b2923141",
        site="https://www.snoyman.com/",
        generator="Zola",
        language="en",
        licence="no licence stated",
        all_paths=True,
        include=r"^content/blog/[^/]+\.md$",
        url=zola_page("https://www.snoyman.com", "blog"),
        url_source="reconstructed: Zola front-matter path (else /blog/<file name>/), "
        "base_url https://www.snoyman.com",
        series_of=taxonomy_series,
        # one post of meeting minutes of the Haskell Foundation board
        recurring={"haskell-foundation"},
        unordered={
            "rust-crash-course": "its titles number lessons: `Introducing the Rust crash "
            "course` is rank 1, so `lesson 1` is rank 2 and each lesson's `exercise "
            "solutions` post takes the next rank; the marker check does not read `lesson`",
        },
        undeclared_parts=(
            # part 2 of the post before it; neither declares a series
            "Haskell base proposal: unifying vector-like types",
            "Haskell base proposal, part 2: unifying vector-like types",
        ),
    ),
    Blog(
        id="guym",
        repo="Zeguym/guym.fr",
        commit="080260b9a4166462ccc4873d466099d04cfe2157",
        site="https://guym.fr/",
        generator="Jekyll (jekyll-text-theme)",
        language="fr",
        licence="posts CC BY-NC 4.0 (_config.yml `license`, shown by the theme); theme MIT "
        "(LICENSE)",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        meta=jekyll_filename_meta,
        url=unseen.jekyll("https://guym.fr", "/:categories/:year/:month/:day/:title.html"),
        url_source="reconstructed: Jekyll default permalink (date) "
        "/:categories/:year/:month/:day/:title.html, CNAME guym.fr",
        unordered={
            "IoC et DI en .NET": "its two members are titled `(Ioc 2/3)` and `(Ioc 3/3)` "
            "(date ranks 1–2); the marker check does not read `Ioc N/3`",
        },
    ),
]

assert not DARKTABLE_COURSES & DARKTABLE_COLUMNS
assert all(re.match(r"Tutoriels", s) for s in DARKTABLE_COURSES | DARKTABLE_COLUMNS)
