"""Interface strings of generated content, in the site's two languages."""

from __future__ import annotations

from shuniu.model import Status

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "标题",
        "doc_no": "编号",
        "status": "状态",
        "owner": "责任单位",
        "approver": "批准人",
        "effective": "生效日期",
        "reviewed": "最近复核",
        "next_review": "下次复核",
        "basis": "依据",
        "no_pages": "本栏目暂无页面。",
        "overdue": "已逾期",
        "replaced_by": "本文件已被{link}替代，请以新文件为准。",
        "repealed": "本文件已废止，仅供查阅历史，不再执行。",
        "draft": "本文件为草案，尚未生效。",
        "supersedes": "本文件替代 {link}。",
        "in_force": "（{facts}）",
        "in_force_from": "{date} 起施行",
        "list_sep": "，",
    },
    "en": {
        "title": "Title",
        "doc_no": "No.",
        "status": "Status",
        "owner": "Owner",
        "approver": "Approved by",
        "effective": "Effective",
        "reviewed": "Last reviewed",
        "next_review": "Next review",
        "basis": "Basis",
        "no_pages": "No pages in this section yet.",
        "overdue": "overdue",
        "replaced_by": "This document has been replaced by {link}; follow the new one.",
        "repealed": "This document has been repealed. It is kept for reference only.",
        "draft": "This document is a draft and not yet in force.",
        "supersedes": "This document replaces {link}.",
        "in_force": " ({facts})",
        "in_force_from": "in force from {date}",
        "list_sep": ", ",
    },
}

STATUS_LABELS = {
    "zh": {Status.DRAFT: "草案", Status.EFFECTIVE: "现行有效", Status.SUPERSEDED: "已被替代", Status.REPEALED: "已废止"},
    "en": {Status.DRAFT: "Draft", Status.EFFECTIVE: "In force", Status.SUPERSEDED: "Superseded",
           Status.REPEALED: "Repealed"},
}


def t(lang: str, key: str, **values: str) -> str:
    """The string ``key`` in ``lang`` (English for unknown languages), with values filled in."""
    table = STRINGS.get(lang, STRINGS["en"])
    return table[key].format(**values) if values else table[key]


def status_label(lang: str, status: Status) -> str:
    return STATUS_LABELS.get(lang, STATUS_LABELS["en"])[status]
