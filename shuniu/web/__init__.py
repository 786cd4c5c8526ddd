"""The browser side of the site and the build step that ships it.

``quiz/`` holds the quiz player's sources: plain ES modules and CSS, readable and commented,
tested by node (tests/js/). Browsers refuse ES modules on pages opened from disk (file://),
so the build joins them into one classic script (:mod:`shuniu.web.join`), minifies it with
rjsmin (style sheets with rcssmin) and publishes the result (:mod:`shuniu.web.assets`).
"""
