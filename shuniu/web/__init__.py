"""The browser side of the site and the build step that ships it.

``quiz/`` holds the quiz player's sources: plain ES modules and CSS, readable and commented,
tested by node (tests/js/). Browsers refuse ES modules on pages opened from disk (file://),
so the build turns them into one classic script (:mod:`shuniu.web.bundle`), strips comments
and indentation (:mod:`shuniu.web.jstokens`, :mod:`shuniu.web.cssmin`) and publishes the
result (:mod:`shuniu.web.assets`).
"""
