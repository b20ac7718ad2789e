"""A series named in the URL before the title, and left out of the title."""

from __future__ import annotations

from readinglist.feeds.series.detect import group

SITE = "https://example.org/"


def test_a_course_named_in_every_slug_before_the_title() -> None:
    parts = [
        (
            "Instalación y configuración",
            "gizmo-desde-cero-instalacion-y-configuracion",
            "2013-08-01",
        ),
        ("Submódulos.", "gizmo-desde-cero-submodulos", "2013-08-22"),
        ("Reset y Cherry-pick.", "gizmo-desde-cero-reset-y-cherry-pick", "2013-09-12"),
        ("Filtros Parte I", "gizmo-desde-cero-filtros-parte-i", "2013-10-01"),
        ("Filtros Parte II", "gizmo-desde-cero-filtros-parte-ii", "2013-10-08"),
    ]
    others = [
        (
            "Ghost in the Shellcode 2014: Lugkist",
            "ghost-in-the-shellcode-2014-lugkist",
            "2014-01-19",
        ),
        (
            "Ghost in the Shellcode 2014: Pillowtalk",
            "ghost-in-the-shellcode-2014-pillowtalk",
            "2014-01-29",
        ),
        ("Cómo instalar Tmux", "como-instalar-y-usar-tmux", "2013-07-30"),
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in parts + others])
    course = out[: len(parts)]
    # one series named from the URL, the inner "Filtros Parte I/II" inside it, by date
    assert {g.key for g in course} == {"gizmo desde cero"}
    assert [g.part for g in course] == [1, 2, 3, 4, 5]
    assert "URL slugs put 'Gizmo Desde Cero' before the title" in course[0].why
    # a slug that is just the title says nothing more than the title does
    assert all(g.key != "gizmo desde cero" for g in out[len(parts) :])
    assert out[-1].key is None


def test_a_slug_that_translates_the_title_names_nothing() -> None:
    rows = [
        ("(C++) 현재 연결된 IP 목록 뽑아보기 (arp)", "cpp-get-connected-ip-list-arp", "2021-01-01"),
        ("(C++) 현재 연결된 와이파이의 SSID 검출", "cpp-get-connected-wifi-ssid", "2021-01-05"),
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in rows])
    assert all("URL slugs put" not in g.why for g in out)


def test_a_question_put_before_the_title_in_the_slug_names_nothing() -> None:
    """ "What is X?" asked in another language, slugged in English: "what-is-x"."""
    rows = [
        ("Glaze crawling 이 뭐에요?", "what-is-glaze-crawling", "2031-01-01"),
        ("Bisque firing 이란 무엇일까요?", "what-is-bisque-firing", "2031-02-01"),
        ("도예에서의 wedging", "what-is-wedging", "2031-03-01"),
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in rows])
    assert all(g.key is None for g in out), out


def test_a_number_in_the_url_name_is_no_part() -> None:
    # "gizmo-4-desde-cero-x" is not part 4 of "gizmo": the prefix names the course
    topics = ["Rutas", "Helpers", "Redis", "Colas de Tareas"]
    rows = [
        (t, f"gizmo-4-desde-cero-{t.lower().replace(' ', '-')}", f"2014-01-0{i + 1}")
        for i, t in enumerate(topics)
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in rows])
    assert {g.key for g in out} == {"gizmo 4 desde cero"}
    assert [g.part for g in out] == [1, 2, 3, 4]


def test_spanish_question_openings_are_phrasing() -> None:
    titles = [
        "Cómo Instalar y Configurar Vagrant",
        "Cómo instalar y usar Tmux",
        "Cómo Instalar y Usar Nmap",
    ]
    out = group([(t, f"{SITE}p{i}/", (), f"2014-02-0{i + 1}") for i, t in enumerate(titles)])
    assert all(g.key is None for g in out), out


