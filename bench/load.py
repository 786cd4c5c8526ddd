"""A bounded load on a server on this machine: a fixed number of GET requests over a site's pages
and data files from a few dozen keep-alive connections at once, with latency figures.

Only loopback addresses are accepted: this is for measuring our own server on this machine.
Run: ``python -m bench.load http://127.0.0.1:8080 SITE_DIR [--requests N] [--connections C]``.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import itertools
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlparse


@dataclass
class LoadStats:
    completed: int = 0
    bytes: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, one per completed request
    errors: list[str] = field(default_factory=list)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    def summary(self) -> str:
        return (f"{self.completed} requests in {self.seconds:.2f} s ({self.completed / max(self.seconds, 1e-9):.0f}/s), "
                f"{len(self.errors)} errors, {self.bytes / 1e6:.1f} MB; latency median "
                f"{statistics.median(self.latencies) * 1000:.1f} ms, p95 {self.percentile(0.95) * 1000:.1f} ms, "
                f"p99 {self.percentile(0.99) * 1000:.1f} ms, max {max(self.latencies) * 1000:.1f} ms")


def site_paths(site: Path) -> list[str]:
    """Every file of a built site as a URL path: pages of every kind, data files and downloads."""
    return ["/" + quote(p.relative_to(site).as_posix()) for p in sorted(site.rglob("*")) if p.is_file()]


def run_load(base: str, paths: list[str], requests: int, connections: int, time_limit: float) -> LoadStats:
    """GET ``requests`` paths (cycling through ``paths``) from ``connections`` threads; stops at ``time_limit`` s."""
    address = urlparse(base)
    if not ipaddress.ip_address(address.hostname or "0.0.0.0").is_loopback:  # noqa: S104 - refused below
        raise ValueError("the load test only targets loopback addresses")
    stats, lock = LoadStats(), threading.Lock()
    todo = iter(itertools.islice(itertools.cycle(paths), requests))
    deadline = time.monotonic() + time_limit

    def worker() -> None:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
        while time.monotonic() < deadline:
            with lock:
                path = next(todo, None)
            if path is None:
                break
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
                with lock:
                    stats.errors.append(f"{path}: {error}")
                continue
            with lock:
                if response.status != 200:
                    stats.errors.append(f"{path}: HTTP {response.status}")
                else:
                    stats.completed += 1
                    stats.bytes += len(body)
                    stats.latencies.append(time.perf_counter() - started)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stats.seconds = time.perf_counter() - started
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base")
    parser.add_argument("site", type=Path)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--time-limit", type=float, default=60.0)
    arguments = parser.parse_args()
    stats = run_load(arguments.base, site_paths(arguments.site), arguments.requests, arguments.connections,
                     arguments.time_limit)
    print(stats.summary())


if __name__ == "__main__":
    main()
