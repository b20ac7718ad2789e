"""A title template on a topic names it; titles naming that topic join, up to a point.

"Kiln Glazes as Chemistry", "… as Recipes", "… as Art" is a template whose shared
words are a topic and a linking word; "Introducing Kiln Glazes" belongs with them.
When the topic is what the whole blog writes about, titles naming it are no series.
Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

from readinglist.feeds.series.detect import group
from readinglist.model.records import SeriesGuess


def _grouped(titles: list[str]) -> list[SeriesGuess]:
    return group(
        [
            (t, f"https://example.org/p/{n}/", (), f"2031-{1 + n // 28:02d}-{1 + n % 28:02d}")
            for n, t in enumerate(titles)
        ]
    )


def test_a_title_naming_a_template_topic_joins_it() -> None:
    out = _grouped(
        [
            "Introducing Kiln Glazes",
            "Kiln Glazes as Chemistry",
            "Kiln Glazes as Recipes",
            "Kiln Glazes as Art",
            "A walk by the river",
        ]
    )
    assert out[0].key is not None and {g.key for g in out[:4]} == {out[0].key}
    assert out[4].key is None


def test_a_topic_the_whole_blog_writes_about_pulls_in_nothing() -> None:
    template = ["Wheel Throwing and Clay", "Wheel Throwing and Water", "Wheel Throwing and Speed"]
    mentions = [
        f"{topic} in Wheel Throwing"
        for topic in ("Centering", "Posture", "Trimming", "Tools", "Bats", "Slip", "Cracks")
    ]
    out = _grouped(template + mentions)
    assert all(g.key is None for g in out[3:]), out[3:]
