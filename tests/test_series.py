"""feeds.series: part markers in one post (detect) and series across a feed (group)."""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from readinglist.feeds.series.detect import detect, group
from readinglist.feeds.series.rules import parse_number
from readinglist.model.records import SeriesGuess

SERIES_EVAL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "series-eval"
BENCH = Path(__file__).resolve().parents[1] / "bench" / "series_eval.py"

# (title, link, expected name, expected part, expected short title)
SERIES_CASES = [
    # Name (N): Title
    (
        "Transfer Learning (4): Multi-task Learning",
        None,
        "Transfer Learning",
        4,
        "Multi-task Learning",
    ),
    (
        "Essence of Linear Algebra (13)",
        None,
        "Essence of Linear Algebra",
        13,
        "Essence of Linear Algebra",
    ),
    # Name Part N: Title
    (
        "Virtual Structs Part 2: Classes strike back",
        None,
        "Virtual Structs",
        2,
        "Classes strike back",
    ),
    (
        "Site to Site WireGuard: Part 3 - Custom TLS",
        None,
        "Site to Site WireGuard",
        3,
        "Custom TLS",
    ),
    (
        "Patterns and Messages - Part 5 - The Residual Stream",
        None,
        "Patterns and Messages",
        5,
        "The Residual Stream",
    ),
    # Title, Part N of M
    ("Thoughts on DST, Part 4 of 6", None, "Thoughts on DST", 4, "Thoughts on DST"),
    (
        "Dyn async traits, part 7: a design emerges?",
        None,
        "Dyn async traits",
        7,
        "a design emerges?",
    ),
    # Title (Part N)
    (
        "A tour of the Parallel JS implementation (Part 2)",
        None,
        "A tour of the Parallel JS implementation",
        2,
        "A tour of the Parallel JS implementation",
    ),
    ("Obfuscation (Part II): Diamond iO", None, "Obfuscation", 2, "Diamond iO"),
    ("Return type notation (send bounds, part 2)", None, "send bounds", 2, "Return type notation"),
    # roman numerals and number words
    (
        "STARKs, Part II: Thank Goodness It's FRI-day",
        None,
        "STARKs",
        2,
        "Thank Goodness It's FRI-day",
    ),
    (
        "RBFN Tutorial Part II - Function Approximation",
        None,
        "RBFN Tutorial",
        2,
        "Function Approximation",
    ),
    ("Coding Sessions IV", None, "Coding Sessions", 4, "Coding Sessions"),
    ("Jank Busters Part One", None, "Jank Busters", 1, "Jank Busters"),
    ("Jank Busters Part Two: Orinoco", None, "Jank Busters", 2, "Orinoco"),
    # #N
    ("waifud Progress Report #2", None, "waifud Progress Report", 2, "waifud Progress Report"),
    ("Not a Yoking Matter (Zero-Copy #1)", None, "Zero-Copy", 1, "Not a Yoking Matter"),
    # Ep. / Chapter / Lecture / Day
    (
        "BERT Research - Ep. 1 - Key Concepts & Sources",
        None,
        "BERT Research",
        1,
        "Key Concepts & Sources",
    ),
    ("The Rust Book Chapter 4: Ownership", None, "The Rust Book", 4, "Ownership"),
    (
        "Stanford Machine Learning - Lecture 6",
        None,
        "Stanford Machine Learning",
        6,
        "Stanford Machine Learning",
    ),
    (
        "UCF Lecture 01 - Introduction To Computer Vision",
        None,
        "UCF",
        1,
        "Introduction To Computer Vision",
    ),
    ("Day 4 of 100 Days of Code", None, "100 Days of Code", 4, "100 Days of Code"),
    ("Advent of Code 2020 Day 2 with R", None, "Advent of Code 2020", 2, "with R"),
    # take 2
    (
        "Iterators yielding mutable references, take 2",
        None,
        "Iterators yielding mutable references",
        2,
        "Iterators yielding mutable references",
    ),
    # [Name] Title
    ("[AiC] Vision Docs!", None, "AiC", None, "Vision Docs!"),
    # Chinese markers
    (
        "个人AI工作台（三） -- xworkbench 功能介绍页",
        None,
        "个人AI工作台",
        3,
        "xworkbench 功能介绍页",
    ),
    ("LeetCode刷题学习（十二） -- 动态规划", None, "LeetCode刷题学习", 12, "动态规划"),
    ("一起用Go来做一个游戏(上)", None, "一起用Go来做一个游戏", 1, "一起用Go来做一个游戏"),
    ("一起用Go来做一个游戏(中)", None, "一起用Go来做一个游戏", 2, "一起用Go来做一个游戏"),
    ("一起用Go来做一个游戏(下)", None, "一起用Go来做一个游戏", 3, "一起用Go来做一个游戏"),
    ("科技爱好者周刊（第 300 期）：开源软件", None, "科技爱好者周刊", 300, "开源软件"),
    # a book-chapter reference in parentheses: the URL's own numbering wins
    (
        "Spring 프로그래밍 (Chapter 6)[빈 라이프사이클]",
        "https://b.github.io/book/dev/spring-framework-002/",
        "Spring 프로그래밍",
        2,
        "[빈 라이프사이클]",
    ),
    # numbered URL slugs
    (
        "Multi-task Learning",
        "https://x.dev/en/transfer-learning/06-multi-task-learning/",
        "Transfer Learning",
        6,
        "Multi-task Learning",
    ),
    (
        "Nix Flakes: Exposing and using NixOS Modules",
        "https://xeiaso.net/blog/nix-flakes-3-2022-04-07/",
        "Nix Flakes",
        3,
        "Exposing and using NixOS Modules",
    ),
    (
        "Clean Architecture notes",
        "https://b.github.io/book/dev/clean-architecture-001/",
        "Clean Architecture",
        1,
        "Clean Architecture notes",
    ),
    (
        "Singleton pattern",
        "https://q.github.io/2024/05/11/design-pattern-1-singleton/",
        "Design Pattern",
        1,
        "Singleton pattern",
    ),
]

