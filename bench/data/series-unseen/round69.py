"""Round 69 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

differentpla (English, Jekyll 3.10 on GitHub Pages: Roger Lipscombe's "Roger's Blog" at
blog.differentpla.net, 2000 to 2026: MFC, COM, Jam and Visual Studio notes of the 2000s, the
empeg car player, .NET, PowerShell and Bouncy Castle, then Erlang and Elixir, k3s and
Kubernetes on Raspberry Pis, Synology NAS, and an interpreter in Rust). The posts are
``_posts/<year>/<date>-<slug>.md`` (637 files, all read); the whole blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every file of ``_posts``; 18 set ``published: false`` and are left out, as
  Jekyll leaves them out (the builder counts them as "draft or unpublished"), which leaves
  619. ``_drafts`` is empty; ``_config.yml`` defines no other collection. No post sets
  ``permalink`` or ``slug``; the newest post (2026-01-01) is older than the commit, so no
  post is held back as a future one.
- **Series.** A post is in a series iff its front matter sets ``series: <slug>`` (181 posts,
  16 slugs, every one with 2+ members; all 181 also set ``layout: series``, the layout with
  the series sidebar). The label is the slug as written (``k3s``, ``gen_fsm``). Each slug has
  a page ``series/<slug>.md`` (``layout: series_toc``, ``title: "Series: <slug>"``,
  ``series: <slug>``), which heads its list "Posts in '<slug>' series", "N posts; oldest
  first": the site names its series by the slug itself, and the 16 pages match the 16 slugs.
- **Order.** No number is declared. ``_layouts/series.html`` (the sidebar),
  ``_includes/_series_toc.html`` and ``_layouts/series_toc.html`` all list ``site.posts``
  of the series reversed, i.e. oldest first in Jekyll's post order: the front matter's date
  *and time*, ties by path. Most series publish several members a day at set times (the old
  ones were given times a minute apart, ``2001-06-01 11:41:28`` … ``11:47:28``), so the
  builder's rank by day with ties by file path would reorder eleven series. Those members
  get their rank in the site's order (``SITE_ORDER``, read through ``part_keys`` as
  ``datetime_part``), as rounds 14 and 22 did for bbearcookie and lkhill; the list is checked
  against the posts: each entry's date-time must be the post's, and each series' entries must
  be in date-time-then-path order. The other five series fall on distinct days or are in the
  same order by path, and keep the builder's date rank; one of them,
  ``crafting-interpreters-rust``, is ``unordered`` (parts ``null``): its eighth to tenth
  members are ``Parsing Binary Operators, part 1`` … ``part 3``, markers the builder's check
  reads as contradicting the ranks (they number a sub-run), as it would also decide without
  the entry. Date-times are read as Jekyll does on GitHub Pages (UTC; a written offset is
  applied); no member's date differs between the two readings of its day.
- **Kind.** All 16 series are ``multipart``: the site presents every one alike (a series page
  and an ordered sidebar), none as a column; ``k3s`` (49 posts, 2020-02 to 2022-10) is one
  cluster built up post by post.
- **Posts sharing a series' wording but not declared in it stay standalone, as declared:**
  ``Erlang cluster on Kubernetes: Fatal - Certificate Expired`` and ``…: Rotating CA
  certificates`` (2023), ``Erlang on Kubernetes: Using a ConfigMap for sys.config`` and its
  Kustomize sequel, ``Linux on Sony Vaio - Network Install`` (2004), the K3s posts of
  2022-12 to 2023-10 (``Traefik dashboard on K3s``, ``K3s PV loss: Incident Review``, …),
  the PowerShell and Bouncy Castle posts of 2013-04, ``qmail STARTTLS is slow`` (2006),
  ``Using kerl with direnv`` (2014), the unnumbered runs ``Release Process: …``
  (2010) and ``Things I learnt this week: …`` (2008), the sidebar-gadget questions (2007), the
  three 2025-04/05 multi-architecture container posts (file names ``…-1``/``-2``/``-3``,
  titles unnumbered), and the follow-ups ``Multiple Laptops, Multiple Monitors, Redux`` and
  ``Generating a version number from your git repo -- follow up``.
- **Titles that mark a part without a declared series** are left out (``undeclared_parts``),
  as the earlier rounds do: ``Migrating www.differentpla.net to a virtual machine, part 2``
  and ``part 3`` (2013-02-26) with the unnumbered first they continue (2013-02-24), and
  ``Helpers for fold accumulators, part 2`` (2024-02-13) with the unnumbered first it
  follows up (2024-02-09). Five posts.

The commit read is ``cfe185374287`` (2026-03-29 20:52 +0100, "Update README.md"), the newest
on ``master``, the default branch (the ``draft/*``, ``drafts-*``, ``crafting-interpreters-
rust``, ``multiarch-containers`` and dependabot branches are not read).

URLs: ``_config.yml`` ``permalink: /blog/:year/:month/:day/:title/`` under ``url:
"http://blog.differentpla.net"`` (``CNAME``: ``blog.differentpla.net``); the date is the
front matter's (which wins over the file name's: nine posts differ), ``:title`` the file
name's slug through Jekyll's ``pretty`` slugify (the corpus' ``jekyll`` rule).

``build.py`` loads this module after ``round68.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
69") for the decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

POST_FILE = re.compile(r"^_posts/\d{4}/(\d{4}-\d{2}-\d{2}-[^/]+)\.md$")

# The site's order of the members of eleven series (Jekyll's `site.posts`, reversed: date and
# time ascending, ties by path), as (file name without `.md`, date-time in UTC); the builder's
# rank by day with ties by file path would give another order for each of them.
SITE_ORDER: dict[str, tuple[tuple[str, str], ...]] = {
    "pci48af": (
        ("2001-06-01-pci48af", "2001-06-01 11:41:28"),
        ("2001-06-01-pci48af-specifications", "2001-06-01 11:42:28"),
        ("2001-06-01-pci48af-cpu", "2001-06-01 11:43:28"),
        ("2001-06-01-pci48af-memory", "2001-06-01 11:44:28"),
        ("2001-06-01-pci48af-jumpers", "2001-06-01 11:45:28"),
        ("2001-06-01-pci48af-pci-slots", "2001-06-01 11:46:28"),
        ("2001-06-01-pci48af-header_j23", "2001-06-01 11:47:28"),
    ),
    "linux-on-vaio": (
        ("2003-01-13-linux-on-sony-vaio-installing-xfree86", "2003-01-13 15:44:00"),
        ("2003-01-13-linux-on-sony-vaio-upgrading-to-a-24-kernel-and-ext3", "2003-01-13 15:44:00"),
        ("2003-01-13-linux-on-sony-vaio-miscellaneous", "2003-01-13 16:03:00"),
        ("2003-01-13-vaio-acpi-patches", "2003-01-13 16:03:00"),
        ("2003-01-14-linux-on-sony-vaio-built-in-wireless", "2003-01-14 15:50:00"),
        ("2003-01-17-linux-on-sony-vaio-intel-i820-onboard-soundcard", "2003-01-17 14:39:00"),
        ("2003-02-04-linux-on-sony-vaio-firewire-dvd-rom-drive", "2003-02-04 14:47:00"),
        ("2003-02-04-installing-debian-gnulinux-on-sony-vaio-srx87", "2003-02-04 15:10:00"),
        ("2003-02-04-linux-on-sony-vaio-connecting-an-ipod", "2003-02-04 15:10:00"),
        (
            "2003-02-04-using-make-kpkg-to-build-a-custom-linux-kernel-for-your-vaio",
            "2003-02-04 15:10:00",
        ),
    ),
    "mfc-background-threads": (
        ("2003-04-15-bgthreads-intro", "2003-04-15 11:20:39"),
        ("2003-04-15-bgthreads-task", "2003-04-15 11:30:39"),
        ("2003-04-15-bgthreads-foreground1", "2003-04-15 11:41:39"),
        ("2003-04-15-bgthreads-foreground2", "2003-04-15 11:42:39"),
        ("2003-04-15-bgthreads-foreground3", "2003-04-15 11:43:39"),
        ("2003-04-15-bgthreads-background1", "2003-04-15 11:51:39"),
        ("2003-04-15-bgthreads-background2", "2003-04-15 11:52:39"),
        ("2003-04-15-bgthreads-background3", "2003-04-15 11:53:39"),
        ("2003-04-15-bgthreads-background4", "2003-04-15 11:54:39"),
    ),
    "qmail": (
        ("2004-03-11-installing-qmail-and-vpopmail", "2004-03-11 09:24:00"),
        ("2004-03-11-removing-exim-and-installing-qmail", "2004-03-11 09:26:00"),
        ("2004-03-11-installing-smtp-auth-with-qmail", "2004-03-11 09:28:00"),
        ("2004-03-11-installing-vpopmail", "2004-03-11 09:33:00"),
        ("2004-03-11-installing-bincimap", "2004-03-11 09:35:00"),
        ("2004-03-11-using-qmail-extension-addresses-with-vpopmail", "2004-03-11 10:53:00"),
        (
            "2004-03-11-forwarding-addresses-to-another-account-using-vpopmail",
            "2004-03-11 11:03:00",
        ),
        ("2004-03-11-installing-ezmlm-with-vpopmail", "2004-03-11 12:17:00"),
        ("2004-03-11-installing-squirrelmail", "2004-03-11 14:22:00"),
        ("2004-03-12-installing-clamav-and-qmail-scanner", "2004-03-12 16:30:00"),
        ("2004-03-18-securing-squirrelmail-using-https", "2004-03-18 15:19:00"),
        ("2004-03-23-securing-imap", "2004-03-23 11:39:00"),
        ("2004-03-24-using-smtp-tls-with-qmail", "2004-03-24 14:12:00"),
        ("2004-03-24-installing-qmailadmin", "2004-03-24 18:41:00"),
    ),
    "winformswizard": (
        ("2005-02-26-implementing-a-wizard-in-csharp", "2005-02-26 12:44:00"),
        ("2005-02-26-implementing-a-wizard-in-csharp-part-2", "2005-02-26 12:50:00"),
        ("2008-10-29-adding-an-extra-optional-page-to-the-csharp-wizard", "2008-10-29 16:53:37"),
    ),
    "bouncy-castle": (
        ("2013-03-18-using-bouncy-castle-from-net", "2013-03-18 18:50:00"),
        (
            "2013-03-18-how-do-i-create-a-self-signed-certificate-using-bouncy-castle-",
            "2013-03-18 18:57:35",
        ),
        (
            "2013-03-18-how-do-i-convert-a-bouncy-castle-certificate-to-a-net-certificate-",
            "2013-03-18 19:57:54",
        ),
        ("2013-03-20-bouncy-castle-missing-certificate-attributes", "2013-03-20 14:52:15"),
        ("2013-03-23-bouncy-castle-extended-key-usage", "2013-03-23 13:13:35"),
        ("2013-03-24-bouncy-castle-subject-alternative-names", "2013-03-24 14:20:58"),
        ("2013-03-24-bouncy-castle-being-a-certificate-authority", "2013-03-24 16:14:15"),
    ),
    "visual-studio-extension-in-a-weekend": (
        ("2013-05-29-a-visual-studio-extension-in-a-weekend", "2013-05-29 15:05:42"),
        ("2013-05-29-running-iis-express", "2013-05-29 15:07:25"),
        (
            "2013-05-29-spike-providing-parameters-to-iis-express-hosted-applications",
            "2013-05-29 15:32:53",
        ),
        ("2013-05-29-displaying-a-web-page-in-visual-studio", "2013-05-29 15:35:04"),
        ("2013-05-29-rendering-markdown-in-net", "2013-05-29 17:19:58"),
        ("2013-05-29-creating-a-visual-studio-extension", "2013-05-29 17:21:36"),
        ("2013-05-29-killing-iis-express", "2013-05-29 17:23:35"),
        ("2013-05-29-packaging-vs-welcome-page", "2013-05-29 17:25:57"),
        ("2013-05-29-using-iis-express-in-vs-welcome-page", "2013-05-29 17:35:18"),
    ),
    "direnv-tool-versions": (
        ("2019-01-30-direnv-tool-versions", "2019-01-30 17:00:00"),
        ("2019-01-30-installing-direnv", "2019-01-30 17:01:00"),
        ("2019-01-30-erlang-build-prerequisites", "2019-01-30 17:02:00"),
        ("2019-01-30-installing-kerl", "2019-01-30 17:03:00"),
        ("2019-01-30-integrating-kerl-direnv", "2019-01-30 17:03:00"),
        ("2019-01-30-installing-erlang-with-kerl", "2019-01-30 17:04:00"),
        ("2019-01-30-erlang-version", "2019-01-30 17:05:00"),
        ("2019-01-30-integrating-kiex-direnv", "2019-01-30 17:07:00"),
        ("2019-01-30-installing-kiex", "2019-01-30 17:10:00"),
        ("2019-01-30-installing-elixir-with-kiex", "2019-01-30 17:12:00"),
        ("2019-01-30-nvm-direnv", "2019-01-30 17:12:00"),
        ("2019-01-30-python-build", "2019-01-30 17:20:00"),
        ("2019-01-30-python-direnv", "2019-01-30 17:25:00"),
        ("2019-01-30-ruby-install", "2019-01-30 17:40:00"),
        ("2019-01-30-ruby-direnv", "2019-01-30 17:45:00"),
        ("2020-02-02-ghc-direnv", "2020-02-02 15:32:31"),
        ("2020-06-12-python3-direnv", "2020-06-12 18:15:00"),
        ("2023-01-06-compiling-ruby-fails-openssl", "2023-01-06 20:24:00"),
    ),
    "k3s": (
        ("2020-02-06-k3s-raspi-intro", "2020-02-06 16:34:00"),
        ("2020-02-06-k3s-raspi-hardware", "2020-02-06 16:44:00"),
        ("2020-02-06-k3s-raspi-raspbian", "2020-02-06 16:54:00"),
        ("2020-02-06-k3s-raspi-install-k3s", "2020-02-06 17:04:00"),
        ("2020-02-06-k3s-raspi-nginx", "2020-02-06 17:44:00"),
        ("2020-02-06-k3s-raspi-private-docker", "2020-02-06 17:52:00"),
        ("2020-02-06-k3s-raspi-node-server", "2020-02-06 19:03:00"),
        ("2020-02-07-k3s-raspi-phoenix-server", "2020-02-07 11:17:00"),
        ("2021-07-04-k3s-raspi-updates", "2021-07-04 15:39:00"),
        ("2021-12-08-k3s-raspi-scheduling-disabled", "2021-12-08 09:42:00"),
        ("2021-12-09-k3s-raspi-iscsi", "2021-12-09 19:42:00"),
        ("2021-12-10-k3s-docker-registry", "2021-12-10 09:49:00"),
        ("2021-12-16-k3s-docker-registry-insecure", "2021-12-16 16:16:00"),
        ("2021-12-16-k3s-hostpath-storage", "2021-12-16 18:20:00"),
        ("2021-12-17-k3s-dynamic-pv", "2021-12-17 09:06:00"),
        ("2021-12-17-k3s-static-pv", "2021-12-17 15:09:00"),
        ("2021-12-17-k3s-nodeport", "2021-12-17 20:58:00"),
        ("2021-12-18-k3s-raspi-docker-push-fails", "2021-12-18 16:08:00"),
        ("2021-12-18-k3s-pv-namespace", "2021-12-18 20:11:00"),
        ("2021-12-20-upgrading-raspios-to-arm64", "2021-12-20 10:26:00"),
        ("2021-12-20-raspi-ubuntu", "2021-12-20 12:17:00"),
        ("2021-12-20-k3s-ubuntu-reinstall", "2021-12-20 19:16:00"),
        ("2021-12-20-installing-helm", "2021-12-20 20:45:00"),
        ("2021-12-20-installing-metallb", "2021-12-20 20:55:00"),
        ("2021-12-21-disabling-klipper", "2021-12-20 20:55:00"),
        ("2021-12-21-installing-longhorn", "2021-12-21 11:28:00"),
        ("2021-12-21-docker-registry-redux", "2021-12-21 11:57:00"),
        ("2021-12-29-coredns", "2021-12-29 20:15:00"),
        ("2021-12-30-k3s-nodeport-with-multiple-replicas", "2021-12-30 12:10:00"),
        ("2022-01-03-upgrading-k3s", "2022-01-03 14:38:00"),
        ("2022-01-16-k3s-dns-runbook", "2022-01-16 10:08:00"),
        ("2022-01-30-gitea", "2022-01-30 14:46:00"),
        ("2022-01-31-traefik-ingress", "2022-01-31 08:46:00"),
        ("2022-01-31-securing-ingress-tls", "2022-01-31 18:35:00"),
        ("2022-02-02-argocd", "2022-02-02 17:57:00"),
        ("2022-02-03-arm64-support", "2022-02-03 08:46:00"),
        ("2022-02-04-gitea-https", "2022-02-04 17:46:00"),
        ("2022-02-05-not-upgrading-argocd", "2022-02-05 11:47:00"),
        ("2022-02-06-cert-manager", "2022-02-06 15:18:00"),
        ("2022-02-23-livebook-k3s", "2022-02-23 20:42:00"),
        ("2022-02-25-pod-dns-problems", "2022-02-25 08:42:00"),
        ("2022-02-25-coredns-custom", "2022-02-25 08:47:00"),
        ("2022-03-09-livebook-k8s-cluster-admin", "2022-03-09 12:29:00"),
        ("2022-09-24-raspi-ubuntu-upgrade", "2022-09-24 13:58:00"),
        ("2022-10-15-kustomize-nginx", "2022-10-15 14:37:00"),
        ("2022-10-16-installing-argocd-cli", "2022-10-16 09:37:00"),
        ("2022-10-16-grafana", "2022-10-16 10:37:00"),
        ("2022-10-16-victoria-metrics", "2022-10-16 12:07:00"),
        ("2022-10-16-victoria-metrics-static-scraper", "2022-10-16 15:07:00"),
    ),
    "erlang-cluster-k8s": (
        ("2022-12-21-erlang-cluster-k8s-intro", "2022-12-21 19:40:00"),
        ("2022-12-21-erlang-cluster-k8s-initial-deployment", "2022-12-21 19:45:00"),
        ("2022-12-21-erlang-cluster-k8s-http-service", "2022-12-21 19:47:00"),
        ("2022-12-21-erlang-cluster-k8s-speeding-container-build", "2022-12-21 19:49:00"),
        ("2022-12-21-erlang-cluster-k8s-erlang-cookie", "2022-12-21 19:51:00"),
        ("2022-12-21-erlang-cluster-k8s-erlang-clustering", "2022-12-21 19:52:00"),
        ("2022-12-22-erlang-cluster-k8s-tls-distribution", "2022-12-22 09:52:00"),
        ("2022-12-22-erlang-cluster-k8s-init-container", "2022-12-22 09:56:00"),
        ("2022-12-22-erlang-cluster-k8s-certificate-requests-openssl", "2022-12-22 09:58:00"),
        ("2022-12-22-erlang-cluster-k8s-certificate-requests-cert-manager", "2022-12-22 10:01:00"),
        ("2022-12-22-erlang-cluster-k8s-use-certs", "2022-12-22 10:04:00"),
        ("2022-12-22-erlang-cluster-k8s-ssh", "2022-12-22 14:35:00"),
        ("2022-12-22-erlang-cluster-k8s-ssh-pubkey", "2022-12-22 15:25:00"),
        ("2022-12-22-erlang-cluster-k8s-inspect-sslsocket", "2022-12-22 16:45:00"),
        ("2022-12-22-erlang-cluster-k8s-readiness-probe", "2022-12-22 17:50:00"),
        ("2022-12-22-erlang-cluster-k8s-non-root-user", "2022-12-22 18:08:00"),
        ("2022-12-22-erlang-cluster-k8s-pid-zero", "2022-12-22 18:13:00"),
        ("2022-12-23-erlang-cluster-k8s-namespace-issuer", "2022-12-23 17:06:00"),
        ("2022-12-23-erlang-cluster-k8s-poll-certreq", "2022-12-23 17:19:00"),
        ("2022-12-23-erlang-cluster-k8s-certreq-cleanup", "2022-12-23 17:36:00"),
        ("2022-12-23-erlang-cluster-k8s-conclusion", "2022-12-23 18:09:00"),
    ),
    "erlang-eunit-examples": (
        ("2023-03-31-eunit-examples-intro", "2023-03-31 08:00:00"),
        ("2023-03-31-eunit-examples-simple", "2023-03-31 08:10:00"),
        ("2023-03-31-eunit-examples-list", "2023-03-31 08:15:00"),
        ("2023-03-31-eunit-examples-setup", "2023-03-31 08:20:00"),
        ("2023-03-31-eunit-examples-foreach", "2023-03-31 08:30:00"),
        ("2023-04-02-eunit-examples-nested-setup-foreach", "2023-04-02 08:14:00"),
        ("2023-04-02-eunit-examples-setup-result", "2023-04-02 08:20:00"),
        ("2023-04-02-eunit-examples-foreach-result", "2023-04-02 11:23:00"),
        ("2023-04-03-eunit-examples-cleanup-server", "2023-04-03 16:33:00"),
        ("2025-10-16-eunit-with", "2025-10-16 07:25:00"),
    ),
}
for _name, _members in SITE_ORDER.items():
    _keys = [(t, f"{n}.md") for n, t in _members]
    assert _keys == sorted(set(_keys)), f"{_name}: not in date-time-then-path order"

CRAFTING = (
    "`Parsing Binary Operators, part 1` … `part 3` are its 8th to 10th members: they number "
    "a sub-run, and the marker check reads them as contradicting the ranks"
)


def site_time(v: object) -> str | None:
    """A front-matter date as Jekyll's post time on GitHub Pages, in UTC (no ``timezone`` in
    ``_config.yml``; a date-time without offset is read in the build's zone, UTC), as
    ``YYYY-MM-DD HH:MM:SS``."""
    if isinstance(v, dt.datetime):
        t = v if v.tzinfo is None else v.astimezone(dt.UTC).replace(tzinfo=None)
    elif isinstance(v, dt.date):
        t = dt.datetime(v.year, v.month, v.day)
    elif isinstance(v, str):
        m = re.fullmatch(
            r"(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?",
            v.strip(),
        )
        if not m:
            return None
        t = dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
        if m[7] and m[7] != "Z":
            sign = 1 if m[7][0] == "+" else -1
            t -= sign * dt.timedelta(hours=int(m[7][1:3]), minutes=int(m[7][-2:]))
    else:
        return None
    return t.strftime("%Y-%m-%d %H:%M:%S")


def differentpla_meta(text: str, path: str) -> dict[str, object] | None:
    """The YAML front matter; a member of a ``SITE_ORDER`` series gets its rank in the site's
    order as ``datetime_part`` (the blog declares no number), after checking its entry."""
    fm = unseen.front_matter(text)
    if fm is None or fm.get("published") is False:
        return fm
    series = unseen.as_list(fm.get("series"))
    if len(series) == 1 and series[0] in SITE_ORDER:
        name = POST_FILE.match(path)[1]  # type: ignore[index]
        members = SITE_ORDER[series[0]]
        rank = next((k for k, (n, _) in enumerate(members, 1) if n == name), None)
        if rank is None:
            raise ValueError(f"{path}: a member of {series[0]!r} not in SITE_ORDER")
        if site_time(fm.get("date")) != members[rank - 1][1]:
            raise ValueError(f"{path}: date {fm.get('date')!r} is not SITE_ORDER's")
        fm = {**fm, "datetime_part": rank}
    return fm


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="differentpla",
        repo="differentpla-net/differentpla-net.github.io",
        # `master` on 2026-03-29 20:52:51 +0100 ("Update README.md"), the default branch
        commit="cfe185374287ed5c63ef386e2ded1d1d97401992",
        site="http://blog.differentpla.net/",
        generator="Jekyll 3.10 (GitHub Pages, github-pages gem; site layouts, series pages "
        "and series sidebar)",
        language="en (en-GB)",
        licence="no reuse of the posts (LICENSE.md: © Roger Lipscombe; posts may be quoted "
        "with attribution, not copied); code snippets WTFPL",
        include=r"^_posts/\d{4}/\d{4}-\d{2}-\d{2}-[^/]+\.md$",
        meta=differentpla_meta,
        part_keys=("datetime_part",),
        unordered={"crafting-interpreters-rust": CRAFTING},
        undeclared_parts=(
            # `part 2` and `part 3` (2013-02-26) and the unnumbered first they continue
            # (2013-02-24), no series declared
            "Migrating www.differentpla.net to a virtual machine",
            "Migrating www.differentpla.net to a virtual machine, part 2",
            "Migrating www.differentpla.net to a virtual machine, part 3",
            # `part 2` (2024-02-13, "A follow up to …") and the unnumbered first it follows
            # (2024-02-09), no series declared
            "Helpers for fold accumulators",
            "Helpers for fold accumulators, part 2",
        ),
        url=unseen.jekyll("http://blog.differentpla.net", "/blog/:year/:month/:day/:title/"),
        url_source="reconstructed: Jekyll permalink /blog/:year/:month/:day/:title/ "
        "(_config.yml; front-matter date, file name slug) under http://blog.differentpla.net",
    ),
]
