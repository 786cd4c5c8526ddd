import datetime

import pytest

from shuniu.yamlsrc import LineDict, LineList, YamlError, load_yaml


def test_mappings_and_lists_remember_lines():
    data = load_yaml("a: 1\nitems:\n  - x\n  - y: 2\n")
    assert isinstance(data, LineDict)
    assert data.line_of("a") == 1 and data.line_of("items") == 2
    items = data["items"]
    assert isinstance(items, LineList) and items.line_of(0) == 3 and items.line_of(1) == 4
    assert items[1].line_of("y") == 4


def test_dates_are_dates_and_impossible_dates_stay_text():
    data = load_yaml("ok: 2025-03-01\nbad: 2025-02-30\n")
    assert data["ok"] == datetime.date(2025, 3, 1)
    assert data["bad"] == "2025-02-30"


def test_syntax_error_names_its_line():
    with pytest.raises(YamlError) as error:
        load_yaml("a: 1\nb: [1, 2\nc: 3\n")
    assert error.value.line == 3
    assert error.value.message.startswith("YAML syntax error:")


def test_duplicate_key_is_an_error_with_its_line():
    with pytest.raises(YamlError) as error:
        load_yaml("a: 1\nb: 2\na: 3\n")
    assert error.value.line == 3
    assert "duplicate key 'a'" in error.value.message


def test_fast_and_pure_loaders_agree_on_every_real_file(monkeypatch):
    """libyaml is used when present; it must give the same values and lines as the pure loader."""
    from pathlib import Path

    import shuniu.yamlsrc as yamlsrc
    from shuniu.pages import split_front_matter

    assert yamlsrc._FastLineLoader is not None  # PyYAML wheels ship libyaml; the speed-up is real here
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "quizzes").glob("*.yml"))]
    texts += [split_front_matter(p.read_text(encoding="utf-8"))[0] or "" for p in sorted((root / "docs").rglob("*.md"))]

    def lines(node):
        if isinstance(node, LineDict):
            return (node.line, sorted(node.key_lines.items()), [lines(v) for v in node.values()])
        if isinstance(node, LineList):
            return (node.line, node.item_lines, [lines(v) for v in node])
        return node

    fast = [lines(load_yaml(text)) for text in texts]
    monkeypatch.setattr(yamlsrc, "_FastLineLoader", None)
    assert fast == [lines(load_yaml(text)) for text in texts]
