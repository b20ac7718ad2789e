"""Bundle entry point of the windowed executable (Windows: readinglist-gui.exe)."""

from readinglist.app import gui_main

raise SystemExit(gui_main())
