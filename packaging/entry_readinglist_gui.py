"""Bundle entry point of the windowed executable (Windows: readinglist-gui.exe).

``--parse-worker`` runs a sync's parse worker instead (see ``entry_readinglist.py``):
the window's syncs start their workers from this executable.
"""

import sys

if sys.argv[1:] == ["--parse-worker"]:
    from readinglist.services.parse_worker import main as parse_worker

    parse_worker()
    raise SystemExit(0)

from readinglist.app import gui_main

raise SystemExit(gui_main())
