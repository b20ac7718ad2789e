"""Round 76 of series-unseen (added 2026-12-08): a blog whose posts declare their series.

yodalee (Traditional Chinese, zh-TW; Hugo with the PaperMod theme, a git submodule, and the
site's own ``layouts/``: Yoda Lee's "Yodalee Note", served at yodalee.me, the author's blog
since 2012, moved from Blogger (yodalee.blogspot.com) to Hugo in 2020-08/09; microwave and
circuit notes, C and embedded systems, git, vim, Rust (a RISC-V kernel, WebAssembly, a Game
Boy emulator, the Amethyst game engine), FPGA, Verilog and digital IC design, Minecraft
redstone builds, book and film reviews, comments and life records). The posts are
``content/zh-tw/posts/<topic>/<name>.md`` (314 files); the whole blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every ``.md`` under ``content/zh-tw/posts`` (the ``contentDir`` of the default
  language ``zh-tw``, ``config.yml``). ``content/zh-tw/archives.md`` and ``search.md`` are
  the archive and search pages, not posts (outside ``posts``). One file is a draft
  (``test_format.md``, ``Test Format``, dated 2000-01-01, ``draft: true``, series ``test``),
  left out by the builder. ``content/en/posts`` (15 files, 2025-10) holds English versions of
  ``ICdesign`` and ``FPGA`` members, each marked ``AITranslated: true`` (made with the
  repository's ``script/translate.py``): translations of other posts, left out (not in
  ``include``). No post sets ``url`` or ``slug``.
- **Series.** ``config.yml`` declares the taxonomy ``series: "series"``; a post declares its
  series as a one-element list, ``series: [<name>]`` (231 posts set ``series: null``, the
  archetype's leftover). The site shows the series three ways: the post header links the
  term page ``/series/<name>/``, ``layouts/partials/series-toc.html`` heads each member with
  an ordered list of the pages whose ``series`` intersects its own, and
  ``series-link.html`` gives previous / next links in the same order. The label is the name
  as written. 11 names, all with 2+ members, 72 posts: ``使用 Amethyst Engine 實作小行星遊戲``
  13, ``rrxv6`` 12, ``自幹世界線變動率探測儀(Nixie Tube Clock)`` 10, ``ICdesign`` 8, ``FPGA`` 5,
  ``rust bare-metal programming`` 5, ``verilator`` 5, ``GoogleAssistant`` 4, ``verilog
  introduction`` 4, ``用 Qt Graphics 做一個顯示座標的工具`` 3, ``使用 Rust 開發 WebAssembly 程式``
  3. No post declares two. ``verilog introduction`` was named ``數位電路之後，Verilog 系列文``
  until the author renamed it by hand on 2025-03-29 (commit ``63a291d``); the name at the
  commit read is the label. No name is a series label of another blog of the corpus.
- **Order.** No number is declared. ``series-toc.html`` lists ``where $.Site.Pages
  "Params.series" "intersect" .Params.series`` reversed: Hugo's default page order (weight,
  then date newest first) read backwards, i.e. oldest first; no member sets ``weight`` and
  no two members of a series share a day, so the builder's rank by date is the list's
  number. The opening posts that introduce a run (``… - 目錄``, the table of contents of the
  Amethyst run, and ``…：前言``, the Nixie clock's preface) are the first items of the site's
  list and take part 1; the Amethyst titles' own numbers (``- 1 設定專案`` … ``- 12 更多的狀態``)
  run one below the list's, and none is a marker the builder reads (``part``, ``(n)``), so
  the date ranks stand.
- **Kind.** All eleven are ``multipart``: tutorial and project runs (a game in Rust with
  Amethyst, a RISC-V kernel in Rust, a Nixie tube clock built from scratch, open FPGA
  toolchain exercises, Rust bare-metal programming, Verilog and Verilator, a Google
  Assistant action, a Qt tool, Rust WebAssembly, and the digital circuit design series).
  None is a column.
- **Titles that mark a part but declare no series are left out** (``undeclared_parts``), as
  earlier rounds do (realjenius, round 34; ngeor, round 74): ``NAND2Tetris Part1``
  (2016-07-21) and ``NAND2Tetris Part2`` (2017-05-01), notes on the two Coursera courses;
  the lone ``Rust 開發迷你ARM kernel 系列 0：Hello world`` (2016-10-19, "series 0", no later
  part); ``用 PEG 寫一個 C parser`` (2018-08-25) and ``用 PEG 寫一個 C parser 續`` (2019-01-06,
  "continued"). Five posts.
- **Kept standalone, as declared:** the ``Cryptography 1`` posts (2015, the name of the
  Coursera course ``Cryptography I``, not a part); ``Rust Gameboy Emulator`` and ``Rust
  Gameboy Emulator Sprite/Joypad`` (no number in the titles); the two ``不為人知的gdb
  使用方式系統-…`` posts (2016-09-14 and 16, no number); the three war-book reviews of
  2018-09-20 to 22 (``書評 - 不曾結束的一戰``, ``… - 黑土``, ``… - 黃禍``); the ``第一次…就上手``
  life records; the later ``ICdesign`` posts that declare no series (``數位電路：用 VCS 模擬``,
  ``數位電路：使用 IP``, ``ECO cell 與 Spare Cell``, ``1P3M 下要怎麼 layout``, ``RC Extraction
  設定``, ``IEEE1735 簡介``) and ``在 Ubuntu 上安裝開源 FPGA 工具鏈`` (2023, in the
  ``openfpga`` folder, no series).

The commit read is ``17cd65382c05`` (2026-05-24, "Prevent upload firebase while local server
running"), the newest on ``master``, the default branch. The other branches are unmerged
work: ``content`` (new posts of 2026-05-31), ``import_yshayashi`` (another author's Blogger
posts), ``VivadoAutomation``, ``try_mathjax``.

URLs: ``config.yml`` ``permalinks: posts: "/:year/:month/:contentbasename/"`` (until
2025-10-05 ``/:year/:month/:filename/``, the same path for these files) under ``baseURL``
``https://yodalee.me/``, the default language at the root
(``defaultContentLanguageInSubdir: false``): the front-matter date's year and month (dates
are bare days) and the file name without ``.md``, URL-ized as Hugo does (lower case,
``hugo_sanitize``).

``build.py`` loads this module after ``round74.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
76") for the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post
hugo_sanitize = unseen.hugo_sanitize


# ---------------------------------------------------------------------------- URL rule


def hugo_year_month_basename(base: str) -> Callable[[Post], str]:
    """Hugo ``permalinks: posts: "/:year/:month/:contentbasename/"``: the page date's year
    and month as written (bare days, read in the site's default UTC), then the content file's
    name without its extension, URL-ized as Hugo does (``hugo_sanitize``: lower case); a
    front-matter ``url`` would win (no post sets one)."""

    def f(p: Post) -> str:
        if isinstance(p.fm.get("url"), str):
            return base.rstrip("/") + unseen.enc("/" + str(p.fm["url"]).strip("/") + "/")
        y, m, _ = (unseen.as_date(p.fm.get("date")) or "0000-00-00").split("-")
        return base.rstrip("/") + unseen.enc(f"/{y}/{m}/{hugo_sanitize(p.stem)}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="yodalee",
        repo="yodalee/YodaleeNote",
        # `master` on 2026-05-24 07:49:05 +0800, the default branch (posts, config.yml, site
        # layouts; the PaperMod theme is the submodule themes/PaperMod, not in the snapshot);
        # built locally and deployed to Firebase Hosting, no built output in the repository
        commit="17cd65382c05fa7890f6b66c730ca1093413919d",
        site="https://yodalee.me/",
        generator="Hugo (PaperMod theme, site layouts: series taxonomy, a series list and "
        "previous/next links in each member's page)",
        language="zh-TW",
        licence="no licence stated (no LICENSE in the repository)",
        all_paths=True,
        # the default language's posts; content/en holds AI translations of some of them
        include=r"^content/zh-tw/posts/.+\.md$",
        undeclared_parts=(
            # notes on the two Coursera courses, numbered in the titles; no series declared
            "NAND2Tetris Part1",
            "NAND2Tetris Part2",
            # "series 0" of a planned run, no later part, no series declared
            "Rust 開發迷你ARM kernel 系列 0：Hello world",
            # a pair, the second marked "continued" (續); no series declared
            "用 PEG 寫一個 C parser",
            "用 PEG 寫一個 C parser 續",
        ),
        # parts: date ranks (series-toc.html lists the members oldest first); no series is a
        # column
        # config.yml: permalinks posts = /:year/:month/:contentbasename/, baseURL
        # https://yodalee.me/, zh-tw the default language at the root
        url=hugo_year_month_basename("https://yodalee.me"),
        url_source="reconstructed: Hugo permalinks posts = /:year/:month/:contentbasename/ "
        "(config.yml; the front-matter date's year and month, the file name, URL-ized) under "
        "baseURL https://yodalee.me/ (zh-tw, the default language, at the root)",
    ),
]
