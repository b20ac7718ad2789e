"""feeds.series: a post that says it follows up another one (#12, third round).

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from readinglist.feeds.series.detect import detect, group


@pytest.mark.parametrize(
    "second",
    [
        "Sourdough Without Scales, a Follow-up",
        "Sourdough Without Scales: follow-up",
        "Sourdough Without Scales (a followup)",
        "Sourdough Without Scales - A Follow Up",
    ],
)
def test_a_follow_up_is_the_second_part_of_the_post_it_names(second: str) -> None:
    out = group(
        [
            ("Sourdough Without Scales", None, (), "2021-04-01"),
            ("Repotting a Fern", None, (), "2021-04-03"),
            (second, None, (), "2021-04-09"),
        ]
    )
    assert out[0].key == out[2].key is not None
    assert (out[0].part, out[2].part) == (1, 2)
    assert out[1].standalone
    assert "'Sourdough Without Scales, a follow-up'" in out[0].why


def test_a_lone_follow_up_makes_no_series() -> None:
    assert detect("Why Every Email Deserves a Follow-up").strength == "weak"
    out = group(
        [
            ("Why Every Email Deserves a Follow-up", None, ()),
            ("Repotting a Fern", None, ()),
        ]
    )
    assert all(g.standalone for g in out)


def test_continued_keeps_its_own_why() -> None:
    out = group([("Tiling a Floor", None, ()), ("Tiling a Floor, continued", None, ())])
    assert out[0].key == out[1].key is not None
    assert "'Tiling a Floor continued'" in out[0].why