NOT_SERIES = [
    ("Variational Autoencoder (VAE): A Deep Dive", None),
    ("Temporal Convolutional Networks (TCN)", None),
    ("Python 3.12", None),
    ("What's new in Python 3.12", None),
    ("Top 10 Python tricks", None),
    ("Top 10: Python tricks", None),
    ("Rust (2023 edition)", None),
    ("Build vs Buy: Component Libraries edition", None),
    ("Rust in 2019: Focus on sustainability", None),
    ("Rust 2020", None),
    ("Rayon 0.7 released", "https://example.org/blog/2017/04/06/rayon-0-7-released/"),
    ("Anubis v1.25.0: Necron", "https://xeiaso.net/blog/2026/anubis-v1.25.0/"),
    ("Go 1.22 is released", None),
    ("Linear Algebra (2016)", None),
    ("O(1) Build File", None),
    ("Infinitely Many Primes (Using Topology)", None),
    ("A (Long) Peek into Reinforcement Learning", None),
    ("Porting My CUDA Path Tracer to ptx-builder/linker", None),
    ("I Was Part of a Human Subject Research Study", None),
    ("The Day I Fell in Love with Fuzzing", None),
    ("#Rust2018", None),
    ("[Mirror] A Proof of Stake Design Philosophy", None),
    ("Reparameterization Trick & Gumbel-Softmax: A Deep Dive",
     "https://chenk.top/en/standalone/reparameterization-gumbel-softmax/"),
    ("Layer 1 Should Be Innovative", "https://vitalik.ca/general/2018/08/26/layer_1.html"),
    ("Part 99999: huge", None),
    ("Foo Part 123456789012345678901234567890", None),
    ("Bar (99999999999999999999)", None),
    ("", None),
]  # fmt: skip

# weak markers: detect() reports them, group() keeps them only with a sibling
WEAK = [
    "Xess 2: CSS variable edition",
    "We Already Have Go 2",
    "Associated items continued",
    "ReConLangMo 1: Name, Context, History",
]


@pytest.mark.parametrize(("title", "link", "name", "part", "short"), SERIES_CASES)
def test_detect_series(
    title: str, link: str | None, name: str, part: int | None, short: str
) -> None:
    guess = detect(title, link)
    assert guess.key is not None, guess
    assert (guess.name, guess.part, guess.short_title) == (name, part, short)
    assert guess.key == guess.key.lower()


@pytest.mark.parametrize(("title", "link"), NOT_SERIES)
def test_detect_not_series(title: str, link: str | None) -> None:
    assert detect(title, link) == SeriesGuess(None, None, None, title)


