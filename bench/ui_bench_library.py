"""UI benchmark, part 1: the benchmark library (generated once, then reused).

By default 200 feeds x 10 series x 50 parts (some parts missing) plus standalone
posts, 100,000 articles with 1-3 KB summaries, written through ``Store.add_feed`` +
``Store.upsert_entries`` (no network). Any size: ``Shape(articles, feeds)`` keeps 50
parts per series and gives each feed as many series as its share of articles holds
(1,000 feeds x 1,000 articles: 20 series each, the issue's million). See ``ui_bench.py``.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

FEEDS = 200
SERIES_PER_FEED = 10
PARTS = 50
ARTICLES = 100_000
SEED = 20240601
LIBRARY_MARK = "ui-bench-library.json"
LIBRARY_VERSION = 2  # bump when the generator changes


@dataclass(frozen=True)
class Shape:
    """How big a generated library is: articles spread evenly over feeds."""

    articles: int = ARTICLES
    feeds: int = FEEDS

    @property
    def per_feed(self) -> int:
        return self.articles // self.feeds

    @property
    def series_per_feed(self) -> int:
        """As many 50-part series as a feed's share holds (at least one, at most the
        topics there are), the rest standalone posts: 10 at 200 x 500, 20 at 1000 x 1000."""
        return max(1, min(len(TOPICS), self.per_feed // PARTS))


def _words(text: str) -> list[str]:
    return text.split()


# Series topics and the words their posts keep using.
TOPICS: dict[str, tuple[str, ...]] = {
    "Transfer Learning": ("pretrained", "finetuning", "backbone", "domain"),
    "Time Series Forecasting": ("seasonality", "forecast", "arima", "horizon"),
    "Linear Algebra for ML": ("matrix", "eigenvalue", "vector", "decomposition"),
    "Compilers": ("parser", "lexer", "codegen", "ssa"),
    "Rust Async": ("future", "tokio", "executor", "waker"),
    "Transformers from Scratch": ("attention", "transformer", "softmax", "encoder"),
    "Kubernetes Operators": ("kubernetes", "controller", "reconcile", "crd"),
    "Postgres Internals": ("postgres", "mvcc", "vacuum", "btree"),
    "Bayesian Methods": ("prior", "posterior", "likelihood", "mcmc"),
    "Reinforcement Learning": ("reward", "policy", "agent", "qlearning"),
    "Graph Neural Networks": ("graph", "message", "node", "aggregation"),
    "NLP": ("tokenizer", "corpus", "embedding", "attention"),
    "Computer Vision Basics": ("convolution", "pixel", "image", "augmentation"),
    "Distributed Systems": ("replication", "partition", "quorum", "clock"),
    "Database Indexing": ("index", "btree", "lsm", "page"),
    "Go Concurrency": ("goroutine", "channel", "mutex", "select"),
    "WebAssembly": ("wasm", "module", "sandbox", "linear"),
    "Functional Programming": ("monad", "functor", "immutable", "closure"),
    "Type Theory": ("lambda", "inference", "polymorphism", "judgement"),
    "Embedded Rust": ("microcontroller", "interrupt", "hal", "firmware"),
    "Diffusion Models": ("diffusion", "noise", "denoising", "sampler"),
    "Feature Engineering": ("feature", "encoding", "scaling", "leakage"),
    "MLOps in Practice": ("pipeline", "registry", "deployment", "monitoring"),
    "Vector Databases": ("embedding", "ann", "hnsw", "similarity"),
    "Stream Processing": ("stream", "window", "watermark", "kafka"),
    "Raft Consensus": ("raft", "leader", "term", "log"),
    "CUDA Programming": ("cuda", "kernel", "warp", "gpu"),
    "Probabilistic Programming": ("sampler", "prior", "stan", "inference"),
    "Tokenizers": ("tokenizer", "bpe", "vocabulary", "unicode"),
    "Recommender Systems": ("recommendation", "ranking", "collaborative", "implicit"),
    "Causal Inference": ("causal", "confounder", "treatment", "counterfactual"),
    "SQL Performance": ("query", "planner", "index", "join"),
    "Zig for C Programmers": ("zig", "comptime", "allocator", "pointer"),
    "Haskell Monads": ("monad", "haskell", "typeclass", "effect"),
    "Operating Systems": ("scheduler", "syscall", "process", "paging"),
    "Networking 101": ("tcp", "packet", "latency", "congestion"),
    "Quantization": ("quantization", "int8", "calibration", "precision"),
    "LLM Fine-Tuning": ("lora", "finetuning", "attention", "instruction"),
    "Information Retrieval": ("ranking", "bm25", "retrieval", "query"),
    "Cryptography Basics": ("cipher", "hash", "signature", "key"),
    "Data Structures": ("heap", "trie", "hashmap", "tree"),
    "Numerical Methods": ("solver", "precision", "iteration", "convergence"),
    "Signal Processing": ("fourier", "filter", "frequency", "sampling"),
    "Kafka Deep Dive": ("kafka", "broker", "partition", "consumer"),
    "Terraform Patterns": ("terraform", "module", "state", "provider"),
    "Observability": ("tracing", "metrics", "logging", "span"),
    "Garbage Collectors": ("collector", "heap", "generational", "pause"),
    "Query Planners": ("planner", "cardinality", "join", "cost"),
    "Speech Recognition": ("audio", "phoneme", "acoustic", "decoder"),
    "Anomaly Detection": ("anomaly", "outlier", "threshold", "isolation"),
    "Optimization Algorithms": ("gradient", "descent", "momentum", "adam"),
    "Search Engines": ("crawler", "index", "ranking", "query"),
    "Elixir and OTP": ("elixir", "supervisor", "genserver", "beam"),
    "Lisp Interpreters": ("lisp", "eval", "macro", "environment"),
    "Game Engines": ("ecs", "render", "physics", "frame"),
    "Ray Tracing": ("ray", "shading", "bvh", "light"),
    "Category Theory": ("category", "morphism", "functor", "composition"),
    "Static Analysis": ("lint", "dataflow", "ast", "soundness"),
    "Fuzzing": ("fuzzer", "coverage", "corpus", "crash"),
    "Rust Macros": ("macro", "syntax", "proc", "hygiene"),
}
COMMON = _words(
    "the of and to in is that we it for this with as on be are can by an not but from or "
    "have which when how what all one more if so about into then than there our each only "
    "also some these other would like just first new make time use way work look need "
    "because before after while where still even much many most very well here now next "
    "part again same different small large simple hard easy good better best fast slow "
    "why every both between through without under over few last right wrong real"
)
TECH = _words(
    "data model code function test system value type memory performance result error "
    "library api design problem state example loop call thread request file version user "
    "server cache input output array string number buffer batch update config build "
    "runtime compiler network latency throughput benchmark profile algorithm training "
    "learning gradient descent loss layer weight bias optimizer dataset validation metric "
    "schema table row column transaction lock disk storage container cluster service "
    "endpoint client protocol message event queue worker scheduler task job retry timeout "
    "parser token syntax tree graph node edge path search sort hash map set list stack "
    "pointer reference allocation garbage struct trait interface generic closure lambda "
    "iterator stream channel future promise callback handler middleware router template "
    "renderer shader texture pixel vertex matrix vector tensor kernel device driver "
    "firmware sensor signal filter frequency sample noise distribution probability "
    "estimate regression classification clustering embedding tokenizer attention "
    "transformer encoder decoder pretraining finetuning inference deployment monitoring "
    "logging tracing alert dashboard incident rollback migration backup snapshot replica "
    "shard partition consensus leader election heartbeat quorum kubernetes docker "
    "terraform ansible cloud bucket region zone pricing budget security certificate "
    "encryption signature permission audit compliance refactoring review commit branch "
    "merge release changelog documentation tutorial workshop conference"
)
SYLLABLES = tuple(
    _words("ka lo mi ne ru ta vo zen pri stel quo dra fin gor hul jex bri cal dum pex")
)
SHORT_KINDS = (
    "Getting Started",
    "The Basics",
    "Going Deeper",
    "A Worked Example",
    "Pitfalls",
    "Performance",
    "Testing",
    "In Production",
    "Wrapping Up",
    "Revisited",
    "Under the Hood",
    "Edge Cases",
    "Benchmarks",
    "A Case Study",
    "Design Notes",
    "Q&A",
)


class _Text:
    """Article bodies: common English words, a Zipf-distributed technical vocabulary with
    a long tail of rare terms, and the keywords of the post's series topic."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        tail = {
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(6000)
        }
        words = list(dict.fromkeys([*TECH, *sorted(tail)]))
        cum, total = [], 0.0
        for rank, _ in enumerate(words, 1):
            total += 1.0 / rank
            cum.append(total)
        self.tech, self.tech_cum = words, cum
        cum_c, total_c = [], 0.0
        for rank, _ in enumerate(COMMON, 1):
            total_c += 1.0 / rank**0.8
            cum_c.append(total_c)
        self.common_cum = cum_c

    def body(self, keywords: tuple[str, ...]) -> tuple[str, str]:
        """(html, plain text) of 1-3 KB."""
        rng = self.rng
        n = rng.randint(1000, 3000) // 7  # about 7 characters per word with its space
        n_tech = int(n * 0.4)
        common = rng.choices(COMMON, cum_weights=self.common_cum, k=n - n_tech)
        tech = rng.choices(self.tech, cum_weights=self.tech_cum, k=n_tech)
        words = common + tech
        rng.shuffle(words)
        if keywords:
            for i in range(0, len(words), 14):
                words[i] = rng.choice(keywords)
        paragraphs, texts, i = [], [], 0
        while i < len(words):
            sentences = []
            for _ in range(rng.randint(3, 6)):
                k = rng.randint(8, 20)
                chunk = words[i : i + k]
                i += k
                if chunk:
                    sentences.append(" ".join(chunk).capitalize() + ".")
            text = " ".join(sentences)
            if text:
                texts.append(text)
                paragraphs.append(f"<p>{text}</p>")
        if rng.random() < 0.3:
            paragraphs.insert(1, f"<pre><code>fn step_{rng.randint(0, 9999)}() {{ }}</code></pre>")
        return "\n".join(paragraphs), "\n".join(texts)


