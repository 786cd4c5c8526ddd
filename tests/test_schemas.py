"""The JSON Schemas editors use: generated from the loaders, committed, and true to the content.

Each real content file must validate (so an editor never underlines a correct file), the
committed files must equal a fresh generation (so they never drift from the check), and a
mistake `shuniu check` reports must also fail the schema (so the editor warns while typing).
"""

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from shuniu import schemas as schema_module
from shuniu.check import check_root
from shuniu.cli import main
from shuniu.pages import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "schemas"


def as_json(value):
    """YAML values as an editor's JSON view sees them: dates are strings."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def validator(name):
    schema = json.loads((COMMITTED / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def errors(name, data):
    return sorted(error.message for error in validator(name).iter_errors(as_json(data)))


def test_committed_schemas_equal_a_fresh_generation(tmp_path):
    result = CliRunner().invoke(main, ["schemas", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in COMMITTED.glob("*.schema.json")}
    assert fresh == committed, "run `shuniu schemas` and commit schemas/"


def test_every_schema_is_a_valid_draft_2020_12_schema():
    for path in COMMITTED.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("name", "pattern"), [
    ("bank", "quizzes/*.yml"), ("bank-en", "quizzes/*.en.yml"), ("plan", "docs/study/plans/*.yml"),
    ("glossary", "docs/glossary.yml"),
    ("terms-en", "docs/terms.en.yml"), ("synonyms", "docs/search/synonyms.yml"),
])
def test_every_real_file_validates(name, pattern):
    files = sorted(f for f in ROOT.glob(pattern) if name != "bank" or not f.name.endswith(".en.yml"))  # bank-en's
    assert files
    for file in files:
        assert errors(name, yaml.safe_load(file.read_text(encoding="utf-8"))) == [], file


def test_every_page_front_matter_validates():
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) > 100
    for page in pages:
        front, _, _ = split_front_matter(page.read_text(encoding="utf-8"))
        if front is not None:
            assert errors("front-matter", yaml.safe_load(front)) == [], page


def test_a_field_added_to_a_loader_without_a_shape_stops_the_generation(monkeypatch):
    monkeypatch.setattr(schema_module, "BANK_FIELDS", schema_module.BANK_FIELDS | {"deadline"})
    with pytest.raises(KeyError, match="bank: no schema shape for field.s. deadline"):
        schema_module.schemas()


BANK = """id: demo
title: 演示题库
pass_mark: {pass_mark}
questions:
  - id: demo-001
    type: {kind}
    stem: 公文的密级分为几级？
    options: {{A: 两级, B: 三级}}
    answer: B
    explanation: 绝密、机密、秘密三级。
    {extra}
"""


@pytest.mark.parametrize(("pass_mark", "kind", "extra"), [
    (120, "single", ""), (60, "singel", ""), (60, "single", "difficulty: 5"), (60, "single", "hint: 想想三"),
])
def test_a_mistake_the_check_reports_also_fails_the_schema(tmp_path, pass_mark, kind, extra):
    text = BANK.format(pass_mark=pass_mark, kind=kind, extra=extra)
    (tmp_path / "docs").mkdir()
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "demo.yml").write_text(text, encoding="utf-8")
    _, problems = check_root(tmp_path)
    assert [p for p in problems.sorted() if p.path == "quizzes/demo.yml"]
    assert errors("bank", yaml.safe_load(text)) != []
    good = BANK.format(pass_mark=60, kind="single", extra="")
    assert errors("bank", yaml.safe_load(good)) == []


def test_the_editor_settings_name_existing_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert set(mapped) == {f"./schemas/{p.name}" for p in COMMITTED.glob("*.schema.json")} - {
        "./schemas/front-matter.schema.json"}
    for schema, globs in mapped.items():
        assert (ROOT / schema).is_file()
        patterns = [globs] if isinstance(globs, str) else globs
    assert all(list(ROOT.glob(pattern)) for pattern in patterns if not pattern.startswith("!")), globs  # "!": except