@pytest.mark.parametrize("title", NOT_SERIES[:12])
def test_group_keeps_not_series_standalone(title: tuple[str, str | None]) -> None:
    assert group([(title[0], title[1], ())])[0].standalone


@pytest.mark.parametrize("title", WEAK)
def test_weak_marker_alone_is_standalone(title: str) -> None:
    assert detect(title).key is not None
    assert group([(title, None, ()), ("Something else entirely", None, ())])[0].standalone


def test_keys_are_spelling_insensitive() -> None:
    a = detect("Parallel Iterators Part 1: Foundations")
    b = detect("Parallel iterators, part 3: Consumers")
    assert a.key == b.key == "parallel iterator"


@pytest.mark.parametrize(
    ("text", "value"),
    [("4", 4), ("IV", 4), ("xii", 12), ("One", 1), ("third", 3), ("七", 7), ("十二", 12),
     ("一百零五", 105), ("一〇", 10), ("一二", 12), ("二〇", 20), ("上", 1), ("下", 3),
     ("10000", 10000), ("10001", None),
     ("123456", None), ("IIII", None), ("", None), ("abc", None)],
)  # fmt: skip
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


# --- group() ---------------------------------------------------------------------


def _posts(*items: tuple[str, str | None]) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(t, link, ()) for t, link in items]


def test_group_two_spellings_one_url_section() -> None:
    posts = _posts(
        ("Time Series Models (8): Informer", "https://x.top/en/time-series/informer-long-sequence/"),
        ("Time Series Forecasting (5): Transformer", "https://x.top/en/time-series/transformer/"),
        ("Time Series Forecasting (2): ARIMA", "https://x.top/en/time-series/arima/"),
        ("Reparameterization Trick & Gumbel-Softmax: A Deep Dive",
         "https://x.top/en/standalone/reparameterization/"),
    )  # fmt: skip
    out = group(posts)
    assert out[0].key == out[1].key == out[2].key is not None
    assert [g.part for g in out[:3]] == [8, 5, 2]
    assert out[0].key.startswith("section:")
    assert out[3].standalone


def test_a_directory_that_also_holds_standalone_posts_names_no_series() -> None:
    """ "/gizmo/" holds a numbered setup series, "Gizmo: x" notes and a standalone post:
    it is a category, so sharing it makes the two groups no one series."""
    site = "https://x.top/gizmo/"
    rows = [
        ("Gizmo cluster setup 1: storage", site + "gizmo-cluster-set-up-1/"),
        ("Gizmo cluster setup 2: nodes", site + "gizmo-cluster-set-up-2/"),
        ("Gizmo cluster setup 3: images", site + "gizmo-cluster-set-up-3/"),
        ("Gizmo: the operator pattern", site + "operator-pattern/"),
        ("Gizmo: writing a storage plugin", site + "storage-plugin/"),
        ("Gizmo: operators", site + "gizmo-operator/"),
        ("Installing a dashboard", site + "dashboard/"),
    ]
    out = group([(t, link, (), f"2021-0{i + 1}-01") for i, (t, link) in enumerate(rows)])
    assert out[0].key == out[1].key == out[2].key is not None
    assert [g.part for g in out[:3]] == [1, 2, 3]
    assert all(g.key != out[0].key for g in out[3:])


def test_group_essence_of_linear_algebra() -> None:
    out = group(
        _posts(
            ("Essence of Linear Algebra (13)", "https://x.io/posts/eola-13/"),
            ("Python 3.12", "https://x.io/posts/python-312/"),
            ("Essence of Linear Algebra (16)", "https://x.io/posts/eola-16/"),
        )
    )
    assert out[0].key == out[2].key is not None
    assert (out[0].part, out[2].part) == (13, 16)
    assert out[0].name == "Essence of Linear Algebra"
    assert out[1].standalone