def generate_library(directory: Path, shape: Shape = Shape()) -> float:
    """Write the benchmark library into ``directory``; returns seconds taken."""
    from datetime import UTC, datetime, timedelta

    from readinglist.model.records import IncomingArticle, ParsedEntry, SeriesGuess
    from readinglist.services.paths import database_path
    from readinglist.storage.store import Store

    directory.mkdir(parents=True, exist_ok=True)
    db_path = database_path(directory)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    (directory / LIBRARY_MARK).unlink(missing_ok=True)
    rng = random.Random(SEED)
    text = _Text(rng)
    per_feed = shape.per_feed
    epoch = datetime(2019, 1, 1, tzinfo=UTC)
    topics = list(TOPICS)
    started = time.perf_counter()
    store = Store(db_path)
    missing_total = standalone_total = 0

    def make(
        site: str,
        slug: str,
        title: str,
        day: int,
        guess: SeriesGuess,
        category: str,
        keywords: tuple[str, ...],
    ) -> IncomingArticle:
        html, plain = text.body(keywords)
        link = f"{site}/posts/{slug}/"
        entry = ParsedEntry(
            guid=link,
            title=title,
            link=link,
            author=rng.choice(("Ada", "Grace", "Linus", "Barbara", "Edsger", None)),
            summary_html=html,
            content_html="",
            published=epoch + timedelta(days=day, minutes=rng.randint(0, 1439)),
            updated=None,
            categories=(category,),
            word_count=len(plain.split()),
        )
        return IncomingArticle(entry, guess, f"h{rng.getrandbits(48):x}", plain)

    try:
        for f in range(shape.feeds):
            site = f"https://blog{f:03d}.example"
            feed = store.add_feed(
                f"{site}/feed.xml", title=f"Blog {f:03d} — engineering notes", site_url=site
            )
            items: list[IncomingArticle] = []
            day = rng.randint(0, 400)
            for s, topic in enumerate(rng.sample(topics, shape.series_per_feed)):
                key = topic.lower().replace(" ", "-")
                style = rng.randrange(3)
                for part in range(1, PARTS + 1):
                    if part > 1 and rng.random() < 0.06:  # a part the feed no longer lists
                        missing_total += 1
                        continue
                    short = f"{rng.choice(SHORT_KINDS)}: {rng.choice(TECH).title()}"
                    title = (
                        f"{topic} ({part}): {short}",
                        f"{topic} Part {part} — {short}",
                        f"{topic} #{part}: {short}",
                    )[style]
                    day += rng.randint(0, 3)
                    guess = SeriesGuess(key, topic, part, short)
                    items.append(
                        make(site, f"s{s}-p{part}", title, day, guess, topic, TOPICS[topic])
                    )
            n = 0
            while len(items) < per_feed:
                n += 1
                standalone_total += 1
                title = f"{rng.choice(TECH).title()} and {rng.choice(TECH)}: notes {f}-{n}"
                day += rng.randint(0, 2)
                guess = SeriesGuess(None, None, None, title)
                items.append(make(site, f"solo-{n}", title, day, guess, "notes", ()))
            rng.shuffle(items)
            store.upsert_entries(feed.id, items)
        store.checkpoint()
    finally:
        store.close()
    took = time.perf_counter() - started
    (directory / LIBRARY_MARK).write_text(
        json.dumps(
            {
                "feeds": shape.feeds,
                "series_per_feed": shape.series_per_feed,
                "parts": PARTS,
                "articles": shape.articles,
                "seed": SEED,
                "version": LIBRARY_VERSION,
                "missing_parts": missing_total,
                "standalone": standalone_total,
                "generated_s": took,
            }
        ),
        encoding="utf-8",
    )
    return took


def library_ready(directory: Path, shape: Shape = Shape()) -> bool:
    from readinglist.services.paths import database_path

    mark = directory / LIBRARY_MARK
    if not mark.is_file() or not database_path(directory).is_file():
        return False
    try:
        info = json.loads(mark.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (info.get("feeds"), info.get("articles"), info.get("seed"), info.get("version")) == (
        shape.feeds,
        shape.articles,
        SEED,
        LIBRARY_VERSION,
    )
