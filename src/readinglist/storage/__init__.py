"""The library on disk. The only package that imports peewee.

Callers get ``Store`` (typed verbs, ``readinglist.storage.store``) and frozen records from
``readinglist.model``; peewee rows never leave this package.

This file imports nothing on purpose: ``feed_list`` and ``layout`` are read by the
window's first paint, and importing them must not load peewee (see
``docs/architecture.md``, *Fast start*). Import the module you need by its full name.
"""
