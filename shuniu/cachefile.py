"""Writing the build's cache files (``.cache/shuniu/``): whole or not at all."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def write_json_whole(file: Path, data: Any) -> bool:
    """Write ``data`` as JSON so that a build running at the same time reads a whole file; False
    when it cannot be written (a read-only checkout does the work each time; nothing is lost)."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        partial.replace(file)
    except OSError:
        return False
    return True
