"""Round 12 of series-unseen (added 2026-12-06): three blogs whose posts declare their series.

gruuuuu (Korean, Hugo Blowfish: a cloud/infrastructure engineer's blog of tutorials, with
numbered starter series and yearly retrospectives), huggingaha (Chinese, Hugo Blowfish: an
AI/knowledge-graph developer's notes, numbered course and source-reading series) and
tokenbrice (English, Hugo Stack with the site's own series navigation: a DeFi analyst's
essays, a few long-running numbered arcs). ``build.py`` loads this module after
``round11.py`` and sets ``unseen`` to itself before running it, so these blogs are read by
the same reader, URL helpers and label rules as every other blog of this corpus; their rows
come last in ``corpus.jsonl``. See SOURCES.md ("Round 12") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="gruuuuu",
        repo="GRuuuuu/GRuuuuu.github.io",
        commit="b434c2716060f78f3f0da77d8b3675590276f44c",
        site="https://gruuuuu.hololy.org/",
        generator="Hugo (Blowfish)",
        language="ko",
        licence="no licence stated (themes/blowfish/LICENSE is the theme's)",
        all_paths=True,
        # the Korean site (defaultContentLanguage "ko", at the root); the few `index.en.md`
        # files are the English site's pages (translations, or English-only posts), not read;
        # content/about is a page, not a post
        include=r"^content/(?!about/)[^/]+/.+(?<!\.en)\.md$",
        url=unseen.hugo_path("https://gruuuuu.hololy.org", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /<section>/<bundle "
        "dir>/ (front-matter slug replaces the last segment) under baseURL "
        "https://gruuuuu.hololy.org",
        part_keys=("series_order",),
        recurring={
            # yearly reviews ("2019 회고" … "2025 회고")
            "Retrospective",
        },
        undeclared_parts=(
            # the introduction of the ELK-Starter series ("00."), declaring no series while
            # its parts "01." to "03." declare `ELK-Starter`
            "00.Introduction of Elastic Stack",
            # numbered pairs declaring no series (an unnumbered first post followed by a
            # "(2)" is left out with it)
            "Content Trust in Docker(1) : Docker Notary란?",
            "Content Trust in Docker(2) : DCT with Docker Hub",
            "호다닥 공부해보는 RNN 친구들(1) - RNN(Recurrent Neural Networks)",
            "호다닥 공부해보는 RNN 친구들(2) - LSTM & GRU",
            "호다닥 공부해보는 x509와 친구들",
            "호다닥 공부해보는 x509와 친구들(2) - Let's Encrypt",
        ),
    ),
    Blog(
        id="huggingaha",
        repo="HuggingAha/huggingaha.github.io",
        commit="200e1271546a2d0adeaacaf08b0e73ea8982296e",
        site="https://huggingaha.github.io/",
        generator="Hugo (Blowfish)",
        language="zh",
        licence="no licence stated",
        all_paths=True,
        include=r"^content/blogs/.+\.md$",
        url=unseen.hugo_path("https://huggingaha.github.io", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /blogs/<dirs>/<slug>/ "
        "(every post declares a slug) under the GitHub Pages base https://huggingaha.github.io/ "
        "(its workflow passes the Pages URL as --baseURL)",
        part_keys=("series_order",),
    ),
    Blog(
        id="tokenbrice",
        repo="TokenBrice/blog",
        commit="6e68495594ca37a36dbf714f046c4e75b7bfb2b5",
        site="https://tokenbrice.xyz/",
        generator="Hugo (hugo-theme-stack, site layouts)",
        language="en",
        licence="posts CC BY-NC-SA 4.0 (hugo.yaml params.article.license); repository MIT "
        "(LICENSE)",
        all_paths=True,
        # the English site; `*.fr.md` are the French site's translations, not read
        include=r"^content/post/.+(?<!\.fr)\.md$",
        url=unseen.hugo_page("https://tokenbrice.xyz", "/p/"),
        url_source="reconstructed: Hugo front-matter url (every post sets one: /<url>/) under "
        "baseurl https://tokenbrice.xyz; the permalink rule post = /p/:slug/ is unused",
        part_keys=("series_order",),
    ),
]
