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
