"""Where Shuniu's search depends on Material's internals, checked against the installed Material,
so an upgrade that changes them fails here instead of search quietly breaking.

Shuniu's worker (docs/assets/javascripts/workers/shuniu-search.js) replaces Material's: it must be
started where Material starts its own (the worker file name docs/assets/shuniu/search.js looks
for), understand the messages Material sends (their type numbers and the SETUP data, whose
``config`` carries Shuniu's word data) and answer in the shape Material's search box renders.
Material ships its TypeScript sources in source maps: the checks read those.
"""

import json
import re
from pathlib import Path

import material
import pytest

from tests.conftest import PROJECT

ASSETS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
WORKER = PROJECT / "docs/assets/javascripts/workers/shuniu-search.js"
STARTER = PROJECT / "docs/assets/shuniu/search.js"


def material_sources(bundle_glob: str) -> dict[str, str]:
    maps = sorted(ASSETS.glob(bundle_glob))
    assert maps, f"Material {material.__version__} ships no {bundle_glob}: the search checks cannot run"
    data = json.loads(maps[0].read_text(encoding="utf-8"))
    return {name: text for name, text in zip(data["sources"], data["sourcesContent"], strict=True) if "node_modules" not in name}


def source(sources: dict[str, str], path: str) -> str:
    found = [text for name, text in sources.items() if name.endswith(path)]
    assert found, f"Material {material.__version__} no longer has {path}: re-check Shuniu's search worker against it"
    return found[0]


@pytest.fixture(scope="module")
def main_sources() -> dict[str, str]:
    return material_sources("bundle.*.min.js.map")


def test_the_starter_recognises_materials_worker_file():
    workers = [p.name for p in (ASSETS / "workers").glob("*.js")]
    pattern = re.search(r"MATERIAL_WORKER = /(.+)/;", STARTER.read_text(encoding="utf-8"))[1].replace("\\/", "/")
    assert [name for name in workers if re.search(pattern, "/workers/" + name)] == [n for n in workers if n.startswith("search.")]
    assert any(n.startswith("search.") for n in workers), workers


def test_message_types_are_materials(main_sources):
    enum = re.search(r"enum SearchMessageType \{(.*?)\}", source(main_sources, "search/worker/message/index.ts"), re.S)[1]
    names = re.findall(r"^\s*([A-Z]+),?", enum, re.M)
    ours = json.loads(re.sub(r"(\w+):", r'"\1":', re.search(r"var MESSAGE = (\{.*?\});", WORKER.read_text(encoding="utf-8"))[1]))
    assert {name: number for number, name in enumerate(names)} == ours


def test_material_starts_its_worker_from_config_search_and_sends_the_whole_config(main_sources):
    mount = source(main_sources, "components/search/_/index.ts")
    assert "setupSearchWorker(config.search, index$)" in mount
    setup = source(main_sources, "search/worker/_/index.ts")
    sends = r"\(\{ config, docs \}\) => worker\$\.next\(\{\s*type: SearchMessageType\.SETUP,\s*data: \{\s*config,\s*docs,"
    assert re.search(sends, setup)


def test_the_search_box_reads_the_fields_shuniu_returns(main_sources):
    render = source(main_sources, "templates/search/index.tsx")
    for used in ("result[0].score", "doc.location", "document.terms", "document.title", "document.text", "document.score"):
        assert used in render, f"Material's result rendering no longer uses {used}"
    results = source(main_sources, "components/search/result/index.ts")
    assert "isSearchResultMessage" in results and "({ items })" in results
