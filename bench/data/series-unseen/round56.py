"""Round 56 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

soundsvegan (German, Gatsby: Anne Reis' personal blog Sounds Vegan at soundsvegan.com,
2008-11 to 2025-03: vegan food and recipes, vegan news, post-rock and other music with band
interviews and monthly playlists, travel and photo galleries; the posts before 2021-05 were
imported from WordPress). The posts are the Markdown files ``content/articles/YYYY/MM/
<name>.md`` (1981 at the commit read; ``gatsby-config.ts`` sources ``content/articles`` as
``article``), 1745 German (``language: de``, or no language) and 236 English translations
(``language: en``, each linking its German original with ``languageLink``). Only the posts
of **2020** are read (the window: see SOURCES.md, "Round 56"): 180 German posts, plus 27
English translations that are not read.

A post's front matter lists ``labels``; ``src/gatsby/on-create-node.ts`` splits each at its
colon into a type and a name (no colon: a tag; a label whose slug names a category of
``content/config/categories.yml``: that category), and ``src/gatsby/get-series.ts`` keeps
the labels of type ``serie`` (``- serie:Spanien 2019``): for each, the series' posts under
the label's slug (``slugify`` of the whole label, so ``serie: Playlists`` and
``serie:Playlists`` are one series), English posts left out.
``src/components/article-series.tsx`` ends the post with "Dieser Beitrag ist Teil der Serie
"<name>"" and that list. The label is the name (trimmed) as the heading shows it.

Order: ``create-pages.ts`` queries every post sorted by ``frontmatter.date`` descending and
fills each label's list in that order, so a series box lists its members newest first,
without numbers. The part of a multipart series' post is its rank, oldest first, among all
the German members the site lists (all years, not only the window's): the members are
transcribed below (``MEMBERS``, with their timestamps) and each read post is checked against
them. The recurring columns (``RECURRING``) get no part.

``12 Songs für den Februar`` (2020-01-26) carries two series labels (``Playlists 2020`` and
``Playlists``), so it falls to the builder's generic ``declares two series`` rule.

The commit read is ``682776dc1fdb`` (2025-03-07 15:23 +0100), the snapshot's newest on
``master``.

URLs: ``on-create-node.ts`` sets a post's path to ``/<year>/<month>/<file name>/`` (from its
folder; no post sets ``path``), and the feed (``gatsby-plugin-feed`` in ``gatsby-config.ts``)
links ``siteUrl`` (``https://soundsvegan.com``) plus that path (``soundsvegan_post``).

``build.py`` loads this module after ``round55.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
56") for the decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

WINDOW = "2020"

# content/config/categories.yml: slug -> (title, parentId)
CATEGORIES: dict[str, tuple[str, str | None]] = {
    "allgemein": ("Allgemein", None),
    "vegan": ("Vegan", None),
    "tierrechte": ("Tierrechte", "vegan"),
    "klima-und-umweltschutz": ("Klima & Umweltschutz", "vegan"),
    "ernaehrung-und-gesundheit": ("Ernährung & Gesundheit", "vegan"),
    "vegane-rezepte": ("Vegane Rezepte", "vegan"),
    "vegane-lokale": ("Vegane Lokale", "vegan"),
    "vegan-celebrities": ("Vegan Celebrities", "vegan"),
    "musik": ("Musik", None),
    "interviews": ("Interviews", "musik"),
    "bands": ("Bands", "musik"),
    "festivals": ("Festivals", "musik"),
    "konzerte": ("Konzerte", "musik"),
    "lifestyle": ("Lifestyle", None),
    "achtsamkeit": ("Achtsamkeit", "lifestyle"),
    "fair-fashion-und-beauty": ("Fair Fashion & Beauty", "lifestyle"),
    "antifaschismus-und-feminismus": ("Antifaschismus & Feminismus", "lifestyle"),
    "buecher-und-filme": ("Bücher & Filme", "lifestyle"),
    "kunst": ("Kunst", "lifestyle"),
    "geschichten-und-erlebtes": ("Geschichten & Erlebtes", "lifestyle"),
    "slow-travel": ("Slow Travel", None),
    "ausflug": ("Ausflug", "slow-travel"),
    "britische-inseln": ("Britische Inseln", "slow-travel"),
    "fernweh": ("Fernweh", "slow-travel"),
    "hamburg": ("Hamburg", "slow-travel"),
    "skandinavien": ("Skandinavien", "slow-travel"),
}

# the series of the window the site presents as ongoing columns: no part
RECURRING = {"Playlists 2020", "Playlists 2021", "DUNK!festival"}

# every German member of the window's multipart series, all years, oldest first (the reverse
# of the site's newest-first list), with the front-matter timestamp (UTC)
MEMBERS: dict[str, tuple[tuple[str, str], ...]] = {
    "England 2019": (
        ("2019/05/arctangent-festival-2019.md", "2019-05-20 12:36:53"),
        ("2019/09/arctangent-festival-2019-2.md", "2019-09-02 09:35:11"),
        ("2020/01/st-michaels-mount-marazion.md", "2020-01-15 20:41:06"),
        ("2020/02/penzance.md", "2020-02-06 17:50:00"),
        ("2020/02/2019-08-20-lands-end-england.md", "2020-02-18 17:36:03"),
        ("2020/02/marwood-hill-gardens.md", "2020-02-28 07:05:32"),
    ),
    "Spanien 2019": (
        ("2019/07/santaverde-finca-aloe-vera.md", "2019-07-26 11:45:29"),
        ("2019/09/estepona-andalusien.md", "2019-09-30 12:58:41"),
        ("2020/03/corona-blick-auf-den-felsen-von-gibraltar.md", "2020-03-18 10:10:21"),
        ("2020/03/die-affen-von-gibraltar.md", "2020-03-23 15:23:46"),
        ("2020/03/die-alameda-gaerten-von-gibraltar.md", "2020-03-31 15:29:48"),
        ("2020/04/tarifa-im-sommer.md", "2020-04-11 16:41:39"),
        ("2020/04/grow-cafe-tarifa.md", "2020-04-22 14:59:41"),
        ("2020/04/sevilla.md", "2020-04-28 15:00:00"),
        ("2020/05/granada.md", "2020-05-26 12:32:46"),
        ("2020/11/centro-de-arte-contemporaneo-de-malaga.md", "2020-11-17 15:10:08"),
        ("2020/12/centre-pompidou-malaga.md", "2020-12-02 07:45:51"),
    ),
    "Wildbienen": (
        # also in `10 Fakten über Veganismus`; the site lists it in both series
        ("2014/10/honig-das-ist-jetzt-aber-wirklich-uebertrieben-oder.md", "2014-10-16 13:02:45"),
        ("2018/08/phlox-und-flieder-immer-wieder.md", "2018-08-08 14:30:16"),
        ("2019/05/insektenhotel-bienen-auf-dem-balkon.md", "2019-05-05 13:08:32"),
        ("2019/07/kampf-gegen-das-bienensterben.md", "2019-07-10 10:14:46"),
        ("2019/07/wie-wildbienen-von-honigbienen-verdraengt-werden.md", "2019-07-29 16:44:44"),
        ("2020/04/bienentraenke.md", "2020-04-09 15:39:13"),
        ("2020/05/bienen-curridabat-costa-rica.md", "2020-05-13 15:33:17"),
        ("2020/06/florfliegenkasten.md", "2020-06-30 07:44:07"),
        ("2021/05/wildbienen-arten-und-gruppen.md", "2021-05-10 17:00:42"),
    ),
}

ARTICLES = "content/articles/"


def site_slugify(s: str) -> str:
    """``src/gatsby/slugify.ts``."""
    s = s.lower().replace("&", " und ")
    for a, b in (("è", "e"), ("'", ""), ("é", "e"), ("ä", "ae"), ("ö", "oe")):
        s = s.replace(a, b)
    for a, b in (("ø", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = re.sub(r"[^a-z0-9]", " ", s).strip()
    return re.sub(r"\s+", "-", s)


def timestamp(v: object) -> str:
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.UTC).replace(tzinfo=None)
        return v.strftime("%Y-%m-%d %H:%M:%S")
    return str(v)


def soundsvegan_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter of a German post of the window, with ``series`` (the names of its
    ``serie`` labels, one per slug), ``series_rank`` (the rank in ``MEMBERS`` of a
    multipart series' post) and ``categories`` (the other labels as the site titles them,
    parent categories added). English translations (``language: en``) are not read (None,
    counted by the builder as "no front matter / no title")."""
    fm = unseen.front_matter(text)
    if fm is None or fm.get("language") == "en":
        return None
    fm = dict(fm)
    if not timestamp(fm.get("date")).startswith(WINDOW):
        raise ValueError(f"{path}: dated {fm.get('date')!r}, outside {WINDOW}")
    series: dict[str, str] = {}
    labels: dict[str, str] = {}
    for label in unseen.as_list(fm.get("labels")):
        # on-create-node.ts: `let [type, name] = label.split(':')`; no name: a tag; a
        # category's slug: that category
        slug = site_slugify(label)
        parts = label.split(":")
        kind, name = parts[0], (parts[1] if len(parts) > 1 else "")
        if not name:
            kind, name = "tag", kind
        if slug in CATEGORIES:
            kind = "category"
        if kind == "serie":
            series.setdefault(slug, name.strip())
            continue
        title = CATEGORIES[slug][0] if slug in CATEGORIES else name.strip()
        labels[slug] = title
        parent = CATEGORIES.get(slug, ("", None))[1]
        if parent:
            labels[parent] = CATEGORIES[parent][0]
    fm["categories"] = list(labels.values())
    names = list(series.values())
    fm["series"] = names
    if len(names) == 1 and names[0] not in RECURRING:
        members = MEMBERS.get(names[0])
        if members is None:
            raise ValueError(f"{path}: series {names[0]!r} is neither in MEMBERS nor recurring")
        rel = path[len(ARTICLES) :]
        ranks = {p: (i, ts) for i, (p, ts) in enumerate(members, 1)}
        if rel not in ranks or ranks[rel][1] != timestamp(fm.get("date")):
            raise ValueError(f"{path}: not listed in MEMBERS[{names[0]!r}] with its date")
        fm["series_rank"] = ranks[rel][0]
    return fm


