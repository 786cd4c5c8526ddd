"""`make serve`: a preview that re-renders only what a save touches and shows content problems in the page.

MkDocs glue lives here (and in hooks/), never in the domain package `shuniu`.
"""
