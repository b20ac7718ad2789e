"""Names written without spaces (Chinese, Japanese, Korean): one series, two spellings.

Every title here is invented; none is copied from a corpus.
"""

from __future__ import annotations

from readinglist.feeds.series.detect import group

SITE = "https://example.org/posts"


def _group(titles: list[str]) -> list[tuple[str | None, int | None]]:
    rows = [
        (t, f"{SITE}/p{i}/", (), f"2031-0{1 + i // 28}-{1 + i % 28:02d}")
        for i, t in enumerate(titles)
    ]
    return [(g.key, g.part) for g in group(rows)]


def test_a_shorter_name_that_takes_up_the_numbering_is_the_same_series() -> None:
    out = _group(
        [
            "园艺调优面试题（一）——土壤",
            "园艺调优面试题（二）——浇水",
            "园艺调优面试题（三）——修剪",
            "园艺调优（四）——温室实战",
            "今天的晚饭",
        ]
    )
    assert len({k for k, _ in out[:4]}) == 1 and out[0][0] is not None
    assert [p for _, p in out[:4]] == [1, 2, 3, 4]
    assert out[4] == (None, None)


def test_a_shorter_name_counting_from_one_again_is_another_series() -> None:
    out = _group(
        [
            "园艺调优（一）——土壤",
            "园艺调优（二）——浇水",
            "园艺调优实战（一）——温室",
            "园艺调优实战（二）——阳台",
        ]
    )
    assert out[0][0] == out[1][0] and out[2][0] == out[3][0]
    assert out[0][0] != out[2][0]


def test_a_shorter_name_whose_numbers_do_not_follow_on_is_another_series() -> None:
    """Parts 5 and 6 after parts 1 and 2: no overlap, but no taking up either."""
    out = _group(
        [
            "园艺调优实战（一）——温室",
            "园艺调优实战（二）——阳台",
            "园艺调优（五）——土壤",
            "园艺调优（六）——浇水",
        ]
    )
    assert out[0][0] == out[1][0] and out[2][0] == out[3][0]
    assert out[0][0] != out[2][0]
