"""Bundle entry point: the `readinglist` command (CLI with a subcommand, else the window)."""

from readinglist.app import main

raise SystemExit(main())
