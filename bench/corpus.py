"""A synthetic Shuniu project of any size: policies, procedures and study units with valid front
matter, question banks whose sources point at real headings, and a few English translations.

    python -m bench.corpus OUT_DIR --pages 250 --questions 1250

Pages are spread over policies/ (40%), procedures/ (30%) and study/ (30%), one folder per topic
(as a real site keeps its nav in sections); banks hold 25 questions, five of each type.
"""

from __future__ import annotations

import argparse
import datetime
import posixpath
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.build import PROJECT, install_site_config
from bench.corpus_text import BASES, ROLES, SUBHEADINGS, THINGS, TIMES, TOPICS, UNITS, Words
from shuniu.markdown import anchor_for

BANK_SIZE = 25
TYPES = ("single", "multiple", "truefalse", "fill", "short")
CHECKED = ["填写完整", "签字齐全", "已登记", "已复核"]
STEP_NAMES = [("shenqing", "申请"), ("chushen", "初审"), ("shenhe", "审核"), ("shenpi", "审批"), ("dengji", "登记"),
              ("banli", "办理"), ("fuhe", "复核"), ("fenfa", "分发"), ("cuiban", "催办"), ("guidang", "归档")]
# Index pages copied from the project: the home page and each section's table of pages.
INDEX_PAGES = ["index.md", "index.en.md"] + [f"{section}/index{suffix}.md" for section in
                                              ("policies", "procedures", "study", "quizzes") for suffix in ("", ".en")]


@dataclass
class Written:
    """A page written so far: where it is and the anchors questions and links may point at."""

    src: str
    title: str
    anchors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Corpus:
    root: Path
    pages: int
    translations: int
    banks: int
    questions: int