@pytest.mark.parametrize(
    ("first", "second", "second_part"),
    [
        ("Min of Three", "Min of Three Part 2", 2),
        ("Optimizing SIMD", "Optimizing SIMD, part 2", 2),
        ("Rustc Reading Club", "Rustc Reading Club, Take 2", 2),
        ("Associated items", "Associated items continued", 2),
        (
            "Word2Vec Tutorial - The Skip-Gram Model",
            "Word2Vec Tutorial Part 2 - Negative Sampling",
            2,
        ),
        ("Radial Basis Function Network (RBFN) Tutorial", "RBFN Tutorial Part II - Functions", 2),
    ],
)
def test_group_unnumbered_first_part(first: str, second: str, second_part: int) -> None:
    out = group(_posts((second, None), ("Unrelated post", None), (first, None)))
    assert out[0].key == out[2].key is not None
    assert (out[2].part, out[0].part) == (1, second_part)
    assert out[1].standalone


def test_group_merges_renamed_series() -> None:
    out = group(
        _posts(
            ("Object Detection for Dummies Part 1: Gradient Vector", None),
            ("Object Detection for Dummies Part 3: R-CNN Family", None),
            ("Object Detection Part 4: Fast Detection Models", None),
            ("Google's PageRank - Introduction", None),
            ("Google's Page Rank - The Final Product", None),
        )
    )
    assert out[0].key == out[1].key == out[2].key
    assert [g.part for g in out[:3]] == [1, 3, 4]
    assert out[3].key == out[4].key is not None
    assert out[3].key != out[0].key


def test_group_shared_heads_and_openings() -> None:
    out = group(
        _posts(
            ("Methods of Proof — Direct Implication", None),
            ("Methods of Proof — Contrapositive", None),
            ("A GPU Approach to Voronoi Diagrams", None),
            ("A GPU Approach to Path Finding", None),
            ("A GPU Approach to Particle Physics", None),
            ("Guest post: graph Laplacians", None),
            ("Guest post: torus knots", None),
            ("How to write a parser", None),
            ("How to write a lexer", None),
            ("How to write a compiler", None),
        )
    )
    assert out[0].key == out[1].key is not None and out[0].part is None
    assert out[0].short_title == "Direct Implication"
    assert out[2].key == out[3].key == out[4].key is not None
    assert all(g.standalone for g in out[5:])


@pytest.mark.parametrize(
    "titles",
    [
        ["책 리뷰: 클린 코드", "책 리뷰: 리팩터링"],  # Korean "book review"
        ["Reseña: Clean Code", "Reseña: Refactoring"],  # Spanish "review"
        ["书评：代码大全", "书评：重构"],  # Chinese "book review"
        ["お知らせ: 移転しました", "お知らせ: 休止します"],  # Japanese "notice"
        ["Case Study - Kiln Booking App", "Case Study - Glaze Search", "Case Study - Seeding"],
        ["Estudo de caso: forno", "Estudo de caso: esmalte"],  # Portuguese "case study"
        ["Видео: печь ночью", "Видео: глазурь", "Видео: обжиг"],  # Russian "video"
        ["Rezension: Der Ofen", "Rezension: Die Glasur"],  # German "review"
        ["Recenzja: Piec", "Recenzja: Szkliwo"],  # Polish "review"
        ["Race Report: Kiln Hill 10k", "Race Report: Glaze Valley Half", "Race Report: Relays"],
    ],
)
def test_a_post_kind_in_any_language_names_no_series(titles: list[str]) -> None:
    out = group(_posts(*((t, None) for t in titles)))
    assert all(g.standalone for g in out), out


def test_group_singleton_without_part_is_standalone_but_explicit_part_stays() -> None:
    out = group(_posts(("[Notes] Reading list", None), ("SVM Tutorial - Part I", None)))
    assert out[0].standalone
    assert (out[1].key, out[1].part) == ("svm tutorial", 1)


