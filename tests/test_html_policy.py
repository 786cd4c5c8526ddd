"""Raw HTML and link targets in Markdown bodies: `shuniu check` (and so the build) refuses
what could run script or load from another host, and lets harmless HTML through."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import VALID_POLICY, mkdocs_build, write
from test_check import run_check

BODY_START = VALID_POLICY.count("\n") + 1  # the line after the front matter's last line


def check_body(root: Path, body: str) -> tuple[int, list[str]]:
    """Check a policy page whose body is ``body`` (after the fixture's own body)."""
    write(root, "docs/policies/x.md", VALID_POLICY.format(id="x") + body)
    return run_check(root)


def at(offset: int) -> str:
    """``path:line`` of the body's line ``offset`` (1-based) in docs/policies/x.md."""
    return f"docs/policies/x.md:{BODY_START + offset - 1}"


HARMLESS = """
第一行<br>第二行，注<sup>1</sup>，H<sub>2</sub>O，按 <kbd>Ctrl</kbd>+<kbd>P</kbd> 打印。
<span class="shuniu-note" title="说明">说明</span> <abbr title="办公室">办</abbr>

<div class="grid cards" markdown>

- **[制度](yinzhang.md)**

</div>

<details><summary>展开</summary>内容</details>

[外部链接](https://www.gov.cn/) ![图](../assets/shuniu/favicon.svg){ .shuniu-figure }
[按钮](yinzhang.md){ .md-button }
正文里的花括号 {x=1} 不是属性表。

讲解脚本时写成代码：`<script>alert(1)</script>`、``<iframe src="x">``、`[x](javascript:alert(1))`。

```html
<script>alert("代码块里的示例")</script>
<img src=x onerror=alert(1)>
```
"""


def test_harmless_html_passes(content_root):
    write(content_root, "docs/assets/shuniu/favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert check_body(content_root, HARMLESS) == (0, ["checked 2 pages (0 translations): no problems"])


def test_scripts_frames_and_forms_are_refused(content_root):
    body = "\n".join([
        "<script>alert(1)</script>",
        "<iframe src=\"a.html\"></iframe> <object data=\"x.swf\"></object> <embed src=\"y\">",
        "<form action=\"http://x\"><input name=\"q\"></form>",
        "<base href=\"http://x/\"><meta http-equiv=\"refresh\" content=\"0\"><style>p {}</style>",
    ])
    code, lines = check_body(content_root, "\n" + body + "\n")
    refused = "is not allowed in a page body (the maintainers' guide lists the allowed ones)"
    assert code == 1
    assert lines == [
        f"{at(2)}: HTML element <script> {refused}",
        f"{at(3)}: HTML element <embed> {refused}",
        f"{at(3)}: HTML element <iframe> {refused}",
        f"{at(3)}: HTML element <object> {refused}",
        f"{at(4)}: HTML element <form> {refused}",
        f"{at(4)}: HTML element <input> {refused}",
        f"{at(5)}: HTML element <base> {refused}",
        f"{at(5)}: HTML element <meta> {refused}",
        f"{at(5)}: HTML element <style> {refused}",
    ]


def test_event_handlers_styles_and_script_urls_are_refused(content_root):
    body = "\n".join([
        "<img src=\"x.png\" onerror=\"alert(1)\"> <span ONMOUSEOVER='x'>悬停</span>",
        "<a href=\" jav&#x09;ascript:alert(1)\">点我</a> <a href=\"VBScript:msgbox\">旧</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\"> <img src=\"http://evil.example/x.png\">",
        "<p style=\"background:url(http://evil.example/)\">文字</p>",
        "段落末尾的属性表 {: onclick=\"alert(1)\" }",
    ])
    code, lines = check_body(content_root, "\n" + body + "\n")
    other_host = "files shown in a page must come from this site (a relative address), not another host"
    assert code == 1
    assert lines == [
        f"{at(2)}: event-handler attribute 'onerror' on <img> is not allowed: a page body may not run scripts",
        f"{at(2)}: event-handler attribute 'onmouseover' on <span> is not allowed: a page body may not run scripts",
        f"{at(3)}: href=\" jav\\x09ascript:alert(1)\" on <a>: 'javascript:' URLs are not allowed",
        f"{at(3)}: href=\"VBScript:msgbox\" on <a>: 'vbscript:' URLs are not allowed",
        f"{at(3)}: link ' jav&#x09;ascript:alert(1)' must name a page's .md file",  # the link check's own word
        f"{at(4)}: src=\"data:image/svg+xml,<svg onload=alert(1)>\" on <img>: 'data:' URLs are not allowed",
        f"{at(4)}: src=\"http://evil.example/x.png\" on <img>: {other_host}",
        f"{at(5)}: attribute 'style' on <p> is not allowed: use a class (see the maintainers' guide)",
        f"{at(6)}: event-handler attribute 'onclick' in the attribute list {{onclick=\"alert(1)\"}} is not allowed: "
        "a page body may not run scripts",
    ]


def test_markdown_links_and_images_with_script_urls_are_refused(content_root):
    body = "\n".join([
        "[点我](javascript:alert(document.cookie)) ![图](data:image/png;base64,AAAA)",
        "![远处的图](https://evil.example/p.png) <javascript:alert(1)>",
        "[引用]: vbscript:msgbox",
    ])
    code, lines = check_body(content_root, "\n" + body + "\n")
    assert code == 1
    assert lines == [
        f"{at(2)}: Markdown image to 'data:image/png;base64,AAAA': 'data:' URLs are not allowed",
        f"{at(2)}: Markdown link to 'javascript:alert(document.cookie)': 'javascript:' URLs are not allowed",
        f"{at(3)}: <javascript:alert(1)>: 'javascript:' URLs are not allowed",
        f"{at(3)}: Markdown image to 'https://evil.example/p.png': files shown in a page must come from this site "
        "(a relative address), not another host",
        f"{at(4)}: Markdown link to 'vbscript:msgbox': 'vbscript:' URLs are not allowed",
    ]


def test_the_build_fails_with_the_same_message(content_root, tmp_path):
    write(content_root, "mkdocs.yml", (Path(__file__).parents[1] / "mkdocs.yml").read_text(encoding="utf-8"))
    check_body(content_root, "\n<script>alert(1)</script>\n")
    for name in ("hooks", "overrides"):
        shutil.copytree(Path(__file__).parents[1] / name, content_root / name)
    result = mkdocs_build(content_root, tmp_path / "site")
    assert result.returncode != 0
    assert f"{at(2)}: HTML element <script> is not allowed in a page body" in result.stderr
