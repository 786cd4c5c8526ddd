"""Question banks in and out: the Excel template and import, and exports to GIFT, Aiken,
Moodle XML, Anki, Word, CSV and Excel (issue #5).

Each format is one module with an ``export(content, banks, ...)`` function returning an
:class:`shuniu.export.common.Export`; :mod:`shuniu.export.formats` lists them, the CLI
(:mod:`shuniu.export.commands`) and the site downloads (:mod:`shuniu.export.downloads`) use that list.
"""
