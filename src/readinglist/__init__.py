"""readinglist: a desktop reading-list manager that puts blog series in part order."""

__version__ = "0.1.0"
APP_NAME = "readinglist"
