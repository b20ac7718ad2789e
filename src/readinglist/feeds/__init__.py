"""The pure feed pipeline: bytes in, frozen dataclasses out. No database, no Qt."""
