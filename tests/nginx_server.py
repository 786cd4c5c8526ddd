"""Debian's nginx on loopback with the project's own configuration (deploy/nginx/), for tests.

The configuration is used as shipped; only the two lines its comments mark CHANGE (the address
and the site folder) are replaced, and the headers file is written as `make package` writes it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROJECT

from shuniu.release.deploy_files import deploy_files

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def require_nginx() -> str:
    """The nginx executable; skipped with a reason where it is missing (a failure in CI)."""
    if not Path(NGINX).exists():
        if os.environ.get("SHUNIU_REQUIRE_BROWSER"):
            pytest.fail("nginx is required here but missing (apt-get install nginx-light)")
        pytest.skip("the nginx tests need Debian's nginx (apt-get install nginx-light)")
    return NGINX


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_config(folder: Path, site: Path, port: int) -> Path:
    """nginx.conf in ``folder`` that includes the shipped site configuration for ``site``."""
    files = dict(deploy_files(PROJECT))
    server = files["deploy/nginx/shuniu.conf"].decode("utf-8")
    server = re.sub(r"^(\s*)listen .*# CHANGE.*$", rf"\1listen 127.0.0.1:{port};", server, count=1, flags=re.M)
    server = re.sub(r"^(\s*)root .*# CHANGE.*$", rf"\1root {site};", server, count=1, flags=re.M)
    (folder / "shuniu.conf").write_text(server, encoding="utf-8")
    (folder / "shuniu-headers.conf").write_bytes(files["deploy/nginx/shuniu-headers.conf"])
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "tmp" / name).mkdir(parents=True, exist_ok=True)
    user = "user root;\n" if os.geteuid() == 0 else ""  # test folders are private to the user running the tests
    main = f"""{user}worker_processes 2;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {folder}/tmp/client_body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
    include shuniu.conf;
}}
"""
    config = folder / "nginx.conf"
    config.write_text(main, encoding="utf-8")
    return config


@contextlib.contextmanager
def running_nginx(folder: Path, site: Path) -> Iterator[str]:
    """nginx serving ``site`` on a free loopback port; yields the base URL."""
    nginx = require_nginx()
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = write_config(folder, site, port)
    test = subprocess.run([nginx, "-t", "-p", str(folder), "-c", str(config)], capture_output=True, text=True, check=False)
    assert test.returncode == 0, test.stderr
    process = subprocess.Popen([nginx, "-p", str(folder), "-c", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stderr:
            process.stderr.close()


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx stopped: {process.stderr.read().decode() if process.stderr else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise AssertionError("nginx did not start listening within 20 s")
