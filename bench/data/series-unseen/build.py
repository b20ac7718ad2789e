#!/usr/bin/env python3
"""Build corpus.jsonl (series-unseen) from fetched snapshots of public blog repositories.

usage: python3 bench/data/series-unseen/build.py [--mirrors DIR] [--check] [--list BLOG]

Every blog below is read from a bare git snapshot under ``--mirrors`` (default
/work/.mirror), at the commit pinned in BLOGS, e.g. /work/.mirror/Ovilia+blog/repo. The
snapshots come from the workplace's ``fetch`` tool (``fetch github:Ovilia/blog``); they
are not needed by the tests, only to rebuild the corpus. Only metadata is taken from the
source files: title, date, categories/tags, the declared series and its declared
number. The post URL is rebuilt from the generator's permalink rule (``url_source``).

Labels (see SOURCES.md): a post is in a series iff its front matter declares one; the
part is the number declared in front matter when there is one, else the post's rank by
date inside its declared series (the order the site's series navigation shows), else
null for recurring columns. Nothing is labeled from the title.

Needs PyYAML (the system Python has it; the project's venv does not).
--check  rebuild in memory and compare with the committed corpus.jsonl.
--list   print every post of one blog with its label (to review the overrides).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import yaml

HERE = Path(__file__).resolve().parent


# ---------------------------------------------------------------------------- reading


def git(gitdir: Path, *args: str, quotepath: bool = True) -> str:
    opts = [] if quotepath else ["-c", "core.quotepath=off"]
    return subprocess.run(
        ["git", *opts, "--git-dir", str(gitdir), *args], capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")


def front_matter(text: str) -> dict[str, object] | None:
    """The YAML (---) or TOML (+++) front matter of a page, or None."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    for fence, load in (("---", yaml.safe_load), ("+++", tomllib.loads)):
        if text.startswith(fence + "\n") or text.startswith(fence + "\r\n"):
            end = text.find("\n" + fence, len(fence))
            if end < 0:
                return None
            try:
                data = load(text[len(fence) + 1 : end])
            except Exception:
                return None
            return data if isinstance(data, dict) else None
    return None


def as_list(v: object) -> list[str]:
    if v is None:
        return []
    if isinstance(v, list):
        return [str(x).strip() for x in v if x is not None and str(x).strip()]
    s = str(v).strip()
    return [s] if s else []


def as_date(v: object) -> str | None:
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        m = re.match(r"\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})", v)
        if m:
            return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    return None


def as_int(v: object) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return None


def pelican_meta(text: str, path: str) -> dict[str, object] | None:
    """The metadata block of a Pelican source file, keys lower-cased, or None.

    Markdown: ``Key: value`` lines up to the first blank line (indented lines continue the
    previous value); Mau: ``:pelican.key:value`` lines; reStructuredText: the document
    title (over/underlined heading) then ``:key: value`` field lines. ``tags`` is split on
    commas; ``status: draft`` (or hidden) marks a draft, as Pelican does.
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    meta: dict[str, object] = {}
    if path.endswith(".mau"):
        for line in lines:
            m = re.match(r":pelican\.([A-Za-z_]+):(.*)$", line)
            if not m:
                break
            meta[m[1].lower()] = m[2].strip()
    elif path.endswith(".rst"):
        i = 0
        while i < len(lines) and not lines[i].strip():
            i += 1
        rule = re.compile(r"^([=\-#~*^+`'\"])\1{2,}\s*$")
        if i < len(lines) and rule.match(lines[i]):  # overlined heading
            i += 1
        if i + 1 < len(lines) and rule.match(lines[i + 1]) and lines[i].strip():
            meta["title"] = lines[i].strip()
            i += 2
        for line in lines[i:]:
            if not line.strip():
                if meta.keys() - {"title"}:
                    break
                continue
            m = re.match(r":([A-Za-z_]+):\s*(.*)$", line)
            if not m:
                break
            meta[m[1].lower()] = m[2].strip()
    else:
        key = None
        for line in lines:
            if not line.strip():
                break
            m = re.match(r"([A-Za-z_][A-Za-z0-9_ -]*):\s*(.*)$", line)
            if m and not line[0].isspace():
                key = m[1].strip().lower()
                meta[key] = m[2].strip()
            elif key and line[0].isspace():
                meta[key] = f"{meta[key]} {line.strip()}".strip()
            else:
                break
    if not meta.get("title"):
        return None
    if isinstance(meta.get("tags"), str):
        meta["tags"] = [t.strip() for t in str(meta["tags"]).split(",") if t.strip()]
    if str(meta.get("status", "")).lower() in {"draft", "hidden"}:
        meta["draft"] = True
    return meta


# ---------------------------------------------------------------------------- URL rules


def hugo_urlize(s: str) -> str:
    """Hugo's urlize for a path segment: lower case, spaces to '-', drop most punctuation."""
    s = unicodedata.normalize("NFC", s.strip()).lower()
    out = []
    for ch in s:
        if ch.isalnum() or ch in "-_./":
            out.append(ch)
        elif ch.isspace():
            out.append("-")
    return re.sub(r"-{2,}", "-", "".join(out))


def jekyll_slug(s: str, cased: bool = True) -> str:
    """Jekyll's slugify mode 'pretty' (the :title placeholder keeps case)."""
    s = re.sub(r"[^\w._~!$&'()+,;=@]+", "-", s).strip("-")
    return s if cased else s.lower()


def enc(path: str) -> str:
    return quote(path, safe="/-._~!$&'()+,;=@%")


@dataclass
class Post:
    path: str
    fm: dict[str, object]
    stem: str  # file name without extension, or the bundle directory's name
    file_date: str | None  # date in a Jekyll file name


