"""Question banks: the typed model, loading and checks, published data and pages, result reports.

Kept free of imports so :mod:`shuniu.model` can import :mod:`shuniu.quiz.model` without cycles;
:mod:`shuniu.features` lists their loaders, checkers, body transforms and generators.
"""