def soundsvegan_post(base: str) -> Callable[[Post], str]:
    """``/<year>/<month>/<file name>/`` (on-create-node.ts: the post's folders and file name)."""

    def f(p: Post) -> str:
        year, month, name = p.path[len(ARTICLES) :].split("/")
        return base.rstrip("/") + unseen.enc(f"/{year}/{month}/{name.removesuffix('.md')}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="soundsvegan",
        repo="matthias-reis/carda-gatsby",
        # `master` on 2025-03-07 15:23:47 +0100 ("Edit: NM EN & DE"), the snapshot's newest on
        # `master` (the other branches are Dependabot's and older feature branches)
        commit="682776dc1fdba1e6a20ce4d08b47a67fcc08f9fc",
        site="https://soundsvegan.com/",
        generator="Gatsby 4 (gatsby-plugin-mdx; site series box from `serie:` labels)",
        language="de (the posts of 2020 only; the English translations not read)",
        licence="no licence stated for the posts (LICENSE is the Gatsby starter's MIT, "
        "© 2015 gatsbyjs)",
        all_paths=True,
        # the window: the posts of 2020 (their folders and dates agree)
        include=rf"^content/articles/{WINDOW}/\d\d/[^/]+\.md$",
        meta=soundsvegan_meta,
        recurring=RECURRING,
        part_keys=("series_rank",),
        url=soundsvegan_post("https://soundsvegan.com"),
        url_source="reconstructed: /<year>/<month>/<file name>/ under https://soundsvegan.com "
        "(on-create-node.ts path, gatsby-config.ts siteUrl), as the feed items",
    ),
]
