"""A small content root whose every text field holds hostile strings.

Each field gets its own hostile string (``hostile("label")``) so a failure names the field
that reached the page unescaped: a script that runs sets ``window.__pwned`` to the label.
Values are written as JSON strings, which YAML reads back unchanged whatever they hold.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.conftest import PROJECT, write

# What hostile content smuggled into a built page: a script element carrying the payload, an
# element with an event-handler attribute (the theme uses none), a javascript: link.
INJECTED = """() => [...document.querySelectorAll('*')].filter(e =>
    (e.tagName === 'SCRIPT' && e.textContent.includes('__pwned'))
    || [...e.attributes].some(a => a.name.startsWith('on'))
    || /^\\s*javascript:/i.test(e.getAttribute('href') || '')
).map(e => e.outerHTML.slice(0, 160))"""


def hostile(label: str) -> str:
    """Markup, attribute break-outs, a template expression and a javascript: URL in one string."""
    return (
        f"{label}<script>window.__pwned='{label}'</script>"
        f"\"'><img src=x onerror=\"window.__pwned='{label}'\">"
        f"</title></textarea>{{{{ 7*7 }}}}{{% raw %}}"
        "[点我](javascript:window.__pwned=1) & &amp; \\"
    )


def link_like(label: str) -> str:
    """A field that becomes a link target or link text elsewhere: a javascript: URL."""
    return f"javascript:window.__pwned=1//{label}"


def _j(value: object) -> str:
    """JSON (which YAML reads), with ISO dates left bare so YAML reads them as dates."""
    return re.sub(r'"(\d{4}-\d{2}-\d{2})"', r"\1", json.dumps(value, ensure_ascii=False))


def _front(fields: dict[str, object]) -> str:
    return "---\n" + "".join(f"{key}: {_j(value)}\n" for key, value in fields.items()) + "---\n\n"


def _page(prefix: str, **extra: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "id": prefix, "title": hostile(f"{prefix}.title"), "owner": hostile(f"{prefix}.owner"),
        "status": "effective", "effective": "2025-01-01", "reviewed": "2026-06-01", "review_every": "12 months",
        "basis": [hostile(f"{prefix}.basis"), link_like(f"{prefix}.basis-url")],
        "classification": "public", "tags": [hostile(f"{prefix}.tag"), "印章"],
        "description": hostile(f"{prefix}.description"),
    }
    fields.update(extra)
    return fields


BODY = """
## 学习目标

掌握要点。

## 要点 `<script>window.__pwned='code'</script>`

正文提到印章和 HOSTILETERM 与 &lt;script&gt; 文本。

```html
<script>window.__pwned='fence'</script>
```
"""


def _step(label: str, step_id: str, **extra: object) -> dict[str, object]:
    return {
        "id": step_id, "title": hostile(f"{label}.title"), "role": hostile(f"{label}.role"),
        "action": hostile(f"{label}.action"), "time_limit": hostile(f"{label}.time_limit"),
        "inputs": [hostile(f"{label}.inputs")], "outputs": [hostile(f"{label}.outputs")],
        "basis": [hostile(f"{label}.basis")], "checks": [hostile(f"{label}.checks")], **extra,
    }


def _question(n: int, kind: str, **fields: object) -> dict[str, object]:
    label = f"q{n}"
    return {"id": f"h-{n}", "type": kind, "stem": hostile(f"{label}.stem"),
            "explanation": hostile(f"{label}.explanation"), "source": "study/xuexi.md#学习目标",
            "tags": [hostile(f"{label}.tag")], **fields}


def _bank() -> dict[str, object]:
    questions = [
        _question(1, "single", options={"A": hostile("q1.optA"), "B": hostile("q1.optB")}, answer="A"),
        _question(2, "multiple", options={"A": hostile("q2.optA"), "B": hostile("q2.optB"), "C": "C"},
                  answer=["A", "B"]),
        _question(3, "truefalse", answer=True),
        _question(4, "fill", stem=hostile("q4.stem") + " ____", answer=[hostile("q4.answer")]),
        _question(5, "short", answer=hostile("q5.answer")),
    ]
    return {"id": "hostile", "title": hostile("bank.title"), "description": hostile("bank.description"),
            "tags": [hostile("bank.tag")], "pass_mark": 60, "questions": questions}


def _plan() -> dict[str, object]:
    session = {"date": "2026-12-10", "topic": hostile("plan.topic"), "read": ["study/xuexi.md"],
               "quiz": ["hostile"], "notes": hostile("plan.notes")}
    past = {**session, "date": "2026-11-01", "topic": hostile("plan.topic2")}
    return {"id": "hostile-plan", "title": hostile("plan.title"), "group": hostile("plan.group"),
            "sessions": [past, session]}


def _glossary() -> list[dict[str, object]]:
    # Names may not hold '[' or ']' (they would end an abbreviation early): the rest is hostile.
    name = hostile("glossary.term").replace("[点我]", "点我")
    return [{"term": "HOSTILETERM", "aliases": [name.replace("term", "alias")],
             "definition": hostile("glossary.definition"), "source": "study/xuexi.md"},
            {"term": name, "definition": hostile("glossary.definition2")}]


def write_hostile_root(root: Path) -> Path:
    """Write the corpus (policies, a superseded policy, a procedure, a study unit, a plan, a
    glossary, a bank, English pages) with this project's site configuration and assets."""
    shutil.copytree(PROJECT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / "docs" / "assets", root / "docs" / "assets")
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    write(root, "docs/index.md", _front({"title": hostile("home.title"), "description": hostile("home.description")})
          + "# 首页\n\n印章与 HOSTILETERM。\n")
    write(root, "docs/index.en.md", _front({"title": hostile("home-en.title")}) + "# Home\n")
    for section, title in (("policies", "政策制度"), ("procedures", "工作流程"), ("study", "学习园地")):
        write(root, f"docs/{section}/index.md", _front({"title": hostile(f"{section}-index.title")})
              + f"{title}\n\n<!-- shuniu:section-index -->\n")
    write(root, "docs/quizzes/index.md", _front({"title": hostile("quizzes-index.title")}) + "<!-- shuniu:bank-index -->\n")
    policy = _page("zhidu", doc_no=hostile("zhidu.doc_no"), approver=hostile("zhidu.approver"), supersedes="jiu")
    write(root, "docs/policies/zhidu.en.md", _front({**policy, "title": hostile("zhidu-en.title")}) + BODY)
    old = _page("jiu", status="superseded", doc_no="OLD-1", approver="主任")
    write(root, "docs/policies/jiu.md", _front(old) + BODY)
    write(root, "docs/policies/zhidu.md", _front(policy) + BODY)
    steps = [_step("s1", "a", next=["b", "c"]), _step("s2", "b", next=[]), _step("s3", "c")]
    write(root, "docs/procedures/liucheng.md", _front(_page("liucheng", steps=steps)) + BODY)
    write(root, "docs/study/xuexi.md", _front(_page("xuexi", banks=["hostile"])) + BODY)
    write(root, "docs/study/plans/hostile-plan.yml", _j(_plan()))
    write(root, "docs/glossary.yml", _j(_glossary()))
    write(root, "quizzes/hostile.yml", _j(_bank()))
    return root
