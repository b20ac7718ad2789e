"""Bundle entry point: the `readinglist` command (CLI with a subcommand, else the window).

``--parse-worker`` as the only argument runs a sync's parse worker instead: in a bundle
``sys.executable`` is this program, so that is how ``services.parse_pool`` starts one.
"""

import sys

if sys.argv[1:] == ["--parse-worker"]:
    from readinglist.services.parse_worker import main as parse_worker

    parse_worker()
    raise SystemExit(0)

from readinglist.app import main

raise SystemExit(main())
