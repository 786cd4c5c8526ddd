"""`python -m shuniu_preview [-f mkdocs.yml] [--dev-addr 127.0.0.1:8000]`: what `make serve` runs."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from shuniu_preview.server import serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m shuniu_preview", description=__doc__)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    args = parser.parse_args(argv)
    host, _, port = args.dev_addr.rpartition(":")
    handler = logging.StreamHandler()
    handler.setLevel(logging.INFO)  # jieba logs at DEBUG on its own logger
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    serve(args.config_file.resolve(), host or "127.0.0.1", int(port))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
