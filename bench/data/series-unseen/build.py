#!/usr/bin/env python3
"""Build corpus.jsonl (series-unseen) from fetched snapshots of public blog repositories.

usage: python3 bench/data/series-unseen/build.py [--mirrors DIR] [--check] [--list BLOG]

Every blog below is read from a bare git snapshot under ``--mirrors`` (default
/work/.mirror), at the commit pinned in its ``Blog`` entry (``first_rounds.py`` and the
later rounds' modules), e.g. /work/.mirror/Ovilia+blog/repo. The
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


def github_slug(segment: str) -> str:
    """github-slugger, which Astro uses for a content entry's slug, on one path segment:
    lower case, characters other than letters, digits, marks, ``-``, ``_`` and spaces
    dropped, each space a hyphen (rounds 10, 49 and 80)."""
    out = []
    for ch in segment.lower():
        if ch == " ":
            out.append("-")
        elif ch in "-_" or ch.isalnum() or unicodedata.category(ch).startswith("M"):
            out.append(ch)
    return "".join(out)


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


# ---------------------------------------------------------------------------- categories
# (the blogs themselves are in first_rounds.py and the later rounds' modules)


def fm_categories(p: Post) -> list[str]:
    """Jekyll's categories from front matter (``category`` or ``categories``)."""
    return as_list(p.fm.get("category")) + as_list(p.fm.get("categories"))


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
    last = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}[-_]", "", last)  # a date opening the slug
    if isinstance(part, int) and re.search(rf"(?<![0-9])0*{part}(?![0-9])", last):
        return "url_number"
    roman = ROMAN[part] if isinstance(part, int) and 0 < part < len(ROMAN) else None
    if roman and re.search(rf"(?<![a-z])part-?{roman}(?![a-z])", last.lower()):
        return "url_number"  # "…-part-i": the number in roman numerals
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


LATER_ROUNDS = (
    "moved_heldout.py",
    "round8.py",
    "round9.py",
    "round10.py",
    "round11.py",
    "round12.py",
    "round13.py",
    "round14.py",
    "round15.py",
    "round16.py",
    "round17.py",
    "round18.py",
    "round19.py",
    "round20.py",
    "round21.py",
    "round22.py",
    "round23.py",
    "round24.py",
    "round25.py",
    "round26.py",
    "round27.py",
    "round28.py",
    "round29.py",
    "round30.py",
    "round31.py",
    "round32.py",
    "round33.py",
    "round34.py",
    "round35.py",
    "round36.py",
    "round37.py",
    "round38.py",
    "round39.py",
    "round40.py",
    "round41.py",
    "round42.py",
    "round43.py",
    "round44.py",
    "round45.py",
    "round46.py",
    "round47.py",
    "round48.py",
    "round49.py",
    "round50.py",
    "round51.py",
    "round52.py",
    "round53.py",
    "round54.py",
    "round55.py",
    "round56.py",
    "round57.py",
    "round58.py",
    "round59.py",
    "round60.py",
    "round61.py",
    "round62.py",
    "round63.py",
    "round64.py",
    "round65.py",
    "round66.py",
    "round67.py",
    "round68.py",
    "round69.py",
    "round70.py",
    "round71.py",
    "round72.py",
    "round73.py",
    "round74.py",
    "round75.py",
    "round76.py",
    "round77.py",
    "round78.py",
    "round79.py",
    "round80.py",
)
"""Modules of blogs added after the first rounds, in the order their rows are written:
the first held-out corpus' five blogs (studied since 2026-12-06, so part of this corpus)
and rounds 8 to 80 (2026-12-06, rounds 17 to 72 2026-12-07, rounds 73 to 80 2026-12-08)."""


BLOGS: list[Blog] = _load_blogs("first_rounds.py")
"""The first seven rounds' blogs (``first_rounds.py``); the held-out build sets its own."""

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
