"""Round 17 of series-unseen (added 2026-12-07): blogs whose posts declare their series.

neo01 (English, Hexo: Neo Alienson's blog "Decoding Digital Anomalies" on architecture,
security, agile and AI, 2001-2026, with zh-TW and zh-CN translations of each post). The
repository holds the site's Hexo ``source`` directory (``_posts/YYYY/MM/<Name>.md``; the
Hexo ``_config.yml`` and theme are not in it). Its posts declare ``series: <key>`` in the YAML
front matter; each key has a table of contents in ``_data/<key>.yml`` (a Markdown list of the
members' links, in the author's reading order), which is the order the parts take here.
``build.py`` loads this module after ``round16.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every other
blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round 17") for
the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers

# the members of each declared series in the order of the series' table of contents,
# `_data/<key>.yml` at the pinned commit (its `content:` is a Markdown list of links
# `/YYYY/MM/<Name>/`, section headings between them); every member is listed there once and
# every listed link is a member, so the position is the part
NEO01_TOC: dict[str, tuple[str, ...]] = {
    "agile": (
        "2013/12/Agile-Software-Development-Principles-Practice",
        "2014/02/Stories-vs-Tasks-in-Agile",
        "2014/04/Kanban-vs-Scrum-Choosing-Right-Agile-Framework",
    ),
    "ai_art": (
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-1",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-2",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-3",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-4",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-5",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-6",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-7",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-8",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-9",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-10",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-11",
        "2024/06/The-Art-Of-Prompt-Engineering-Art-Style-Part-12",
    ),
    "architecture_pattern": (
        "2020/05/Architecture-Patterns-Quick-Reference",
        "2019/01/Rate-Limiting-Pattern",
        "2019/02/Anti-Corruption-Layer-Pattern",
        "2019/03/Retry-Pattern",
        "2019/04/Claim-Check-Pattern",
        "2019/05/Materialized-View-Pattern",
        "2019/06/Strangler-Fig-Pattern",
        "2019/07/Sidecar-Pattern",
        "2019/08/Sharding-Pattern",
        "2019/09/Gateway-Aggregation-Pattern",
        "2019/10/Publisher-Subscriber-Pattern",
        "2019/11/Health-Endpoint-Monitoring-Pattern",
        "2019/12/Federated-Identity-Pattern",
        "2020/01/Circuit-Breaker-Pattern",
        "2020/03/Bulkhead-Pattern",
        "2020/04/Asynchronous-Request-Reply-Pattern",
    ),
    "authentication": (
        "2010/01/Evolution-of-Single-Sign-On-From-Kerberos-to-OIDC",
        "2010/02/Understanding-SAML-Enterprise-Federation-Explained",
        "2010/03/Understanding-Kerberos-Network-Authentication-Explained",
        "2014/11/OpenID-Connect-Modern-Authentication-Explained",
        "2020/12/OAuth-2.0-Security-Best-Practices-From-Design-to-Implementation",
        "2021/12/Identity-Broker-Patterns",
    ),
    "cisp": (
        "2025/10/CISP-Knowledge-System-Navigation",
        "2025/10/CISP-Security-Organization-Structure",
        "2025/10/CISP-Security-Policy",
        "2025/10/CISP-Security-Management-Organization",
        "2025/10/CISP-Personnel-Security-Management",
        "2025/10/CISP-Professional-Ethics",
        "2025/10/CISP-Project-Management-Basics",
        "2025/10/CISP-Risk-Management-Basics",
        "2025/10/CISP-Risk-Assessment",
        "2025/10/CISP-Risk-Treatment",
        "2025/10/CISP-Risk-Threat-Security-Design",
        "2025/10/CISP-Business-Continuity-Disaster-Recovery",
        "2025/10/CISP-Security-Incident-Management",
        "2025/10/CISP-Incident-Response-PDCERF",
        "2025/10/CISP-Emergency-Response-Organizations-Standards",
        "2025/10/CISP-CIA-Triad",
        "2025/10/CISP-Windows-Security-Configuration",
        "2025/10/CISP-Linux-System-Security",
        "2025/10/CISP-Access-Control",
        "2025/10/CISP-Access-Control-Audit-WAPI",
        "2025/10/CISP-Authentication-Methods",
        "2025/10/CISP-Cryptography-Security",
        "2025/10/CISP-PKI-Digital-Certificates",
        "2025/10/CISP-Network-Fundamentals",
        "2025/10/CISP-Network-Attacks-Security-Operations",
        "2025/10/CISP-Network-Security-Protocols-SSL-VPN",
        "2025/10/CISP-Network-Security-Fundamentals",
        "2025/10/CISP-Firewall-IDS-Technologies",
        "2025/10/CISP-Advanced-Security-Topics",
        "2025/10/CISP-Communications-Operations-Security",
        "2025/10/CISP-Communications-Operations-Security-Extended",
        "2025/10/CISP-Security-Mechanisms-Protocols",
        "2025/10/CISP-Forensics-Network-Security",
        "2025/10/CISP-IDS-Law",
        "2025/10/CISP-Malware-Propagation-Methods",
        "2025/10/CISP-Email-Security",
        "2025/10/CISP-Penetration-Testing-Security-Tech",
        "2025/10/CISP-Vulnerabilities-Social-Engineering-SDL",
        "2025/10/CISP-Asset-Management",
        "2025/10/CISP-Database-Security",
        "2025/10/CISP-Software-Security",
        "2025/10/CISP-Software-Security-SAMM",
        "2025/10/CISP-Software-Development-Security",
        "2025/10/CISP-Software-Testing-Security",
        "2025/10/CISP-Web-Software-Security",
        "2025/10/CISP-Physical-Environmental-Security",
        "2025/10/CISP-Information-Security-Level-Protection-Basics",
        "2025/10/CISP-China-Information-Security-Laws",
        "2025/10/CISP-ISMS-and-Standards",
        "2025/10/CISP-Standards-Management",
        "2025/10/CISP-Incident-and-Risk-Management",
        "2025/10/CISP-Security-Law-and-Threat-Modeling",
        "2025/10/CISP-Security-Frameworks-IATF-SABSA",
        "2025/10/CISP-Security-Models-Evolution",
        "2025/10/CISP-System-Engineering-Standards",
        "2025/10/CISP-Security-Assessment-Audit",
        "2025/10/CISP-Security-Management-Practice",
        "2025/10/CISP-Technical-Fundamentals-Comprehensive",
    ),
    "database": (
        "2026/03/Building-PostgreSQL-Compatible-Database-Rust-Page-Storage-Buffer-Pool",
        "2026/03/Database-Rust-BPlusTree-Index-Concurrent-Access",
        "2026/03/Database-Rust-MVCC-Transaction-Manager",
        "2026/03/Database-Rust-WAL-Crash-Recovery-ARIES",
        "2026/03/Database-Rust-Wire-Protocol-Result-Set",
        "2026/03/Database-Rust-SQL-Parser",
        "2026/03/Database-Rust-Query-Optimizer",
        "2026/03/Database-Rust-Histogram-Statistics",
    ),
    "eod": (
        "2026/02/Environment-on-Demand-Part1-Architecture",
        "2026/02/Environment-on-Demand-Part2-Lifecycle",
        "2026/02/Environment-on-Demand-Part3-Alternatives",
    ),
    "rtgs": (
        "2025/12/Understanding-RTGS-From-Batch-Nightmares-To-Continuous-Settlement",
        "2025/12/Understanding-RTGS-Finance-Concepts",
        "2025/12/Understanding-RTGS-Operational-Concepts",
        "2025/12/Understanding-RTGS-Technical-Architecture",
        "2025/12/Understanding-RTGS-System-Architecture",
        "2025/12/Understanding-RTGS-High-Availability",
        "2025/12/Understanding-RTGS-Security-Risk",
        "2025/12/Understanding-RTGS-Message-Standards",
        "2025/12/Understanding-RTGS-ISO-20022-Skills-Guide",
        "2025/12/Understanding-RTGS-Cardinality-Rules",
        "2025/12/Understanding-RTGS-Version-Migration-CBPR",
        "2025/12/Understanding-RTGS-Message-Implementation",
        "2025/12/Understanding-RTGS-Message-Lifecycle",
        "2025/12/Understanding-RTGS-PFMI-Principles",
        "2025/12/RTGS-Acronyms-and-Abbreviations",
    ),
    "solid": (
        "2021/09/Single-Responsibility-Principle-SOLID",
        "2021/09/Open-Closed-Principle-SOLID",
        "2021/10/Liskov-Substitution-Principle-SOLID",
        "2021/11/Interface-Segregation-Principle-SOLID",
        "2021/11/Dependency-Inversion-Principle-SOLID",
    ),
}
NEO01_PART = {f"_posts/{name}.md": i for toc in NEO01_TOC.values() for i, name in enumerate(toc, 1)}

# JavaScript's Date.toString(), which the cisp posts write as their date:
# `Fri Oct 10 2025 08:00:00 GMT+0800 (Hong Kong Standard Time)`
JS_DATE = re.compile(r"[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{4}) ")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def neo01_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter; a date written as JavaScript's Date.toString() becomes its calendar date
    (as written, in its own UTC+8 offset), and a series member gets its position in the
    series' table of contents as ``series_toc_part`` (read through ``part_keys``)."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    m = JS_DATE.match(str(fm.get("date", "")))
    if m and m[1] in MONTHS:
        fm = {**fm, "date": f"{m[3]}-{MONTHS.index(m[1]) + 1:02d}-{m[2]}"}
    if fm.get("series") and path in NEO01_PART:
        fm = {**fm, "series_toc_part": NEO01_PART[path]}
    return fm


def hexo_title_path(base: str) -> Callable[[Post], str]:
    """Hexo ``permalink: :title/`` with ``filename_case: 1``: the post's path under
    ``_posts`` without its extension, lower-cased (``_posts/2019/08/Sharding-Pattern.md`` ->
    ``/2019/08/sharding-pattern/``), as the generated site has it."""

    def f(p: Post) -> str:
        rel = re.sub(r"\.md$", "", p.path[len("_posts/") :]).lower()
        return base.rstrip("/") + unseen.enc(f"/{rel}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="neo01",
        repo="neoalienson/neo01.com-source",
        commit="64e35f74136520d4f2b7b5df4f0ee1c275c12583",
        site="https://neo01.com/",
        generator="Hexo (source directory only)",
        language="en (the zh-TW and zh-CN translations of each post not read)",
        licence="no licence stated (terms-and-conditions page: all rights reserved by the "
        "blog owner)",
        all_paths=True,
        # the English posts only: `<Name>-zh-CN.md` and `<Name>-zh-TW.md` beside each post are
        # its translations (the site's other two languages)
        include=r"^_posts/.+\.md$",
        exclude=r"-zh-(CN|TW)\.md$",
        meta=neo01_meta,
        part_keys=("series_toc_part",),
        url=hexo_title_path("https://neo01.com"),
        undeclared_parts=(
            # titles that mark parts, no series declared (the unnumbered first of a numbered
            # pair left out with it, as in earlier rounds)
            "Architecture as Code: Part 1 - The Revolution Begins",
            "Architecture as Code: Part 2 - Building the Foundation",
            "Understanding Ephemeral Ports: The Invisible Workers of Network Communication",
            "Understanding Ephemeral Ports Part 2: Why Server Applications Should Avoid Dynamic Ports",
            "Architecture Decision Log: A Practical Guide (Part 1)",
            "Architecture Decision Log: Advanced Topics (Part 2)",
        ),
        url_source="reconstructed: Hexo :title permalink, the path under _posts lower-cased "
        "(/2019/08/sharding-pattern/), under CNAME neo01.com; the lower-cased paths are those "
        "of the generated site's repository (neoalienson/neo01.com-web)",
    ),
]
