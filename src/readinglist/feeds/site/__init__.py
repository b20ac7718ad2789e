"""Reading a blog's own pages: sitemaps, links between posts, an article's text."""
