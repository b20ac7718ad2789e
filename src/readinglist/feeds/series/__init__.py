"""Series detection: pure, from titles, URLs and categories to series and parts."""