def _front(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _heading(level: int, text: str, page: Written) -> str:
    page.anchors.append(anchor_for(text))
    return f"{'#' * level} {text}\n\n"


def _link(from_src: str, to: Written) -> str:
    return f"[{to.title}]({posixpath.relpath(to.src, posixpath.dirname(from_src))})"


class Writer:
    """Writes the pages and banks of one corpus under ``root``."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root, self.words = root, Words(seed)
        self.policies: list[Written] = []
        self.procedures: list[Written] = []
        self.studies: list[Written] = []

    def _write(self, src: str, text: str) -> None:
        path = self.root / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def _common(self, page_id: str, title: str, topic: str, number: int) -> dict[str, Any]:
        return {
            "id": page_id, "title": title, "owner": self.words.pick(UNITS), "status": "effective",
            "effective": datetime.date(2024 + number % 2, 1 + number % 12, 1),
            "reviewed": datetime.date(2026, 1 + number % 10, 1 + number % 28), "review_every": "12 months",
            "basis": self.words.sample(BASES, 2), "classification": "public", "tags": [topic, self.words.pick(THINGS)],
        }

    def _sections(self, page: Written, topic: str, level: int, count: int) -> str:
        subs = self.words.sample(SUBHEADINGS, count)
        return "".join(_heading(level, f"{topic}{sub}", page) + self.words.bullets(topic) + "\n\n" for sub in subs)

    def policy(self, number: int, topic: str, slug: str) -> Written:
        src = f"policies/{slug}/{slug}-zd-{number:04d}.md"
        page = Written(src, f"{self.words.pick(UNITS).split('（')[-1].rstrip('）')}{topic}管理办法（{number}）")
        meta = self._common(f"{slug}-zd-{number:04d}", page.title, topic, number)
        meta |= {"doc_no": f"BGS-ZD-{number:04d}", "approver": "办公室主任"}
        body = _heading(2, "目的", page) + self.words.paragraph(topic, 3) + "\n\n"
        body += _heading(2, "适用范围", page) + self.words.paragraph(topic, 2) + "\n\n"
        body += _heading(2, "职责", page) + "| 角色 | 职责 |\n|---|---|\n"
        body += "".join(f"| {role} | {self.words.sentence(topic)} |\n" for role in self.words.sample(ROLES, 4)) + "\n"
        body += _heading(2, "规定", page) + self._sections(page, topic, 3, 5)
        body += _heading(2, "依据", page) + "".join(f"- {basis}\n" for basis in meta["basis"]) + "\n"
        self._write(src, _front(meta) + body)
        self.policies.append(page)
        return page

    def procedure(self, number: int, topic: str, slug: str) -> Written:
        # Flat, unlike policies and study: checklist pages are only made for procedures directly in
        # procedures/ (shuniu/procedures/checklist.py), and a nested one links to a missing page.
        src = f"procedures/{slug}-lc-{number:04d}.md"
        page = Written(src, f"{topic}办理流程（{number}）")
        meta = self._common(f"{slug}-lc-{number:04d}", page.title, topic, number)
        meta["steps"] = self.steps(topic, 4 + number % 5)
        body = _heading(2, "适用范围", page) + self.words.paragraph(topic, 3) + "\n\n"
        body += _heading(2, "注意事项", page) + self.words.bullets(topic, 5) + "\n\n"
        body += _heading(2, "常见问题", page)
        for _ in range(3):
            body += f'??? question "{topic}{self.words.pick(THINGS)}可以先办理后补手续吗？"\n'
            body += f"    {self.words.paragraph(topic, 2)}\n\n"
        related = [self.policies[(number * 7 + k) % len(self.policies)] for k in range(2)] if self.policies else []
        body += _heading(2, "相关制度", page) + "".join(f"- {_link(src, other)}\n" for other in related) + "\n"
        self._write(src, _front(meta) + body)
        self.procedures.append(page)
        return page

    def steps(self, topic: str, count: int) -> list[dict[str, Any]]:
        """``count`` steps in order; the approval step branches to a refusal that ends the flow."""
        chosen = sorted(self.words.random.sample(range(len(STEP_NAMES)), count - 1))
        steps = [self.step(topic, *STEP_NAMES[i]) for i in chosen]
        refusal = self.step(topic, "tuihui", "退回") | {"next": []}
        steps[1]["next"] = [steps[2]["id"] if len(steps) > 2 else "tuihui", "tuihui"]
        return steps[:2] + [refusal] + steps[2:]

    def step(self, topic: str, step_id: str, title: str) -> dict[str, Any]:
        things = self.words.sample(THINGS, 2)
        checked = zip(self.words.sample(THINGS, 3), self.words.sample(CHECKED, 3), strict=True)
        return {
            "id": step_id, "title": title, "role": self.words.pick(ROLES), "action": self.words.sentence(topic),
            "time_limit": self.words.pick(TIMES), "inputs": things[:1], "outputs": things[1:],
            # With ids: a translated procedure's checks must carry them (shuniu/procedures/translations.py).
            "checks": [{"id": f"c{n}", "text": f"{thing}{state}"} for n, (thing, state) in enumerate(checked, 1)],
        }

    def study(self, number: int, topic: str, slug: str, banks: list[str]) -> Written:
        src = f"study/{slug}/{slug}-xx-{number:04d}.md"
        page = Written(src, f"{topic}基础知识（{number}）")
        meta = self._common(f"{slug}-xx-{number:04d}", page.title, topic, number) | {"banks": banks}
        body = self.words.paragraph(topic, 2) + "\n\n" + _heading(2, "学习目标", page) + self.words.bullets(topic, 3)
        body += "\n\n" + _heading(2, "要点", page) + self._sections(page, topic, 3, 4)
        reading = [self.policies[(number * 3 + k) % len(self.policies)] for k in range(2)] if self.policies else []
        body += _heading(2, "阅读", page) + "".join(f"- {_link(src, other)}\n" for other in reading) + "\n"
        body += _heading(2, "思考题", page) + "".join(f"{k}. {self.words.sentence(topic)[:-1]}？\n" for k in range(1, 5))
        self._write(src, _front(meta) + body)
        self.studies.append(page)
        return page

    def bank(self, number: int, topic: str, sources: list[Written]) -> dict[str, Any]:
        """A bank of 25 questions, five of each type, each citing a heading of one of ``sources``."""
        bank_id = f"bank-{number:04d}"
        questions = []
        for k in range(BANK_SIZE):
            page = sources[k % len(sources)]
            anchor = page.anchors[(number + k) % len(page.anchors)]
            question: dict[str, Any] = {"id": f"{bank_id}-{k + 1:02d}", "type": TYPES[k % len(TYPES)]}
            question |= self.question(TYPES[k % len(TYPES)], topic)
            question |= {"explanation": self.words.sentence(topic), "source": f"{page.src}#{anchor}",
                         "difficulty": 1 + k % 3, "tags": [topic]}
            questions.append(question)
        return {"id": bank_id, "title": f"{topic}知识练习（{number}）", "description": self.words.sentence(topic),
                "tags": [topic], "pass_mark": 60, "questions": questions}

    def question(self, kind: str, topic: str) -> dict[str, Any]:
        """Stem, options and answer of one question of type ``kind``."""
        stem = self.words.sentence(topic)
        if kind in ("single", "multiple"):
            options = {letter: self.words.sentence(topic)[:40] for letter in "ABCD"}
            answer: Any = "B" if kind == "single" else sorted(self.words.sample(list("ABCD"), 2))
            return {"stem": f"关于{topic}，下列说法正确的是？（{stem[:20]}）", "options": options, "answer": answer}
        if kind == "truefalse":
            return {"stem": stem, "answer": len(stem) % 2 == 0}
        if kind == "fill":
            thing = self.words.pick(THINGS)
            return {"stem": f"{topic}工作完成后，应当填写____，并由经办人签字。", "answer": [thing]}
        return {"stem": f"简述{topic}工作的基本要求。", "answer": self.words.paragraph(topic, 2)}

    def translation(self, page: Written, steps: list[dict[str, Any]] | None) -> None:
        """An English version keeping every anchor of the Chinese page ({#anchor} on each heading)."""
        original = (self.root / "docs" / page.src).read_text(encoding="utf-8")
        meta = yaml.safe_load(original.split("---\n")[1])
        meta["title"] = f"{meta['id']} (English)"
        if steps is not None:
            meta["steps"] = [step | {"title": f"Step {step['id']}", "role": "Officer in charge",
                                     "action": "Check the form, sign it and pass it on within the time limit.",
                                     "checks": [{"id": check["id"], "text": f"Check {check['id']}"}
                                                for check in step["checks"]]}
                             for step in steps]
        body = ""
        for line in original.split("---\n", 2)[2].splitlines():
            if line.startswith("#"):
                level, _, text = line.partition(" ")
                body += f"{level} Section {anchor_for(text)} {{#{anchor_for(text)}}}\n\n"
                body += "This section sets out who does what, by when and with which form.\n\n"
        self._write(page.src.removesuffix(".md") + ".en.md", _front(meta) + body)


def _copy_shell(root: Path) -> None:
    """The site configuration, the front-end assets and the home and section index pages."""
    install_site_config(root)
    shutil.copytree(PROJECT / "docs" / "assets", root / "docs" / "assets")
    for src in INDEX_PAGES:
        if (PROJECT / "docs" / src).is_file():
            (root / "docs" / src).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(PROJECT / "docs" / src, root / "docs" / src)


def generate(root: Path, pages: int, questions: int, seed: int = 7) -> Corpus:
    """Write a project of ``pages`` content pages and ``questions`` questions into ``root``."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    _copy_shell(root)
    writer = Writer(root, seed)
    n_policies, n_procedures = pages * 4 // 10, pages * 3 // 10
    n_banks = max(1, questions // BANK_SIZE)
    for number in range(n_policies):
        writer.policy(number + 1, *TOPICS[number % len(TOPICS)])
    steps_of: dict[str, list[dict[str, Any]]] = {}
    for number in range(n_procedures):
        page = writer.procedure(number + 1, *TOPICS[number % len(TOPICS)])
        steps_of[page.src] = yaml.safe_load((root / "docs" / page.src).read_text(encoding="utf-8").split("---\n")[1])["steps"]
    n_studies = pages - n_policies - n_procedures
    banks_of = {k: [f"bank-{b + 1:04d}" for b in range(n_banks) if b % n_studies == k] for k in range(n_studies)}
    for number in range(n_studies):
        writer.study(number + 1, *TOPICS[number % len(TOPICS)], banks_of[number])
    for number in range(n_banks):
        topic = TOPICS[number % len(TOPICS)][0]
        sources = [writer.studies[number % n_studies], writer.policies[number % n_policies],
                   writer.procedures[number % n_procedures]]
        bank = writer.bank(number + 1, topic, sources)
        path = root / "quizzes" / f"{bank['id']}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    _plans(root, writer, n_banks, max(1, pages // 100))
    translated = _translate_a_few(writer, steps_of, max(3, pages // 50))
    _index_topic_folders(root, writer.policies + writer.studies)
    return Corpus(root, pages, translated, n_banks, n_banks * BANK_SIZE)


def _plans(root: Path, writer: Writer, banks: int, count: int) -> None:
    """``count`` study plans (docs/study/plans/), each of six monthly sessions reading a study unit
    and a policy and practising a bank."""
    folder = root / "docs" / "study" / "plans"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        sessions = []
        for month in range(1, 7):
            k = (number * 6 + month) % len(writer.studies)
            unit, policy = writer.studies[k], writer.policies[k % len(writer.policies)]
            sessions.append({"date": datetime.date(2027, month, 10 + number % 15), "topic": f"{unit.title}学习",
                             "read": [unit.src, policy.src], "quiz": [f"bank-{1 + (k % banks):04d}"],
                             "notes": f"集中学习，约 90 分钟。重点：{writer.words.sentence('学习')}"})
        plan = {"id": f"plan-{number:03d}", "title": f"第{number}学习小组学习计划（2027年上半年）",
                "group": "办公室全体人员", "sessions": sessions}
        (folder / f"plan-{number:03d}.yml").write_text(
            yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _index_topic_folders(root: Path, pages: list[Written]) -> None:
    """Each topic folder gets an index page: its title names the nav section, its body lists the pages."""
    names = {slug: topic for topic, slug in TOPICS}
    for folder in {posixpath.dirname(page.src) for page in pages}:
        text = f"---\ntitle: {names[posixpath.basename(folder)]}\n---\n\n<!-- shuniu:section-index -->\n"
        (root / "docs" / folder / "index.md").write_text(text, encoding="utf-8")


def _translate_a_few(writer: Writer, steps_of: dict[str, list[dict[str, Any]]], count: int) -> int:
    """English versions of ``count`` pages, taken evenly from the three sections."""
    chosen = (writer.policies[::max(1, len(writer.policies) // count)][: count // 3 + 1]
              + writer.studies[::max(1, len(writer.studies) // count)][: count // 3 + 1]
              + writer.procedures[: max(1, count - 2 * (count // 3 + 1))])
    for page in chosen:
        writer.translation(page, steps_of.get(page.src))
    return len(chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--pages", type=int, default=250)
    parser.add_argument("--questions", type=int, default=1250)
    args = parser.parse_args(argv)
    corpus = generate(args.root, args.pages, args.questions)
    print(f"{corpus.root}: {corpus.pages} pages, {corpus.translations} translations, "
          f"{corpus.banks} banks, {corpus.questions} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
