"""The blogs of this corpus' first seven rounds (2026-11 to 2026-12-06): each pinned to
the commit read, with its URL rule, its series-declaration reading and the decisions
SOURCES.md explains (recurring and unordered series, left-out posts).

``build.py`` loads this module first, as it loads the later rounds' modules
(``LATER_ROUNDS``), and sets ``unseen`` to itself before running it, so the blogs are
read by the same reader, URL rules and label rules. Only the helpers these blogs alone
need live here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from types import ModuleType

import yaml

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post
as_list, enc, front_matter = unseen.as_list, unseen.enc, unseen.front_matter
hugo_page, hugo_path, jekyll = unseen.hugo_page, unseen.hugo_path, unseen.jekyll
pelican, pelican_meta, fm_categories = unseen.pelican, unseen.pelican_meta, unseen.fm_categories


def extra_series(fm: dict[str, object]) -> list[str]:
    extra = fm.get("extra") if isinstance(fm.get("extra"), dict) else {}
    return as_list(extra.get("series"))  # type: ignore[union-attr]


def ovilia_categories(p: Post) -> list[str]:
    cats = ["notes"] if p.path.startswith("notes/") else []
    return cats + as_list(p.fm.get("categories")) + as_list(p.fm.get("category"))


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
