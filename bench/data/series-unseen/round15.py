"""Round 15 of series-unseen (added 2026-12-06): blogs whose posts declare their series.

frankdenneman (English, Hugo with the Anatole theme: Frank Denneman's blog on vSphere
resource management, NUMA and, since 2023, AI infrastructure; 2009-2026, its older posts
imported from WordPress). Its two recent series declare ``series: [...]`` and
``series_order: N`` in the YAML front matter of ``content/posts/<dir>/index.md``; every
post sets its own ``url``. ``build.py`` loads this module after ``round14.py`` and sets
``unseen`` to itself before running it, so the blog is read by the same reader, URL
helpers and label rules as every other blog of this corpus; its rows come last in
``corpus.jsonl``. See SOURCES.md ("Round 15") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog = unseen.Blog


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="frankdenneman",
        repo="frankdenneman/frankdenneman.github.io",
        commit="22fc43f7707169ef5a99af520e8ce1985003b626",
        site="https://frankdenneman.ai/",
        generator="Hugo (Anatole theme)",
        language="en",
        licence="no licence stated",
        # the posts only (content/concepts, content/numa, … are pages; archive/ and
        # content-backup-*/ are not Hugo's content directory)
        include=r"^content/posts/[^/]+/index\.md$",
        part_keys=("series_order",),
        url=unseen.hugo_page("https://frankdenneman.ai", "/"),
        url_source="front matter url field (every post sets one), under hugo.toml baseURL "
        "https://frankdenneman.ai/",
        undeclared_parts=(
            # titles that mark parts, no series declared (the unnumbered first of a
            # numbered pair left out with it, as in earlier rounds)
            "Impact of oversized virtual machines part 1",
            "Impact of oversized virtual machines part 2",
            "Impact of oversized virtual machines part 3",
            "VM Storage Profiles and Storage DRS - Part 1",
            "VM Storage Profiles and Storage DRS - Part 2 - Distributed VMs",
            "(Alternative) VM swap file locations Q&#038;A",
            "(Alternative) VM swap file locations Q&amp;A",
            "(Alternative) VM swap file locations Q&#038;A – part 2",
            "(Alternative) VM swap file locations Q&amp;A – part 2",
            "HA Percentage based admission control from a resource management perspective – Part 1",
            "Database workload characteristics and their impact on storage architecture design - part 1",
            "Database workload characteristics and their impact on storage architecture design – part 2 - Data pipelines",
            "Database workload characteristics and their impact on storage architecture design – part 3 - Ancillary structures for tuning databases",
            "Database workload characteristics and their impact on storage architecture design – part 5 - Query Execution Plans",
            "DB Deepdive part 6: Query Plans, Intermediate Results, tempdb and Storage Performance",
            "Virtual Datacenter scaling problems with traditional shared storage - part 2",
            "Part 3 - Data path is not managed as a clustered resource",
            "NUMA Deep Dive Part 1: From UMA to NUMA",
            "NUMA Deep Dive Part 2: System Architecture",
            "NUMA Deep Dive Part 3: Cache Coherency",
            "NUMA Deep Dive Part 4: Local Memory Optimization",
            "NUMA Deep Dive Part 5: ESXi VMkernel NUMA Constructs",
            "Deep Learning Technology Stack Overview for the vAdmin - Part 1",
            "Machine Learning on VMware Platform - Part 1",
            "MACHINE LEARNING ON VMWARE PLATFORM – PART 2",
            "Machine Learning on VMware Platform – Part 3 - Training versus Inference",
            # numbered episodes of the Unexplored Territory podcast (an undeclared
            # numbered column, as cloudwithchris's numbered episodes in round 13)
            "Unexplored Territory Podcast Episode 18 - Not just artificially intelligent featuring Mazhar Memon",
            "Unexplored Territory Podcast Episode 19 - Discussing NUMA and Cores per Sockets with the main CPU engineer of vSphere",
            "Unexplored Territory Podcast EP30 - Project Keswick with Alan Renouf",
            "Unexplored Territory Podcast 32 - IT giving McLaren Racing the edge",
            "Unexplored Territory Ep 34 - William Lam Talks Home Labs - Christmas Special",
            "#46 - VMware Cloud Flex Compute Tech Preview",
            "#47 - How VMware accelerates customers achieving their net zero carbon emissions goal",
        ),
    ),
]