# Cross-post rules: (titles of one feed, which of them form ONE series, expected parts).
# Titles not listed in the second field must stay standalone.
LINK_CASES = [
    # a "<stem> 之 <topic>" sub-series lives inside the "<stem> 之 x" series; its own
    # 上/下 numbers are not the outer series' numbers
    (
        ["Kotlin 系列之协程入门", "Kotlin 系列之 Flow", "Kotlin 系列之委托属性（上）",
         "Kotlin 系列之委托属性（下）", "Kotlin 1.9 新特性"],
        [0, 1, 2, 3],
        [None, None, None, None],
    ),
    # the stem is a series of its own even when no title is exactly "<stem> 之 x":
    # "Hugo 站点之图片优化（N）" + "Hugo 站点优化之 x" + a title mentioning "Hugo 站点"
    (
        ["Hugo 站点之图片优化（一）懒加载", "Hugo 站点之图片优化（二）WebP", "Hugo 站点优化之开启 CDN",
         "Hugo 站点优化之压缩字体", "升级 Hugo 站点的主题", "聊聊 Hugo 模板语法"],
        [0, 1, 2, 3, 4],
        [None, None, None, None, None],
    ),
    # a one-word stem does not pull in every title that starts with that word
    (["Vue 之响应式原理", "Vue 之 diff 算法", "Vue 3 发布了"], [0, 1], [None, None]),
    # "<Topic> as x" template: other titles naming the whole topic join it
    (
        ["Bloom Filters as Sketches", "Bloom Filters as Sets", "Bloom Filters as Hash Tables",
         "Introducing Bloom Filters", "Counting Things with Bloom Filters", "Cuckoo Filters",
         "Filters, Blooms and Gardens"],
        [0, 1, 2, 3, 4],
        [None, None, None, None, None],
    ),
    # a title that is exactly the series' name belongs to it
    (["Garden Log: Spring", "Garden Log: Summer", "Garden Log", "Gardening tools"], [0, 1, 2],
     [None, None, None]),
    # a title quoting a part's subtitle (two words or more) answers that part
    (
        ["Async closures, part 1: the missing piece", "Async closures, part 2: lending",
         'Why I called it "the missing piece"', 'Notes on "lending"'],
        [0, 1, 2],
        [1, 2, None],
    ),
    # a multi-word Latin name running through 4+ CJK titles is their column
    (
        ["5 个 Visual Studio Code 插件推荐", "Visual Studio Code 调试技巧",
         "用 Visual Studio Code 写 Markdown", "Visual Studio Code 远程开发入门", "Python 小技巧"],
        [0, 1, 2, 3],
        [None, None, None, None],
    ),
    # ... but not in English titles, and not with only three CJK titles
    (
        ["Five Visual Studio Code tips", "Visual Studio Code for Go", "Visual Studio Code again",
         "Why Visual Studio Code"],
        [],
        [],
    ),
    (["Visual Studio Code 插件推荐", "Visual Studio Code 调试技巧", "用 Visual Studio Code 写作"],
     [], []),
    # a one-word head needs three titles and must look like a name ("WG", "K8s")
    (["WG: Charter", "WG: Roadmap for 2025", "WG: Meeting notes"], [0, 1, 2], [None] * 3),
    (["Gizmo: first light", "Gizmo: second light"], [], []),
    (["Emacs: dired tricks", "Emacs: org capture", "Emacs: magit"], [], []),
]  # fmt: skip


@pytest.mark.parametrize(("titles", "members", "parts"), LINK_CASES)
def test_group_links_posts(titles: list[str], members: list[int], parts: list[int | None]) -> None:
    out = group([(t, None, ()) for t in titles])
    keys = {out[i].key for i in members}
    if members:
        assert len(keys) == 1 and None not in keys, out
        assert [out[i].part for i in members] == parts, out
    others = [g for i, g in enumerate(out) if i not in members]
    assert all(g.standalone for g in others), out
    shuffled = list(reversed(titles))
    again = group([(t, None, ()) for t in shuffled])
    assert dict(zip(shuffled, again, strict=True)) == dict(zip(titles, out, strict=True))


def _feed() -> list[tuple[str, str | None, tuple[str, ...]]]:
    return _posts(
        ("Dyn async traits, part 1", "https://b.org/blog/2021/09/30/dyn-async-traits-part-1/"),
        ("Dyn async traits, part 2", "https://b.org/blog/2021/10/01/dyn-async-traits-part-2/"),
        ("Min of Three", "https://m.io/2017/03/12/min-of-three.html"),
        ("Min of Three Part 2", "https://m.io/2017/03/18/min-of-three-part-2.html"),
        ("Colemak Layout - Beginning", "https://x.net/blog/colemak-layout-2020-08-15/"),
        ("Colemak Layout - First Week", "https://x.net/blog/colemak-layout-2-2020-08-22/"),
        ("Xess 2: CSS variable edition", "https://x.net/blog/xess-css-variables/"),
        ("Methods of Proof — Induction", None),
        ("Methods of Proof — Contradiction", None),
        ("Standalone thoughts", None),
    )