def test_two_slugs_years_apart_share_a_phrase_not_a_series() -> None:
    rows = [
        (
            "Hosting a static site for free",
            "ship-kiln-hosting-a-static-site-for-free",
            "2018-10-18",
        ),
        (
            "Automating deploys in two steps",
            "ship-kiln-automating-deploys-in-two-steps",
            "2022-12-20",
        ),
        ("Something else", "something-else", "2020-01-01"),
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in rows])
    assert all(g.key is None for g in out), out
    # the same two slugs a week apart are a series the URL names
    rows[1] = (rows[1][0], rows[1][1], "2018-10-25")
    close = group([(t, SITE + slug + "/", (), d) for t, slug, d in rows])
    assert close[0].key == close[1].key == "ship kiln"


def test_a_date_before_the_name_in_a_slug_is_no_part_of_it() -> None:
    """An import's slugs put the day and the old host first ("20041122-blogspot-x"):
    "20041122 blogspot" names no series, and one host word alone is no name. A name
    after the date still names one, whatever the date ("20130801-gizmo-desde-cero-x")."""
    imported = [
        ("BookCrossing", "20041122-blogspot-bookcrossing", "2004-11-22"),
        ("The Chronicles of Narnia", "20041122-blogspot-chronicles-of-narnia", "2004-11-22"),
        ("A special day today", "20041124-blogspot-special-day-today", "2004-11-24"),
        ("Alabaster Box", "20041124-blogspot-alabaster-box", "2004-11-24"),
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in imported])
    assert all(g.key is None for g in out)
    course = [
        ("Instalación", "20130801-gizmo-desde-cero-instalacion", "2013-08-01"),
        ("Submódulos", "20130822-gizmo-desde-cero-submodulos", "2013-08-22"),
        ("Reset y Cherry-pick", "20130912-gizmo-desde-cero-reset-y-cherry-pick", "2013-09-12"),
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in course])
    assert {g.key for g in out} == {"gizmo desde cero"}


def test_a_title_sharing_a_word_with_the_name_still_follows_it_in_the_slug() -> None:
    """ "Pedidos y Respuestas" at "/kiln-y-glaze-pedidos-y-respuestas/": the title's own
    "y" is a word of the name too, and the whole title ends the slug, so the slug names
    the series itself (not only as a prefix other posts' slugs share)."""
    rows = [
        ("Instalación", "kiln-y-glaze-instalacion", "2013-08-19"),
        ("Vistas", "kiln-y-glaze-vistas", "2013-09-02"),
        ("Pedidos y Respuestas", "kiln-y-glaze-pedidos-y-respuestas", "2013-10-21"),
        ("Cookies y Sesiones", "kiln-y-glaze-cookies-y-sesiones", "2013-11-18"),
        ("Un día en el mercado", "un-dia-en-el-mercado", "2013-11-20"),
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in rows])
    assert out[0].key is not None and {g.key for g in out[:4]} == {out[0].key}
    assert [g.part for g in out[:4]] == [1, 2, 3, 4] and out[4].key is None
    assert "4 URL slugs put 'Kiln Y Glaze' before the title" in out[2].why


def test_a_dot_js_name_spelled_three_ways_in_slugs_is_one_series() -> None:
    """Slugs spell "Gizmo.js" as "gizmojs", "gizmo-js" or just "gizmo"; the site's one
    course keeps its parts together, named by the spelling most slugs use."""
    rows = [
        ("Instalación", "gizmojs-y-express-instalacion", "2013-08-19"),
        ("Rutas", "gizmojs-y-express-rutas", "2013-08-26"),
        ("Vistas", "gizmo-y-express-vistas", "2013-09-09"),
        ("Plantillas", "gizmo-js-y-express-plantillas", "2013-09-16"),
        ("Middleware", "gizmo-y-express-middleware", "2013-10-14"),
        ("Módulos", "gizmojs-y-express-modulos", "2013-12-02"),
    ]
    out = group([(t, SITE + slug + "/", (), d) for t, slug, d in rows])
    assert out[0].key is not None and {g.key for g in out} == {out[0].key}
    assert [g.part for g in out] == [1, 2, 3, 4, 5, 6]
    assert {g.name for g in out} == {"Gizmojs Y Express"}
