"""Round 71 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

parenteser (Norwegian Bokmål, Powerpack: "Parenteser", the technical blog of Team Servering
at Mattilsynet, the Norwegian Food Safety Authority, at parenteser.mattilsynet.io, 2023 to
2026: Clojure, Datomic, NATS, full-text search in JavaScript, the team's "functional core,
imperative shell" architecture, pair programming, continuous delivery and ways of working;
eight authors). The posts are ``content/blog-posts/<slug>.md`` (109 files, all read); the
whole blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every ``.md`` file of ``content/blog-posts`` (109). ``Monader.hs`` and
  ``monader.clj`` beside them are code attached to a post, not pages (Powerpack ingests
  ``.md`` and ``.edn`` content files). ``content/view-transition-1.md`` and ``-2.md`` are
  demo pages of a CSS view-transition post (``:page/kind :page.kind/view-transition``), not
  posts, and lie outside ``content/blog-posts``. No post sets ``:blog-post/hidden?`` (the
  only flag the front page reads) or ``:page/locale`` (every post is ``:nb``, the default);
  drafts live on the ``utkast`` branch and English versions on ``engelsk``, neither read.
  The newest post (2026-07-09) is older than the commit, and the site shows every post
  whatever its date.
- **Format.** A post is a mapdown page (magnars/mapdown 0.2.1, through Powerpack): every line
  opening with ``:<key>`` at column 0 starts a key, whose value is the text up to the next
  such line, trimmed; a later key wins. Values are EDN read by Powerpack against the site's
  schema: ``:page/title`` is the text (unquoted when it is one quoted string, Powerpack's
  ``maybe-read-string``: one title, ``"Bygg delt forståelse av kvalitet med
  parprogrammering"``), ``:blog-post/published #time/ldt "2024-01-03T15:45:00"`` a local
  date-time (14 with fractional seconds; the date part is kept), ``:blog-post/tags [:datomic :clojure]`` a vector of
  keywords (kept as their names, in order; one line ends with a ``;`` comment, which EDN
  drops), ``:blog-post/series {:series/id :datomic}`` a reference to a series entity.
  ``parenteser_meta`` reads exactly these with the standard library and stops the build on
  any other shape.
- **Series.** A post is in a series iff it sets ``:blog-post/series`` (23 posts). The series
  entities are in ``content/series.md`` (``SERIES`` below): ``:series/id``, ``:series/name``,
  ``:series/sequential? true`` on four of the six, a blurb and a ``:page/uri``. The label is
  the post's declared id as written, the keyword's name (``datomic``), as the corpus keeps the
  declared key of a data-file series (jeonghwan-kim, jeonje, infews); the names are in
  ``SERIES`` and SOURCES.md. Six ids: ``datomic`` 7, ``nats`` 4, ``clojure-core`` 4,
  ``foredrag`` 4, ``fulltekstsok`` 3, ``fk-is`` 1.
- **Order.** No number is declared. For a sequential series the series page
  (``series_page.clj``) lists the members by ``:blog-post/published`` ascending, each headed
  "Del N:" (part N), and a member's page ends with a link to the next one
  (``blog_post_page.clj``). No two members of a series share a day, so the builder's rank by
  date is the site's order; no title marks a part.
- **Kind.** ``foredrag`` ("Foredrag", talks) is ``recurring``: ``content/series.md`` does not
  mark it sequential, and the site presents it as a collection, not a sequence: its page
  lists the members newest first without numbers, each member's page links to the *latest*
  post of the series instead of the next one, and the description reads "Det hender at vi
  også holder foredrag ute i den vide verden. Her har vi samlet noen av dem" (we sometimes
  give talks; here we have collected some of them). Its four posts are independent talks
  (a frontend talk, 2024-01; two JavaZone 2024 talks; a JavaZone 2025 talk). That is the
  corpus' rule (``recurring`` where the site presents a column of independent entries), as
  for bacarotech's ``Slide`` (one post per talk's slide deck) and blacksheepcode's
  ``tools_i_like``; its parts are ``null``. ``fk-is`` ("Funksjonell kjerne, imperativt
  skall", also not sequential) has one post and keeps the builder's default for a one-post
  series, as earlier rounds do (``multipart``, part 1). The four sequential series are
  ``multipart``.
- **Posts sharing a series' topic but not declared in it stay standalone, as declared:** the
  NATS posts ``Køer i praksis: Flytting av data`` and ``Når meldingene presser på``, the
  Datomic posts ``Om nøkler og deres bruk`` and ``Datomic, hvorfor er spørringen min
  treig?``, the FK/IS posts (``Rene funksjoner og uforanderlige data — to bestevenner``,
  ``Et fint, lite system for skjemaer``, ``Intensjon, instruks og effektuering: …``), the
  talk ``Video: Om å varsomt røske seg ut av en monolitt`` and the podcast post, and pairs
  such as ``Kast backlogen din!`` / ``Livet uten backlog`` and ``Tenke sjæl`` / ``Kode
  sjæl``. No title marks a part, so no post is left out (``undeclared_parts`` is empty).

The commit read is ``31692d3db514`` (2026-07-10 16:33 +0200, "Bloggpost: Perspektiver fra en
sommer"), the newest on ``main``, the default branch (``utkast``, ``engelsk`` and the topic
branches are not read).

URLs: Powerpack gives a page without ``:page/uri`` the path of its file
(``powerpack.ingest/suggest-url``: ``/blog-posts/<slug>/``), and the site's
``parenteser.ingest/ingest-blog-post`` removes the leading ``/blog-posts``, so a post is at
``/<slug>/`` under ``:site/base-url`` ``https://parenteser.mattilsynet.io``
(``src/parenteser/core.clj``); no post sets ``:page/uri``. The posts' own links agree (e.g.
``/smak-av-datomic/``, ``/intro-til-nats/``, ``/sok-vekting/``).

``build.py`` loads this module after ``round70.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
71") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

POST_FILE = re.compile(r"^content/blog-posts/([^/]+)\.md$")
BASE = "https://parenteser.mattilsynet.io"

# `content/series.md`: id -> (`:series/name`, `:series/sequential?`)
SERIES: dict[str, tuple[str, bool]] = {
    "clojure-core": ("clojure.core", True),
    "datomic": ("Smakebiter av Datomic", True),
    "fk-is": ("Funksjonell kjerne, imperativt skall", False),
    "foredrag": ("Foredrag", False),
    "fulltekstsok": ("Fulltekstsøk fra bunnen av", True),
    "nats": ("Nyttig å vite om NATS", True),
}

KEY = re.compile(r"(?m)^:[^ \n\t\r]+")  # mapdown's keyword-re
PUBLISHED = re.compile(r'#time/ldt\s+"(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"')
SERIES_REF = re.compile(r"\{\s*:series/id\s+:([^\s{}\[\],;]+)\s*\}")
EDN_KEYWORD = re.compile(r":([^\s{}\[\]()\",;:][^\s{}\[\]()\",;]*)")


def mapdown(text: str) -> dict[str, str] | None:
    """One mapdown page: ``{key: value}`` (a later key wins, as ``zipmap`` does), or None when
    the text does not open with a key (Powerpack then keeps it as a bare body)."""
    s = text.lstrip("\ufeff").replace("\r\n", "\n").strip()
    if not s.startswith(":"):
        return None
    keys = [k[1:] for k in KEY.findall(s)]
    values = [v.strip() for v in KEY.split(s)[1:]]
    return dict(zip(keys, values, strict=True))


def edn_keywords(value: str, path: str) -> list[str]:
    """The names of the keywords of an EDN vector such as ``[:a :b] ; comment``."""
    m = re.fullmatch(r"\[([^\[\]\"]*)\]\s*(?:;[^\n]*)?", value)
    if not m:
        raise ValueError(f"{path}: tags {value!r} are not a vector of keywords")
    items = m[1].replace(",", " ").split()
    names = [EDN_KEYWORD.fullmatch(t) for t in items]
    if not all(names):
        raise ValueError(f"{path}: tags {value!r} are not a vector of keywords")
    return [n[1] for n in names if n]


def parenteser_meta(text: str, path: str) -> dict[str, object] | None:
    """The page's title, date, tags and series, read as Powerpack reads them."""
    page = mapdown(text)
    if page is None or not page.get("page/title"):
        return None
    if page.get("page/locale") or page.get("blog-post/hidden?") or page.get("page/uri"):
        raise ValueError(f"{path}: sets :page/locale, :blog-post/hidden? or :page/uri")
    title = page["page/title"]
    if title.startswith('"') and title.endswith('"') and title.count('"') == 2:
        if "\\" in title:
            raise ValueError(f"{path}: escaped title {title!r}")
        title = title[1:-1]  # Powerpack's maybe-read-string
    if "\n" in title:
        raise ValueError(f"{path}: title on several lines")
    date = PUBLISHED.fullmatch(page.get("blog-post/published", ""))
    if not date:
        raise ValueError(f"{path}: no #time/ldt :blog-post/published")
    fm: dict[str, object] = {
        "title": title,
        "date": date[1],
        "tags": edn_keywords(page.get("blog-post/tags", "[]"), path),
    }
    if "blog-post/series" in page:
        ref = SERIES_REF.fullmatch(page["blog-post/series"])
        if not ref or ref[1] not in SERIES:
            raise ValueError(f"{path}: series {page['blog-post/series']!r} not in SERIES")
        fm["series"] = ref[1]
    return fm


