"""Round 28 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

franiglesias (Spanish with some English posts, Jekyll on GitHub Pages, built from the Jekyll
Now template with the site's own layouts and series box: Fran Iglesias' "The Talking Bit", a
developer's learning journal on TDD, refactoring, software design, design patterns,
hexagonal architecture, PHP, Go and Python, 2016-2026). Its posts declare their series in the
YAML front matter, ``series: calisthenics``, a key of ``_data/series.yml`` (six keys, each
with a title and a description). The post layout shows the series' title above the post's
title and includes ``_includes/series_list.html``, which lists the posts of the series
``site.posts | where: "series", … | sort: "date"`` and numbers them ``forloop.index``
("Serie: …", "(N partes)"); the ``/series/`` page lists them in the same order. No number is
declared, so parts are date ranks (dates from the file names; no post sets ``date``).

Many other titles number their parts without declaring a series (``Dungeon 1.`` …
``Dungeon 15.``, ``Refactor cotidiano (1)`` … ``(8)``, ``Outside-in y Behavior Driven
Development 1`` … ``7``); they are left out (``undeclared_parts``), with the unnumbered
first posts of such runs, as earlier rounds did, and so are three posts whose ``subtitle``
numbers them ``Trabajar con legacy y entender el dominio (1)`` … ``(3)`` (``drop``).

``build.py`` loads this module after ``round27.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
28") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="franiglesias",
        repo="franiglesias/franiglesias.github.io",
        commit="fda6f0b7e61b0952c0f4f339b57bb6a5a904085c",
        site="https://franiglesias.github.io/",
        generator="Jekyll (GitHub Pages, Jekyll Now template, site series box)",
        language="es (es-ES; some posts and most link notes in English)",
        licence="no licence stated for the posts (LICENSE is the Jekyll Now template's MIT, "
        "Barry Clark)",
        all_paths=True,
        # `_posts/YYYY-MM-DD-<slug>.md` (file names with spaces, a colon, a curly apostrophe);
        # the two `_posts/parts/*.md` (no date in the name, no front matter) are not posts;
        # the two `layout: redirect` stubs (`clean_validation`, `builder_pattern`: a
        # permalink and `redir_to`, no title) are skipped by the reader as untitled
        include=r"^_posts/\d{4}-\d{2}-\d{2}-[^/]+\.md$",
        drop={
            # `Poner el código bajo test`, `Extracción de conceptos`, `Dar estructura a la
            # aplicación` (2020-09): no `series`, but a `subtitle`, shown above the title (the
            # heading the blog used for its series before the 2025-06 series data), numbers
            # them `Trabajar con legacy y entender el dominio (1)` … `(3)`
            **dict.fromkeys(
                (
                    "_posts/2020-09-19-legacy_under_control.md",
                    "_posts/2020-09-22-legacy_under_control-2.md",
                    "_posts/2020-09-27-legacy_under_control-3.md",
                ),
                "subtitle numbers it as a part (`Trabajar con legacy y entender el dominio "
                "(N)`), no series declared",
            ),
        },
        unordered={
            # `The Golden Master technique, with approval mode` and `Testing existing code
            # with snapshot testing` are both dated 2025-06-14 (file names, no time); the box
            # sorts `site.posts` (newest first, ties by path descending) again with Liquid's
            # `sort: "date"`, so the order of the two is not given by the declaration
            "golden-cookbook": "two of its three members share the date 2025-06-14 (no time); "
            "the series box re-sorts them by date only, so their order is not the file order",
        },
        undeclared_parts=(
            # titles numbered as parts, no series declared (the unnumbered first post of a
            # run is listed with it, as round 7's `jwt refreshtoken 추가` + `… 추가 2`)
            "Historia de una reescritura (1)",
            "Historia de una reescritura (2) el problema con MVC",
            "Historia de una reescritura (3) empezar con la vista",
            "Historia de una reescritura (4) el código tóxico",
            "Historia de una reescritura (5) tests",
            "Historia de una reescritura (6) autoload sin namespaces",
            "Sirviendo API rest (1)",
            "Sirviendo API rest (2)",
            "Katando PHPSpec 1",
            "Katando PHPSpec 2",
            "Katando PHPSpec 3",
            "Katando PHPSpec 4",
            "TDD en PHP. Un ejemplo con colecciones (1)",
            "TDD en PHP. Un ejemplo con colecciones (2)",
            "TDD en PHP. Un ejemplo con colecciones (3)",
            "TDD en PHP. Un ejemplo con colecciones (4)",
            "TDD en PHP. Un ejemplo con colecciones (5)",
            "Ejercicio de refactor (1) Los tests de caracterización",
            "Ejercicio de refactor (2) Extraer hasta la última gota",
            "Ejercicio de refactoring (3) Intervenir y seguir o no refactorizando",
            "Ejercicio de refactoring (4) Finalizando",
            "Código mentiroso",
            "Código mentiroso (2) más ejemplos",
            "Test doubles (1)",
            "Test doubles (2) Principios de diseño",
            "Introducción a Behavior Driven Development en PHP (1)",
            "Introducción a Behavior Driven Development en PHP (2)",
            "Introducción a Behavior Driven Development en PHP (3)",
            "Introducción a Behavior Driven Development en PHP (4)",
            "La ética de las buenas prácticas (1)",
            "Refactor cotidiano",
            "Refactor cotidiano (1). Fuera comentarios",
            "Refactor cotidiano (2). Mejora los nombres",
            "Refactor cotidiano (3). Acondiciona las condicionales",
            "Refactor cotidiano (4). Sustituye escalares por objetos",
            "Refactor cotidiano (5). Refactoriza a Enumerables",
            "Refactor cotidiano (6). Aplica Tell, Don't Ask y la Ley de Demeter",
            "Refactor cotidiano (7). Refactoriza de single return a return early",
            "Refactor cotidiano (8). Dónde poner el conocimiento",
            "Testeando lo desconocido (1)",
            "Guía para testear con dobles (1)",
            "Guía para testear con dobles (2)",
            "Guía para testear con dobles (3)",
            "De directory driven a DDD paso a paso",
            "De ddd a DDD paso a paso 2. Del repositorio al dominio.",
            "Escribir código a prueba de futuro",
            "Escribir código a prueba de futuro 2",
            *(f"Outside-in y Behavior Driven Development {n}" for n in range(1, 8)),
            "Aprendiendo Go con TDD 1",
            "Aprendiendo Go con TDD 2",
            "Dungeon 1. Empezando por algún sitio",
            "Dungeon 2. The Walking Skeleton",
            "Dungeon 3. Compaginar diseño y delivery",
            "Dungeon 4. Una historia de usuario",
            "Dungeon 5. Laberintos y deuda técnica",
            "Dungeon 6. Builders al rescate",
            "Dungeon 7. Code Review",
            "Dungeon 8. Energía y feature flags",
            "Dungeon 9. El camino equivocado",
            "Dungeon 10. Eventos para controlarlos a todos",
            "Dungeon 11. Power-ups y un poco de orden",
            "Dungeon 12. Otra revisión de código",
            "Dungeon 13. Salir con un tesoro. Parte 1",
            "Dungeon 14. Salir con un tesoro. Parte 2",
            "Dungeon 15. Problemas con null y modelando una mano",
            "Una aplicación hexagonal construida con BDD (1)",
            "Refactoring para quienes no refactorizan",
            "Refactor para quienes no refactorizan 2",
            "Refactoring para quienes no refactorizan 3",
            "La guía definitiva de los dobles de test",
            "La guía definitiva de los dobles de test 2",
        ),
        # parts: date ranks (the series box numbers `site.posts` sorted by date); no series
        # is a column
        # _config.yml: url https://franiglesias.github.io, baseurl "", permalink /:title/
        # (:title is the file name's slug, case kept, Jekyll's `pretty` slugify); the CNAME
        # file is empty and no post sets `slug` or `permalink`
        url=unseen.jekyll("https://franiglesias.github.io", "/:title/"),
        url_source="reconstructed: Jekyll permalink /:title/ (_config.yml; :title from the "
        "file name, pretty slugify, case kept) under _config.yml url "
        "https://franiglesias.github.io",
    ),
]
