"""Document control and study planning: change history, review lists, editions and the
classification guard, study plans and the glossary.

Kept free of imports so :mod:`shuniu.model` can import :mod:`shuniu.control.model` without
cycles; :mod:`shuniu.features` lists the loaders, checkers, body transforms and generators.
"""
