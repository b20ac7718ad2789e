"""``python -m readinglist`` behaves exactly like the ``readinglist`` command."""

from readinglist.app import main

raise SystemExit(main())
