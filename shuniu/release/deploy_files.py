"""Web server configuration shipped in a release, with the site's Content-Security-Policy header.

Every page carries its own policy in a ``<meta http-equiv="Content-Security-Policy">`` tag (it works
from disk too, and it lists the page's own inline scripts by hash: :mod:`shuniu.web.csp`). A server
adds :data:`shuniu.web.csp.HEADER_POLICY` as a header: browsers enforce both, so the header only
adds what a meta tag cannot say (``frame-ancestors``) and restricts nothing the pages allow.
"""

from __future__ import annotations

from pathlib import Path

from shuniu.web.csp import HEADER_POLICY

DEPLOY = "deploy"
# Templates in the project's deploy/ folder -> the file written into the package.
TEMPLATES = {
    "nginx/shuniu.conf": "deploy/nginx/shuniu.conf",
    "nginx/shuniu-headers.conf.in": "deploy/nginx/shuniu-headers.conf",
    "apache/shuniu.conf.in": "deploy/apache/shuniu.conf",
    "iis/web.config.in": "deploy/iis/web.config",
}


def header_policy() -> str:
    """The Content-Security-Policy header a server sends with every response of the site."""
    if '"' in HEADER_POLICY or "\n" in HEADER_POLICY:  # it is written between double quotes in every config
        raise ValueError(f"unexpected character in the header policy: {HEADER_POLICY!r}")
    return HEADER_POLICY


def deploy_files(root: Path) -> list[tuple[str, bytes]]:
    """(name in the package, contents) of each web server configuration file, the policy filled in."""
    policy = header_policy()
    return [(name, (root / DEPLOY / template).read_text(encoding="utf-8").replace("@CSP@", policy).encode("utf-8"))
            for template, name in TEMPLATES.items()]
