"""Question banks: the typed model, loading and checks, published data and pages, result reports.

Kept free of imports so :mod:`shuniu.model` can import :mod:`shuniu.quiz.model` without cycles;
:mod:`shuniu.features` imports the modules that register loaders, checkers and generators.
"""