def test_group_is_order_independent_and_deterministic() -> None:
    posts = _feed()
    expected = {p[0]: g for p, g in zip(posts, group(posts), strict=True)}
    rng = random.Random(7)
    for _ in range(5):
        shuffled = posts[:]
        rng.shuffle(shuffled)
        got = {p[0]: g for p, g in zip(shuffled, group(shuffled), strict=True)}
        assert got == expected
    assert group(posts) == group(posts)
    assert expected["Colemak Layout - Beginning"].part == 1
    assert expected["Colemak Layout - First Week"].part == 2
    assert expected["Xess 2: CSS variable edition"].standalone


def test_group_empty_and_large_feed() -> None:
    assert group([]) == []
    posts = []
    for i in range(5000):
        if i % 3 == 0:
            posts.append(
                (f"Series {i % 50} Part {i // 50}: topic {i}", f"https://e.org/p/{i}/", ())
            )
        elif i % 3 == 1:
            posts.append((f"Column {i % 40} — note {i}", f"https://e.org/c/n-{i}/", ()))
        else:
            posts.append((f"Standalone post number {i} about things", None, ()))
    out = group(posts)
    assert len(out) == 5000
    assert out[0].key == out[150].key is not None


# --- the labelled corpus ------------------------------------------------------------


def test_corpus_scores_do_not_regress(tmp_path: Path) -> None:
    if not (SERIES_EVAL / "corpus.jsonl").is_file():
        pytest.skip(f"series corpus not present at {SERIES_EVAL}")
    spec = importlib.util.spec_from_file_location("series_eval_bench", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    records = bench.load(SERIES_EVAL)
    preds, _seconds = bench.predict(records)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("\n".join(json.dumps(p) for p in preds) + "\n", encoding="utf-8")
    floors = {
        # recurring columns carry no part numbers (issue #12), so the all-posts part
        # accuracy counts the weekly's issue numbers as misses: 0.70 -> 0.65
        (): (0.80, 0.64, 0.96),
        ("--exclude-kind", "recurring"): (0.80, 0.66, 0.97),
        ("--exclude-kind", "recurring", "--exclude-signal", "metadata_only"): (0.915, 0.855, 0.99),
    }
    for extra, (f1_floor, part_floor, alone_floor) in floors.items():
        out = subprocess.run(
            [sys.executable, str(SERIES_EVAL / "eval.py"), str(SERIES_EVAL / "corpus.jsonl"),
             str(pred_path), "--quiet", *extra],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        last = out.strip().splitlines()[-1]
        scores = dict(item.split("=") for item in last.split())
        assert float(scores["series_f1"]) >= f1_floor, last
        assert float(scores["part_acc"]) >= part_floor, last
        assert float(scores["standalone_f1"]) >= alone_floor, last


def test_chinese_digits_counted_past_nine_keep_their_order() -> None:
    titles = [f"笔记｜园艺学（{n}）某题" for n in "一二三四五六七八九"] + [
        "笔记｜园艺学（一〇）剪枝",
        "笔记｜园艺学（一一）嫁接",
    ]
    out = group([(t, None, ()) for t in titles])
    assert len({g.key for g in out}) == 1
    assert [g.part for g in out] == list(range(1, 12))


def test_the_bench_scores_recurring_columns_apart() -> None:
    """``columns_line``: pairs within labelled columns, macro over the blogs that have
    one, and how many of their posts are shown as a column."""
    spec = importlib.util.spec_from_file_location("series_eval_bench", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    column = {"series": "Weekly", "series_kind": "recurring"}
    records = [
        {"blog": "a", **column},
        {"blog": "a", **column},
        {"blog": "a", **column},
        {"blog": "a", "series": None},
        {"blog": "b", **column},
        {"blog": "b", **column},
    ]
    preds = [
        {"series_key": "w", "kind": "recurring"},
        {"series_key": "w", "kind": "recurring"},
        {"series_key": None, "kind": "multipart"},
        {"series_key": "w", "kind": "recurring"},  # not a labelled column post: not counted
        {"series_key": "x", "kind": "multipart"},
        {"series_key": "y", "kind": "multipart"},
    ]
    # blog a: gold pairs 3, found 1 (precision 1, recall 1/3: F1 0.5); blog b: F1 0
    assert bench.columns_line(records, preds) == (
        "columns_f1=0.2500 (macro over 2 blogs) shown_as_column=2/5 labelled column posts"
    )
