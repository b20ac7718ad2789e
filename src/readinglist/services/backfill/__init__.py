"""Finding a series' missing parts on its own site."""
