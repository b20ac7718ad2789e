"""The verbs: what the window and the command line can do, over ``storage/`` and ``feeds/``."""