@dataclass
class Blog:
    id: str
    repo: str
    commit: str
    site: str
    generator: str
    language: str
    licence: str
    include: str  # regex on the path of a post file
    url: Callable[[Post], str]
    url_source: str
    exclude: str = r"(^|/)_index(\.[a-z-]+)?\.md$"
    recurring: set[str] = field(default_factory=set)
    # declared series whose order the date rank cannot give (members published the same day
    # in an order their titles contradict, or numbered in titles the marker check cannot
    # read): their parts are left null, with the reason
    unordered: dict[str, str] = field(default_factory=dict)
    # declared series that are topical collections, not a sequence: their posts are left out
    topical: set[str] = field(default_factory=set)
    # posts left out, by path substring, with the reason
    drop: dict[str, str] = field(default_factory=dict)
    # posts left out by exact title: the title marks a part (or a numbered column) but the
    # author declared no series, so neither "standalone" nor a series label would be honest
    undeclared_parts: tuple[str, ...] = ()
    series_of: Callable[[dict[str, object]], list[str]] | None = None
    part_keys: tuple[str, ...] = ()
    # reads a source file's metadata (text, path); default: YAML/TOML front matter
    meta: Callable[[str, str], dict[str, object] | None] | None = None
    # read files whose paths are not ASCII: with git's default core.quotepath such paths are
    # listed quoted, match no include pattern and were skipped. The blogs of the first two
    # rounds keep that (their committed rows; SOURCES.md "Doubtful" counts what it leaves out)
    all_paths: bool = False
    # Jekyll: a post whose front matter sets no title is titled from its file name
    # (Utils.titleize_slug: the slug split on "-", each piece capitalized, joined by spaces)
    title_from_filename: bool = False
    notes: str = ""


def hugo_page(base: str, section_url: str, *, use_slug: bool = True) -> Callable[[Post], str]:
    def f(p: Post) -> str:
        if isinstance(p.fm.get("url"), str):
            return base.rstrip("/") + enc("/" + str(p.fm["url"]).strip("/") + "/")
        name = str(p.fm["slug"]) if use_slug and p.fm.get("slug") else p.stem
        return base.rstrip("/") + enc(section_url + hugo_urlize(name) + "/")

    return f


def hugo_path(base: str, strip: str, prefix: str = "/") -> Callable[[Post], str]:
    """Hugo without a permalink rule: the content path (bundle dir or file stem), slug last."""

    def f(p: Post) -> str:
        if isinstance(p.fm.get("url"), str):
            return base.rstrip("/") + enc("/" + str(p.fm["url"]).strip("/") + "/")
        rel = p.path[len(strip) :]
        parts = rel.split("/")
        parts = parts[:-1] if re.match(r"index(\.[a-z-]+)?\.md$", parts[-1]) else parts
        parts[-1] = re.sub(r"(\.[a-z]{2}(-[a-z]+)?)?\.(md|markdown)$", "", parts[-1])
        if p.fm.get("slug"):
            parts[-1] = str(p.fm["slug"])
        return base.rstrip("/") + enc(prefix + "/".join(hugo_urlize(x) for x in parts) + "/")

    return f


def jekyll(
    base: str, pattern: str, categories: Callable[[Post], list[str]] | None = None
) -> Callable[[Post], str]:
    def f(p: Post) -> str:
        if isinstance(p.fm.get("permalink"), str):
            return base.rstrip("/") + enc("/" + str(p.fm["permalink"]).lstrip("/"))
        d = as_date(p.fm.get("date")) or p.file_date or "0000-00-00"
        y, m, day = d.split("-")
        cats = "/".join(jekyll_slug(c, cased=False) for c in (categories(p) if categories else []))
        url = (
            pattern.replace(":categories", cats)
            .replace(":year", y)
            .replace(":month", m)
            .replace(":day", day)
            .replace(":title", jekyll_slug(str(p.fm.get("slug") or p.stem)))
        )
        return base.rstrip("/") + enc(re.sub("/{2,}", "/", url))

    return f


JEKYLL_POST_NAME = re.compile(r"(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")


def jekyll_titleize(path: str) -> str | None:
    """Jekyll 3's title for a post without one: titleize_slug of the file name's slug
    (trailing periods dropped), or None when the name is not a Jekyll post name."""
    m = JEKYLL_POST_NAME.match(path.rsplit("/", 1)[-1])
    if not m:
        return None
    pieces = re.sub(r"\.*$", "", m[2]).split("-")
    while pieces and not pieces[-1]:  # Ruby's split drops trailing empty fields
        pieces.pop()
    return " ".join(w[:1].upper() + w[1:].lower() for w in pieces)


def pelican_slug(title: str) -> str:
    """Pelican's default slug: ASCII-folded, lower case, punctuation dropped, runs of
    spaces and hyphens to one hyphen."""
    s = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^\w\s-]", "", s).strip().lower()
    return re.sub(r"[-\s]+", "-", s)


def pelican(base: str, pattern: str) -> Callable[[Post], str]:
    """Pelican ARTICLE_URL: ``{slug}`` and ``{date:%Y}``/``%m``/``%d``; front-matter ``url``
    wins; the slug is the declared one, else derived from the title."""

    def f(p: Post) -> str:
        if isinstance(p.fm.get("url"), str):
            return base.rstrip("/") + enc("/" + str(p.fm["url"]).lstrip("/"))
        slug = str(p.fm.get("slug") or pelican_slug(str(p.fm["title"])))
        y, m, d = (as_date(p.fm.get("date")) or "0000-00-00").split("-")
        url = (
            pattern.replace("{slug}", slug)
            .replace("{date:%Y}", y)
            .replace("{date:%m}", m)
            .replace("{date:%d}", d)
        )
        return base.rstrip("/") + enc("/" + url.lstrip("/"))

    return f


# ---------------------------------------------------------------------------- the blogs


def extra_series(fm: dict[str, object]) -> list[str]:
    extra = fm.get("extra") if isinstance(fm.get("extra"), dict) else {}
    return as_list(extra.get("series"))  # type: ignore[union-attr]


def ovilia_categories(p: Post) -> list[str]:
    cats = ["notes"] if p.path.startswith("notes/") else []
    return cats + as_list(p.fm.get("categories")) + as_list(p.fm.get("category"))


def fm_categories(p: Post) -> list[str]:
    """Jekyll's categories from front matter (``category`` or ``categories``)."""
    return as_list(p.fm.get("category")) + as_list(p.fm.get("categories"))