def parenteser_url(p: Post) -> str:
    """Powerpack's ``/blog-posts/<slug>/`` without the ``/blog-posts`` prefix."""
    slug = POST_FILE.match(p.path)[1]  # type: ignore[index]
    return BASE + unseen.enc(f"/{slug}/")


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="parenteser",
        repo="Mattilsynet/parenteser",
        # `main` on 2026-07-10 16:33:05 +0200 ("Bloggpost: Perspektiver fra en sommer"), the
        # default branch
        commit="31692d3db5149dd6030fe99b5e3a4265c4a9f091",
        site="https://parenteser.mattilsynet.io/",
        generator="Powerpack (cjohansen/powerpack, Clojure; mapdown pages, site series pages "
        "and series box from content/series.md)",
        language="nb (Norwegian Bokmål)",
        licence="no licence stated (no LICENSE; README only)",
        include=r"^content/blog-posts/[^/]+\.md$",
        meta=parenteser_meta,
        recurring={"foredrag"},
        url=parenteser_url,
        url_source="reconstructed: Powerpack's file-path :page/uri /blog-posts/<slug>/ "
        "(suggest-url) without the /blog-posts prefix (parenteser.ingest) under "
        "https://parenteser.mattilsynet.io (core.clj :site/base-url)",
    ),
]