def chapel_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter of a Chapel blog post: YAML front matter for Markdown (leading blank
    lines skipped), and for a literate Chapel source (``.chpl``) the leading ``//``
    comment lines, as the blog's chpl2md script reads them: the first is the title, the
    following ``// key: value`` lines are front matter."""
    if not path.endswith(".chpl"):
        # two posts open with a blank line before the fence; Hugo reads them all the same
        return front_matter(text.lstrip())
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if not lines or not lines[0].startswith("//"):
        return None
    title = lines[0][2:].strip()
    fm_lines = []
    for line in lines[1:]:
        if not line.startswith("//"):
            break
        fm_lines.append(line[2:].strip())
    try:
        data = yaml.safe_load("\n".join(fm_lines)) if fm_lines else {}
    except Exception:
        return None
    if not isinstance(data, dict):
        return None
    data["title"] = title
    return data


def hexo_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter of a Hexo post, with ``abbrlink`` kept as written (YAML would read an
    all-digit link as a number, ``0…`` as octal)."""
    fm = front_matter(text)
    if fm is None:
        return None
    block = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n---", 1)[0]
    m = re.search(r"^abbrlink:\s*['\"]?([0-9A-Za-z]+)['\"]?\s*$", block, re.M)
    fm["abbrlink"] = m[1] if m else None
    return fm


def hexo_abbrlink(base: str) -> Callable[[Post], str]:
    """Hexo ``permalink: :abbrlink/``: the front matter's abbrlink, else the one
    hexo-abbrlink writes at build time. The blog's tools/patch-abbrlink.js replaces the
    plugin's CRC32 of the title by the first 8 hex digits of the title's MD5, read as an
    unsigned integer and printed in hex (``rep: hex``)."""

    def f(p: Post) -> str:
        link = p.fm.get("abbrlink")
        if not link:
            digest = hashlib.md5(str(p.fm["title"]).encode("utf-8")).hexdigest()
            link = format(int(digest[:8], 16), "x")
        return base.rstrip("/") + enc(f"/{link}/")

    return f


BLOGS: list[Blog] = [
    Blog(
        id="jaehyeon",
        repo="jaehyeon-kim/jaehyeon-kim.github.io",
        commit="5f252550c95faa343f614687aed8e9c772714882",
        site="https://jaehyeon.me/",
        generator="Hugo",
        language="en",
        licence="MIT (repository LICENSE, 2023 Jaehyeon Kim)",
        include=r"^content/blog/[^/]+/index\.md$",
        url=hugo_path("https://jaehyeon.me", "content/"),
        url_source="reconstructed: Hugo, no permalink rule for blog: /blog/<bundle dir>/",
        undeclared_parts=("Download Stock Data - Part I", "Download Stock Data - Part II"),
    ),
    Blog(
        id="digitaldrummerj",
        repo="digitaldrummerj/digitaldrummerj.me",
        commit="3e79f80c2382a47b15ff4b232da83b3a112ebeaa",
        site="https://digitaldrummerj.me/",
        generator="Hugo",
        language="en",
        licence="no licence stated (config: all content is the property of Justin James)",
        include=r"^content/posts/.*\.md$",
        url=hugo_page("https://digitaldrummerj.me", "/", use_slug=False),
        url_source="reconstructed: Hugo permalinks posts = /:contentbasename/",
    ),
    Blog(
        id="apihandyman",
        repo="arno-di-loreto/apihandyman.io",
        commit="a31047a8428235461f3b6168fba733a814f08c08",
        site="https://apihandyman.io/",
        generator="Jekyll",
        language="en",
        licence="no licence stated",
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll("https://apihandyman.io", "/:year/:month/:day/:title/"),
        url_source="front matter permalink (Jekyll, url https://apihandyman.io)",
        part_keys=("series_number",),
    ),
    Blog(
        id="systemoverlord",
        repo="Matir/blog",
        commit="ce81abce58049eb17a3aa332de581b585ced113f",
        site="https://systemoverlord.com/",
        generator="Jekyll",
        language="en",
        licence="theme MIT (LICENSE.md); no licence stated for the posts",
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll("https://systemoverlord.com", "/:year/:month/:day/:title.html"),
        url_source="reconstructed: Jekyll _config.yml permalink /:year/:month/:day/:title.html",
        undeclared_parts=(
            "ALF 2008: SSH & GPG (Part 1: OpenSSH)",
            "Using an SSH Connection to Provide Remote Support (Part I)",
            "(Virtually) Setting Up A Test Lab (Part 1)",
            "Playing with the Patriot Gauntlet Node (Part 1)",
            "Playing with the Patriot Gauntlet Node (Part 2)",
            "BSides SF CTF by MAD Security, Part 1",
            "BSides SF CTF by MAD Security, Part 2",
            "BSides SF CTF by MAD Security, Part 3",
            "Hacker Summer Camp Planning Guide, Part II",
            *(
                f"Weekly Reading List for {d}"
                for d in [
                    "1/18/14",
                    "1/25/14",
                    "2/1/14",
                    "2/8/14",
                    "2/15/14",
                    "4/4/14",
                    "5/16/14",
                    "5/23/14",
                    "5/30/14",
                    "8/2/14",
                ]
            ),
            "Reading List for 5/9/2014",
        ),
    ),
    Blog(
        id="ovilia",
        repo="Ovilia/blog",
        commit="d7a4274f0321afcc77262237224f828a2d1d9cbc",
        site="http://zhangwenli.com/blog/",
        generator="Jekyll",
        language="zh+en",
        licence="CC BY-NC 3.0 (repository LICENSE.md)",
        include=r"^(notes/)?_posts/.*\.(md|markdown|html)$",
        url=jekyll(
            "http://zhangwenli.com/blog",
            "/:categories/:year/:month/:day/:title/",
            ovilia_categories,
        ),
        url_source="reconstructed: Jekyll permalink pretty /:categories/:year/:month/:day/:title/",
        recurring={"年度总结", "读书小结", "2019 月度小结", "历观文囿，泛览辞林"},
        undeclared_parts=("代码江湖救急（上）", "代码江湖救急（下）"),
    ),
    Blog(
        id="wcy-dt",
        repo="WCY-dt/blog",
        commit="ccebd905cc3e9c70eb59f270b500a0d85c6b2af4",
        site="https://blog.ch3nyang.top/",
        generator="Jekyll",
        language="zh",
        licence="CC BY-NC-SA 4.0 (repository LICENSE.txt)",
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll("https://blog.ch3nyang.top", "/post/:title/"),
        url_source="reconstructed: Jekyll _config.yml permalink /post/:title/",
        part_keys=("series_index",),
        all_paths=True,
    ),
    Blog(
        id="dog-du",
        repo="Dog-Du/Dog-Du.github.io",
        commit="8c12638a7bcdd2df83c0809ed0cd33452435d971",
        site="https://dog-du.github.io/",
        generator="Hugo (Blowfish)",
        language="zh",
        licence="no licence stated",
        include=r"^content/posts/.*\.md$",
        url=hugo_page("https://dog-du.github.io", "/posts/"),
        url_source="reconstructed: Hugo permalinks posts = /posts/:slug/",
        part_keys=("series_order",),
        all_paths=True,
    ),
    Blog(
        id="matnoble",
        repo="MatNoble/blog-source",
        commit="45b1dff554132db9ea56e27a39a06263f8e61b44",
        site="https://blog.matnoble.top/",
        generator="Hugo",
        language="zh",
        licence="no licence stated",
        include=r"^content/zh/(?!series/|about/|archives/|categories/|tags/|friends/|movie/).+\.md$",
        url=hugo_path("https://blog.matnoble.top", "content/zh/"),
        url_source="reconstructed: Hugo, default language zh not in a subdir, content path",
        recurring={"latex"},
    ),
    Blog(
        id="euraxluo",
        repo="Euraxluo/Euraxluo.github.io",
        commit="cba3c70be940908f143699d9112c69684d04a0bb",
        site="https://euraxluo.github.io/",
        generator="Hugo (hugo-theme-bootstrap)",
        language="zh+en",
        licence="no licence stated",
        include=r"^content/posts/.*\.md$",
        url=hugo_path("https://euraxluo.github.io", "content/"),
        url_source="reconstructed: Hugo content path (baseURL is '/'; host = the GitHub Pages "
        "repository name)",
        all_paths=True,
    ),
    Blog(
        id="zlfn",
        repo="zlfn/zlfn-space",
        commit="4b62d3c72d676f7ceb1b8af6a16a6c3f68e7e7d8",
        site="https://zlfn.space/",
        generator="Zola",
        language="ko",
        licence="CC BY-NC-SA 4.0 (LICENSE-CONTENT)",
        include=r"^content/blog/[^/]+/index\.md$|^content/blog/[^/_][^/]*(?<!\.en)(?<!\.ja)\.md$",
        url=hugo_path("https://zlfn.space", "content/"),
        url_source="reconstructed: Zola, default language ko: /blog/<page dir>/",
        series_of=extra_series,
    ),
    Blog(
        id="thedigitalcat",
        repo="TheDigitalCatOnline/blog_source",
        commit="c9f22f62d2bce9c66bb55c76d460cce51a823171",
        site="https://www.thedigitalcatonline.com/",
        generator="Pelican",
        language="en",
        licence="CC BY-SA 4.0 (repository README: all posts and code snippets)",
        include=r"^pelican/content/[^/]+\.(markdown|md|mau|rst)$",
        exclude=r"^$",
        url=pelican(
            "https://www.thedigitalcatonline.com", "blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/"
        ),
        url_source="reconstructed: Pelican ARTICLE_URL blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/ "
        "(publishconf SITEURL)",
        meta=pelican_meta,
        part_keys=("series_index",),
        undeclared_parts=tuple(f"A game of tokens: solution - Part {n}" for n in range(1, 5)),
    ),
    Blog(
        id="mindbending-pt",
        repo="magnunleno/MindBending-pt",
        commit="ed5c99f260be7110e74aec9591fdbe5942da7f0d",
        site="http://mindbending.org/pt/",
        generator="Pelican",
        language="pt",
        licence="CC BY-SA 4.0 (repository LICENSE)",
        include=r"^content/articles/.*\.rst$",
        exclude=r"^$",
        url=pelican("http://mindbending.org/pt", "{slug}"),
        url_source="reconstructed: Pelican ARTICLE_URL {slug} under http://mindbending.org/pt "
        "(the site's own links); slug from the title when none is declared",
        meta=pelican_meta,
        part_keys=("series_index",),
        drop={
            "content/articles/hnc/hnc-v": "podcast episode notes numbered vX.Y (Hack 'n' Cast), "
            "no series declared",
        },
        undeclared_parts=(
            "Preparem-se Irmãos do Arch Linux",
            "Preparem-se Irmãos do Arch Linux - Parte 2",
            "Tutorial de PyGI em Vídeo",
            "Tutorial de PyGI em Video 2",
            "Tutorial de PyGI em Video 3",
            "Django: Utilizando Tabelas de Outros Sistemas Parte 1/2",
        ),
    ),
    Blog(
        id="codehero",
        repo="codeheroco/codehero-static",
        commit="49b4200545950b7b6a59a0d2a9853b9dc4b575e5",
        site="http://codehero.co/",
        generator="Jekyll",
        language="es",
        licence="CC BY-NC-SA 4.0 (CC-LICENSE; site footer: the publications); code MIT "
        "(MIT-LICENSE)",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll("http://codehero.co", "/:title"),
        url_source="reconstructed: Jekyll _config.yml permalink /:title (url http://codehero.co)",
        series_of=lambda fm: as_list(fm.get("serie")),
        undeclared_parts=(
            "Cómo instalar, configurar y usar Redis - Parte I",
            "Cómo instalar, configurar y usar Redis – Parte II",
            "Como utilizar colas de mensajes con RabbitMQ - Parte I",
            "Cómo utilizar colas de mensajes con RabbitMQ - Parte II",
            "Cómo utilizar Bower - Parte I",
            "Cómo utilizar Bower - Parte II",
            "Como escribir código mantenible - parte 1",
            "Como escribir código mantenible - parte 2",
            "Cómo escribir Markdown - Parte I",
            "Cómo escribir Markdown - Parte II",
        ),
    ),
    Blog(
        id="jeonghwan-kim",
        repo="jeonghwan-kim/jeonghwan-kim.github.com",
        commit="976e8362d0eb8cbc4de6c6536020f2d13729da4c",
        site="https://jeonghwan-kim.github.io/",
        generator="Jekyll",
        language="ko",
        licence="no licence stated (the LICENSE added with the later Gatsby rewrite is the "
        "starter's 0BSD)",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll(
            "https://jeonghwan-kim.github.io",
            "/:categories/:year/:month/:day/:title.html",
            fm_categories,
        ),
        url_source="reconstructed: Jekyll default permalink /:categories/:year/:month/:day/"
        ":title.html (front-matter permalinks honoured; the last Jekyll commit, before the "
        "Gatsby rewrite)",
        series_of=lambda fm: as_list(fm.get("seriesId")),
        drop={
            "node-web-0_index": "series index page (the Node.js codelab's introduction and "
            "table of contents)",
        },
        unordered={
            "20160611": "five members dated 2016-06-14: file order puts parts 10-12 before "
            "8-9 (the numbers in their titles)",
        },
        undeclared_parts=(
            "WordPress study 01 &#8211; misfit.kr",
            "이미지 업로드 - 1. multer 모듈로 파일 업로드",
            "이미지 업로드 – 2. gm 모듈로 이미지 리사이징",
            "Express.js - 1. 설치와 구조",
            "Express.js - 2. 라우팅",
            "Express.js - 3. 템플릿(Jade)",
            "Jekyll 커스터마이징 1 - 코멘트와 페이지네이션",
            "Jekyll 커스터마이징 2 - 태그",
            "함수형 프로그래머가 되고 싶다고? 파트6",
            "Node.js Stream 당신이 알아야할 모든 것 1편",
            "Node.js Stream 당신이 알아야할 모든 것 2편",
            "Node.js Stream 당신이 알아야할 모든 것 3편",
            "리덕스 사가 사용하기 (타입스크립트 버전) - 1편",
            "리덕스 사가 사용하기 (타입스크립트 버전) - 2편",
        ),
    ),
    Blog(
        id="yeonb0",
        repo="Yeonb0/Yeonb0.github.io",
        commit="cdb3242738a23c1efce17dc605068abefec8fb33",
        site="https://yeonb0.github.io/",
        generator="Jekyll (Minimal Mistakes)",
        language="ko (titles mostly en)",
        licence="theme MIT (LICENSE, Minimal Mistakes); no licence stated for the posts",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll("https://yeonb0.github.io", "/:categories/:title/", fm_categories),
        url_source="reconstructed: Jekyll _config.yml permalink /:categories/:title/",
        unordered={
            "컴퓨터 네트워크": "all 13 members dated the same day (2026-06-24); file order is "
            "alphabetical",
            "프로그래밍 언어": "all 10 members dated the same day (2026-06-24)",
            "컴퓨터 시스템 개론": "all 8 members dated the same day (2026-06-24)",
            "알고리즘 설계와 분석": "members dated in same-day pairs; file order puts "
            "Divide-and-Conquer before Introduction",
            "혼자 공부하는 네트워크": "members dated in same-day groups (2 on 02-05, 3 on "
            "02-12); file order is by their Korean titles",
        },
    ),
    Blog(
        id="harley-hwan",
        repo="harley-hwan/harley-hwan.github.io",
        commit="83b27ea81649909e237169a7548e03e840263534",
        site="https://harley-hwan.github.io/",
        generator="Jekyll (Chirpy)",
        language="ko",
        licence="theme MIT (LICENSE, Chirpy); no licence stated for the posts",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll("https://harley-hwan.github.io", "/posts/:title/"),
        url_source="reconstructed: Jekyll _config.yml defaults permalink /posts/:title/",
        part_keys=("series_order",),
        undeclared_parts=(
            "(MFC) 시간, 날짜 프로그램",
            "(MFC) 시간, 날짜 프로그램2",
            "(MFC) 색상 슬라이드 프로그램 작성",
            "(MFC) 색상 슬라이드 프로그램 작성 2",
            "(MFC) 메시지 박스 프로그램 -1",
            "(MFC) 메시지 박스 프로그램 -2",
            "(MFC) 메시지 박스 프로그램 -3",
            "(cuda) 1. cuda 시작하기",
            "(cuda) 2. hello CUDA 출력해보기",
            "(cuda) 3. Linux 환경에서 cuda 시작하기",
        ),
    ),
    Blog(
        id="pythonforundergradengineers",
        repo="ProfessorKazarinoff/staticsite",
        commit="ee2fe5075ef51de1a2f35314280e7c5ba578b7c9",
        site="https://pythonforundergradengineers.com/",
        generator="Pelican",
        language="en",
        licence="GPL-3.0 (repository LICENSE)",
        all_paths=True,
        include=r"^content/posts/.*\.md$",
        exclude=r"^$",
        url=pelican("https://pythonforundergradengineers.com", "{slug}.html"),
        url_source="reconstructed: Pelican default ARTICLE_URL {slug}.html under publishconf "
        "SITEURL https://pythonforundergradengineers.com (declared Slug, else from the title)",
        meta=pelican_meta,
        part_keys=("series_index",),
    ),
    Blog(
        id="chapel",
        repo="chapel-lang/chapel-blog",
        commit="09ca26c0d2b5d06dc666e13e8f7e66eabf591e7d",
        site="https://chapel-lang.org/blog/",
        generator="Hugo",
        language="en",
        licence="Apache-2.0 (repository LICENSE)",
        all_paths=True,
        include=r"^content/posts/[^/]+/index\.md$|^chpl-src/[^/]+\.chpl$",
        url=hugo_page("https://chapel-lang.org/blog", "/posts/"),
        url_source="reconstructed: Hugo /posts/<bundle dir or .chpl file name>/ under "
        "https://chapel-lang.org/blog (README: https://chapel-lang.org/blog/posts/<slug>/)",
        meta=chapel_meta,
        recurring={"Release Announcements", "7 Questions for Chapel Users"},
    ),
    Blog(
        id="raphaell2e",
        repo="RaphaelL2e/tech-blog",
        commit="6ccbddb41ace50d92adc019043dc9d2e137a2fb1",
        site="https://raphaell2e.github.io/",
        generator="Hugo",
        language="zh",
        licence="no licence stated",
        all_paths=True,
        include=r"^content/posts/.*\.md$",
        url=hugo_page("https://raphaell2e.github.io", "/posts/"),
        url_source="reconstructed: Hugo, no permalink rule: /posts/<slug or file name>/",
        part_keys=("series_order",),
        undeclared_parts=(
            "GitHub快速学习(一)",
            "GitHub快速学习(二)",
            "GitHub快速学习(三)",
            "GitHub快速学习(四)",
            "第一章 Linux开山篇",
            "第二章 Linux基础篇 linux入门",
            "第五章 Linux实操篇",
            "操作系统（一）",
            "操作系统（二）",
            "操作系统（三）",
            "Linux面试八股文（一）——Linux基础与命令实战",
            "Linux面试八股文（二）——Shell脚本编程与文本处理",
            "Linux面试八股文（三）——Linux网络配置与服务管理",
            "Linux面试八股文（四）——Linux系统安全与权限管理",
            "Java并发编程面试八股文（一）——线程基础与锁机制",
            "Java并发编程面试八股文（二）——JUC并发工具类与线程池",
            "Java并发编程面试八股文（三）——并发容器深入与实战案例",
            "Java并发编程面试八股文（四）——异步编程与并发设计模式",
            "Java并发编程面试八股文（五）——JVM层面并发机制与高并发实战",
            "Java并发编程面试八股文（六）——综合面试题与实战",
            "Redis面试八股文（一）——Redis核心数据结构与底层原理",
            "Redis面试八股文（二）——持久化、过期策略与内存淘汰",
            "Redis面试八股文（三）——主从复制、哨兵机制与Redis Cluster集群",
            "Redis面试八股文（四）——缓存问题解决方案、事务机制与Lua脚本实战",
            "Redis面试八股文（五）——Stream消息流、HyperLogLog与Bitmap实战",
        ),
    ),
    Blog(
        id="jeonje",
        repo="JeonJe/JeonJe.github.io",
        commit="30a6871cac39b2e822f5794ffdc7fa9320008b40",
        site="https://jeonje.github.io/",
        generator="Jekyll (Chirpy)",
        language="ko",
        licence="theme MIT (LICENSE, Chirpy starter); no licence stated for the posts",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll("https://jeonje.github.io", "/posts/:title/"),
        url_source="reconstructed: Jekyll _config.yml defaults permalink /posts/:title/",
        part_keys=("series_order",),
        recurring={"retrospective", "loopers-wil"},
        undeclared_parts=(
            "대규모 서비스를 위한 백엔드 확장 전략 (1): DB 다중화와 캐싱",
            "대규모 서비스를 위한 백엔드 확장 전략 (2): MSA와 데이터 샤딩",
            "자바/스프링 테스트 개발자 리뷰 노트 1: 단위 테스트와 통합 테스트 전략",
            "자바/스프링 테스트 개발자 리뷰 노트 2: 테스트 가능한 코드 설계와 구현",
            "자바 중급 개념 정리 1-1: 컬렉션 프레임워크와 제네릭",
        ),
    ),
    Blog(
        id="cloudsmithy",
        repo="cloudsmithy/cloudsmithy.github.io",
        commit="6f0c9ccd948ece33e2e962298205a1f06be57cea",
        site="https://blog.no-claw.com/",
        generator="Hexo (Butterfly)",
        language="zh",
        licence="posts CC BY 4.0 (LICENSE-CONTENT); code MIT (LICENSE)",
        all_paths=True,
        include=r"^source/_posts/.*\.md$",
        # _config.yml skip_render: these pages under _posts are not rendered as posts
        exclude=r"^source/_posts/(.*/)?(Readme|index|后记|序)\.md$",
        url=hexo_abbrlink("https://blog.no-claw.com"),
        url_source="reconstructed: Hexo permalink :abbrlink/ (front-matter abbrlink; else "
        "the blog's patched hexo-abbrlink: md5 of the title, 8 hex digits)",
        meta=hexo_meta,
        undeclared_parts=(
            "搞定",
            "搞定II",
            "搞定III",
            "威联通 QNAP 系列 (一) 全闪 NAS TBS-h574TX QuTS hero 初探",
            "硬件探索记 Tuya 篇（一）：初识 T5 AI 开发板，先配置个环境吧",
            "Amazon Bedrock AgentCore 开发实战（一）：本地构建 AI Agent",
            "开源OpenSearch学习笔记｜部署篇（二）：Kubernetes 上用 Helm 快速搭建 OpenSearch.",
            # numbered like the declared series 懒猫微服实战入门 / 懒猫微服进阶心得, but these
            # three posts declare no series
            "懒猫微服实战入门（三十四）：方寸之间，自有天地：懒猫微服，男人的网络瑞士军刀",
            "懒猫微服进阶心得（十四）：接入 Casdoor，玩转OpenID Connect（OIDC）",
            "懒猫微服进阶心得（十五）：超越systemd，不用每次开机都再安装软件～",
        ),
    ),
    # ---- round 7
    Blog(
        id="hobeen-kim",
        repo="hobeen-kim/hobeen-kim.github.io",
        commit="d44325b831a3b037b47bb78226000d910dc1f4fa",
        site="https://hobeen-kim.github.io/",
        generator="Jekyll (Minimal Mistakes)",
        language="ko",
        licence="theme MIT (LICENSE, Minimal Mistakes); no licence stated for the posts",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        url=jekyll("https://hobeen-kim.github.io", "/:categories/:title/", fm_categories),
        url_source="reconstructed: Jekyll _config.yml permalink /:categories/:title/ (the last "
        "Jekyll commit, before the Vue rewrite)",
        title_from_filename=True,
        drop={
            "_posts/0. Categories/": "category index page (layout categorylist), not a post",
        },
        undeclared_parts=(
            "[socceranalyst] validation 적용1(백엔드에 추가)   spring",
            "[socceranalyst] validation 적용2(프론트)",
            "[socceranalyst] jwt refreshtoken 추가",
            "[socceranalyst] jwt refreshtoken 추가 2   프론트",
            "[codestates] section1 회고",
            "[codestates] Section 3. 회고",
            "[interview] 면접 준비 1",
            "[interview] 면접준비 2",
            "[interview] 면접준비 3",
            "[chatbot] 챗봇 LLM 성능 높이기 - 1",
        ),
    ),
]


# ---------------------------------------------------------------------------- labels

ROMAN = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
CN = "零一二三四五六七八九十"
HARD = re.compile(
    r"\d|[()（）#＃]|\b(?:I{2,3}|IV|VI{0,3}|IX|XI{0,2})\b|\b(?:part|take|version|revisited|"
    r"edition|day|episode|chapter|round|vol|series|continued|redux|follow-?up)\b|[上下续篇期]",
    re.I,
)


def cn_num(n: int) -> str:
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + CN[n - 10]
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def has_number(text: str, n: int) -> bool:
    if re.search(rf"(?<!\d)0*{n}(?!\d)", text):
        return True
    if 0 < n < len(ROMAN) and re.search(rf"\b{ROMAN[n]}\b", text, re.I) and n > 1:
        return True
    return 0 < n < 100 and re.search(rf"[（(第]\s*{cn_num(n)}\s*[)）篇章部节]", text) is not None


def words(s: str) -> list[str]:
    s = s.lower()
    toks: list[str] = []
    for w in re.findall(r"[^\W_]+", s):
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", w):
            toks.extend(w)  # CJK: one token per character
        else:
            toks.append(w)
    return toks


def shares_wording(title: str, others: list[str], series: str) -> bool:
    t = words(title)
    s = words(series)
    if s and any(t[i : i + len(s)] == s for i in range(len(t) - len(s) + 1)):
        return True
    for o in others:
        w = words(o)
        k = 0
        while k < min(len(t), len(w)) and t[k] == w[k]:
            k += 1
        if k >= 2 and (k >= 3 or not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", t[0])):
            return True
    return False


def signal(rec: dict[str, object], others: list[str]) -> str:
    title = str(rec["title"])
    part = rec.get("part")
    if isinstance(part, int) and has_number(title, part):
        return "title_number"
    if shares_wording(title, others, str(rec["series"])):
        return "title_shared"
    last = str(rec["url"]).rstrip("/").rsplit("/", 1)[-1]
    if isinstance(part, int) and re.search(rf"(?<![0-9])0*{part}(?![0-9])", last):
        return "url_number"
    return "metadata_only"


MARKER = re.compile(
    r"\b(?:parte?|day|lab|lecture|chapter)\s*0*(\d+|[ivx]+)\b|(?<![A-Za-z])[（(]\s*(\d+|[一二三四五六七八九十]+)\s*[)）]",
    re.I,
)


def marker(title: str) -> int | None:
    """The number of an explicit part marker in a title (Part 4, Day 002, (3), （三）)."""
    m = MARKER.search(title)
    if not m:
        return None
    tok = (m[1] or m[2]).lower()
    if tok.isdigit():
        return int(tok)
    if tok in ROMAN:
        return ROMAN.index(tok)
    if all(c in CN for c in tok):
        return next((n for n in range(1, 100) if cn_num(n) == tok), None)
    return None


def declared_part(fm: dict[str, object], keys: tuple[str, ...]) -> int | None:
    for k in keys:
        n = as_int(fm.get(k))
        if n is not None:
            return n
    return None


def collect(blog: Blog, mirrors: Path) -> tuple[list[dict[str, object]], collections.Counter[str]]:
    gitdir = mirrors / blog.repo.replace("/", "+") / "repo"
    if (gitdir / ".git").is_dir():
        gitdir = gitdir / ".git"
    q = not blog.all_paths
    files = git(gitdir, "ls-tree", "-r", "--name-only", blog.commit, quotepath=q).splitlines()
    skipped: collections.Counter[str] = collections.Counter()
    rows = []
    for path in files:
        if not re.search(blog.include, path) or re.search(blog.exclude, path):
            continue
        if blog.title_from_filename and not JEKYLL_POST_NAME.match(path.rsplit("/", 1)[-1]):
            skipped["file name is not a Jekyll post name (Jekyll does not publish it)"] += 1
            continue
        text = git(gitdir, "show", f"{blog.commit}:{path}", quotepath=q)
        fm = blog.meta(text, path) if blog.meta else front_matter(text)
        if fm is not None and not fm.get("title") and blog.title_from_filename:
            title = jekyll_titleize(path)
            fm = {**fm, "title": title} if title else fm
        if fm is None or not fm.get("title"):
            skipped["no front matter / no title"] += 1
            continue
        if fm.get("draft") is True or fm.get("published") is False:
            skipped["draft or unpublished"] += 1
            continue
        reason = next((r for k, r in blog.drop.items() if k in path), None)
        if str(fm["title"]).strip() in blog.undeclared_parts:
            reason = "title marks a part, no series declared"
        if reason:
            skipped[reason] += 1
            continue
        name = path.rsplit("/", 1)[-1]
        stem = (
            path.rsplit("/", 2)[-2]
            if re.match(r"index(\.[a-z-]+)?\.md$", name)
            else re.sub(r"\.[^.]+$", "", name)
        )
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})-(.+)$", stem)
        file_date = f"{m[1]}-{m[2]}-{m[3]}" if m else None
        if m and "_posts/" in path:
            stem = m[4]
        post = Post(path, fm, stem, file_date)
        series = (blog.series_of or (lambda f: as_list(f.get("series"))))(fm)
        if len(series) > 1:
            skipped["declares two series"] += 1
            continue
        s = series[0] if series else None
        n = declared_part(fm, blog.part_keys)
        if s and n is not None and n < 0:
            skipped["series index page (negative series order)"] += 1
            continue
        if s in blog.topical:
            skipped[f"topical collection {s!r}"] += 1
            continue
        date = (
            as_date(fm.get("date"))
            or as_date(fm.get("published"))
            or as_date(fm.get("time"))
            or file_date
        )
        cats = as_list(fm.get("categories")) + as_list(fm.get("category")) + as_list(fm.get("tags"))
        taxo = fm.get("taxonomies")
        if isinstance(taxo, dict):
            cats += as_list(taxo.get("categories")) + as_list(taxo.get("tags"))
        rows.append(
            {
                "blog": blog.id,
                "title": str(fm["title"]).strip(),
                "url": blog.url(post),
                "url_source": blog.url_source,
                "categories": list(dict.fromkeys(cats)),
                "published": date,
                "series": s,
                "part": declared_part(fm, blog.part_keys) if s else None,
                "source": f"{blog.repo}/{path}",
            }
        )
    # part by date inside a declared series when no number is declared
    members: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for r in rows:
        if r["series"]:
            members[str(r["series"])].append(r)
    for name, rs in members.items():
        kind = "recurring" if name in blog.recurring else "multipart"
        numbered = any(r["part"] is not None for r in rs)
        if not numbered and kind == "multipart":
            rs.sort(key=lambda r: (str(r["published"] or ""), str(r["source"])))
            ranks = {id(r): i for i, r in enumerate(rs, 1)}
            # the date order is only taken when no member's title contradicts it
            clash = name in blog.unordered or any(
                (m := marker(str(r["title"]))) is not None and m != ranks[id(r)] for r in rs
            )
            for r in rs:
                r["part"] = None if clash else ranks[id(r)]
                r["_part_from"] = "date order contradicted by a title" if clash else "date order"
        for r in rs:
            r["series_kind"] = kind
            r.setdefault("_part_from", "declared" if r["part"] is not None else "none")
    for r in rows:
        if r["series"]:
            others = [str(o["title"]) for o in members[str(r["series"])] if o is not r]
            r["signal"] = signal(r, others)
        else:
            r["hard_negative"] = bool(HARD.search(str(r["title"])))
    rows.sort(key=lambda r: (str(r["published"] or "9999"), str(r["source"])))
    return rows, skipped


FIELDS = [
    "blog",
    "title",
    "url",
    "url_source",
    "categories",
    "published",
    "series",
    "part",
    "source",
    "series_kind",
    "signal",
    "hard_negative",
]


def clean(r: dict[str, object]) -> dict[str, object]:
    return {k: r[k] for k in FIELDS if k in r}


def hugo_sanitize(s: str) -> str:
    """Hugo's path sanitizing (``UnicodeSanitize`` then lower case): letters, digits,
    marks and ``. / \\ _ # + ~ - @`` are kept, a run of spaces becomes one hyphen unless
    it follows a hyphen, everything else is dropped; hyphens already in the name are kept
    as they are (``ep-8--hybris`` stays)."""
    out: list[str] = []
    prepend = was_hyphen = False
    for ch in unicodedata.normalize("NFC", s):
        ok = (
            ch in "./\\_#+~-@"
            or ch.isalpha()
            or ch.isdigit()
            or unicodedata.category(ch).startswith("M")
        )
        if ok:
            was_hyphen = ch == "-"
            if prepend and not was_hyphen:
                out.append("-")
            prepend = False
            out.append(ch)
        elif out and not was_hyphen and ch.isspace():
            prepend = True
    return "".join(out).lower()


def _load_blogs(filename: str) -> list[Blog]:
    """The BLOGS of a module beside this file (blogs added in a later round), read by the
    same reader, URL rules and label rules: the module finds them as ``unseen``."""
    path = Path(__file__).resolve().parent / filename
    spec = importlib.util.spec_from_file_location(f"series_unseen_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    module.unseen = sys.modules[__name__]  # type: ignore[attr-defined]
    spec.loader.exec_module(module)
    return list(module.BLOGS)


LATER_ROUNDS = ("moved_heldout.py", "round8.py", "round9.py", "round10.py", "round11.py")
"""Modules of blogs added after the first rounds, in the order their rows are written:
the first held-out corpus' five blogs (studied since 2026-12-06, so part of this corpus)
and rounds 8, 9, 10 and 11 (2026-12-06)."""


_OWN_BLOGS = BLOGS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--list", metavar="BLOG")
    ap.add_argument("--out", type=Path, default=HERE / "corpus.jsonl")
    args = ap.parse_args(argv)
    out: list[dict[str, object]] = []
    # the held-out build runs this main() with its own BLOGS: only this corpus gets the
    # moved blogs and the round-8 to round-11 blogs
    blogs = (
        [*BLOGS, *(blog for name in LATER_ROUNDS for blog in _load_blogs(name))]
        if BLOGS is _OWN_BLOGS
        else BLOGS
    )
    for blog in blogs:
        rows, skipped = collect(blog, args.mirrors)
        n_series = collections.Counter(str(r["series"]) for r in rows if r["series"])
        print(
            f"{blog.id:16s} posts={len(rows):4d} series_posts={sum(n_series.values()):4d} "
            f"series={len(n_series):3d} (2+: {sum(1 for v in n_series.values() if v > 1)}) "
            f"left out: {dict(skipped)}",
            file=sys.stderr,
        )
        if args.list == blog.id:
            for r in rows:
                lab = f"{r['series']} #{r['part']} [{r.get('series_kind')}/{r.get('signal')}]"
                print(f"{r['published']} {lab if r['series'] else '-':60.60s} | {r['title']}")
                print(f"{'':11s}{r['url']}")
        out.extend(clean(r) for r in rows)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)
    if args.list:
        return 0
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print("corpus.jsonl is up to date" if same else "corpus.jsonl differs", file=sys.stderr)
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(out)} posts to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
