"""Interface strings of the generated quiz pages, in the site's two languages."""

from __future__ import annotations

from shuniu.quiz.model import QuestionType

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "practice": "练习",
        "exam": "模拟考试",
        "wrongbook": "错题本",
        "progress": "学习进度",
        "group_report": "成绩汇总",
        "group_report_intro": "组长把学员交来的成绩文件（`shuniu-result-*.json`）拖到下面或选中，即可看到全组的成绩报告："
                              "与命令 `shuniu results report` 的结果相同。文件只在本浏览器中读取，不上传到任何地方。",
        "group_report_caveat": "校验码能发现无意或随手的修改，但不能防止有意伪造：报告适合学习和自测，不适合高风险考试。"
                               "未纳入的文件列在最后，并说明原因（原因为英文，与命令行一致）。",
        "compose": "组卷",
        "compose_intro": "组长选定题库、标签、各题型的题数和分值、考试时间和及格线，预览抽出的试卷，"
                         "再把链接或试卷文件发给成员：每人打开后作答的题目和顺序完全相同，成绩文件记下试卷编号，"
                         "交回后在[成绩汇总](group-report.md)中统计。"
                         "也可导出 Word 试卷：`shuniu quiz export --format docx --paper 试卷文件.json`。",
        "start_practice": "开始练习",
        "start_exam": "模拟考试",
        "summary": "共 **{count}** 题，及格线 **{pass_mark}** 分（百分制）。",
        "short_note": "简答题只用于练习（对照参考答案自评），模拟考试不抽取。",
        "by_type": "题型",
        "by_difficulty": "难度",
        "by_tag": "标签",
        "count": "题数",
        "no_tags": "本题库的题目未设标签。",
        "downloads": "下载",
        "bank": "题库",
        "pass_mark": "及格线",
        "tags": "标签",
        "no_banks": "暂无题库。",
        "player_fallback": "正在加载题库……如果一直没有显示，请确认浏览器已启用 JavaScript。",
        "practice_intro": "选择题库开始练习：每答一题即显示对错、解析和出处链接。答错的题自动记入[错题本](wrongbook.md)。",
        "exam_intro": "选择题库、标签、题数和时长，按随机种子抽题组卷；同一种子抽出同一份试卷。"
                      "交卷后可下载成绩文件交给组长汇总。",
        "exam_rules": "计分规则",
        "exam_rules_body": "- 每题的分值由题库规定（未规定时：单选、判断、填空每题 1 分，多选每题 2 分），见各题库页。\n"
                           "- 单选题、判断题：答对得全分。\n"
                           "- 多选题：选了任何错误选项得 0 分；没有选错时按选对的比例得分"
                           "（如 3 个正确选项选对 2 个，得该题分值的 66%）。\n"
                           "- 填空题：每空与任一参考答案一致即算对（不区分全角半角和大小写，忽略空格和标点），"
                           "按答对的空数比例得分。\n"
                           "- 简答题只用于练习，考试不抽取。\n"
                           "- 成绩折算为百分制（向下取整），达到及格线即为及格。",
        "caveat_title": "说明",
        "caveat": "考试在浏览器中进行，答案和计时都无法对有意作弊的人保密，适合学习和自测，不适合高风险考试。"
                  "成绩文件带有校验码，能发现无意或随手的修改，但有意者可以伪造。",
        "wrongbook_intro": "答错的题会自动记入错题本，并按间隔安排复习：固定间隔，或 FSRS 自适应间隔，在本页选择。"
                           "今天到期的题目可在[练习](practice.md?review=due)中集中复习。",
        "progress_intro": "今天到期的复习题、练习和考试记录。所有数据只保存在本浏览器中，"
                          "更换电脑或清除浏览器数据之前，请先在此备份。",
    },
    "en": {
        "practice": "Practice",
        "exam": "Mock exam",
        "wrongbook": "Wrong-answer book",
        "progress": "Progress",
        "group_report": "Group report",
        "group_report_intro": "A group leader drops or picks the result files (`shuniu-result-*.json`) members hand in and sees "
                              "the group's report, the same as `shuniu results report` makes. The files are read in this browser "
                              "only and sent nowhere.",
        "group_report_caveat": "The checksum catches accidental or casual edits, not a determined forger: the report suits "
                               "study and self-testing, not high-stakes exams. Files left out are listed last with the reason.",
        "compose": "Compose a paper",
        "compose_intro": "A group leader picks banks, tags, the number of questions and the points of each type, the time "
                         "and the pass mark, previews the paper drawn, and sends members its link or paper file: everyone "
                         "sits the same questions in the same order, and the result files carry the paper's id for the "
                         "[group report](group-report.md). For a Word paper: "
                         "`shuniu quiz export --format docx --paper PAPER.json`.",
        "start_practice": "Start practice",
        "start_exam": "Mock exam",
        "summary": "**{count}** questions; pass mark **{pass_mark}** out of 100.",
        "short_note": "Short-answer questions are for practice only (self-graded against the reference answer); "
                      "mock exams do not draw them.",
        "by_type": "Question types",
        "by_difficulty": "Difficulty",
        "by_tag": "Tags",
        "count": "Questions",
        "no_tags": "The questions of this bank have no tags.",
        "downloads": "Downloads",
        "bank": "Bank",
        "pass_mark": "Pass mark",
        "tags": "Tags",
        "no_banks": "No question banks yet.",
        "player_fallback": "Loading the question banks… If nothing appears, check that JavaScript is enabled in your browser.",
        "practice_intro": "Choose a bank and practise: every answer shows right or wrong, the explanation and a "
                          "link to the source. Wrong answers go to the [wrong-answer book](wrongbook.md).",
        "exam_intro": "Choose banks, tags, the number of questions and minutes; the paper is drawn with a random "
                      "seed (the same seed draws the same paper). After submitting, download your result file "
                      "and hand it to your group leader.",
        "exam_rules": "Scoring",
        "exam_rules_body": "- Each question is worth the points its bank sets (by default 1 for single choice, "
                           "true/false and fill in the blank, 2 for multiple choice); see each bank's page.\n"
                           "- Single choice, true/false: full points when right.\n"
                           "- Multiple choice: 0 if any wrong option is chosen; otherwise the share of right options "
                           "chosen (2 of 3 right options gives 66% of its points).\n"
                           "- Fill in the blank: a blank is right when it matches any accepted answer (full-width and "
                           "half-width, case, spaces and punctuation are ignored); points by the share of right blanks.\n"
                           "- Short-answer questions are for practice only.\n"
                           "- The score is turned into a percentage (rounded down); reaching the pass mark passes.",
        "caveat_title": "Note",
        "caveat": "The exam runs in your browser: answers and the timer cannot be kept from a determined cheat. "
                  "It is for study and self-assessment, not for high-stakes exams. The result file carries a "
                  "checksum that catches accidental or casual edits, but a determined user can forge it.",
        "wrongbook_intro": "Questions you answer wrong go to the wrong-answer book and come back for spaced review, "
                           "at fixed intervals or at FSRS's adaptive ones: choose here. "
                           "Review the ones due today in [practice](practice.md?review=due).",
        "progress_intro": "Reviews due today, practice and exam history. Everything is stored only in this browser: "
                          "back it up here before changing computers or clearing browser data.",
    },
}

TYPE_LABELS = {
    "zh": {QuestionType.SINGLE: "单选题", QuestionType.MULTIPLE: "多选题", QuestionType.TRUEFALSE: "判断题",
           QuestionType.FILL: "填空题", QuestionType.SHORT: "简答题"},
    "en": {QuestionType.SINGLE: "Single choice", QuestionType.MULTIPLE: "Multiple choice",
           QuestionType.TRUEFALSE: "True/false", QuestionType.FILL: "Fill in the blank",
           QuestionType.SHORT: "Short answer"},
}

DIFFICULTY_LABELS = {"zh": {1: "易", 2: "中", 3: "难"}, "en": {1: "Easy", 2: "Medium", 3: "Hard"}}


def qt(lang: str, key: str, **values: object) -> str:
    """The quiz string ``key`` in ``lang`` (English for unknown languages), with values filled in."""
    table = STRINGS.get(lang, STRINGS["en"])
    return table[key].format(**values) if values else table[key]


def type_label(lang: str, kind: QuestionType) -> str:
    return TYPE_LABELS.get(lang, TYPE_LABELS["en"])[kind]


def difficulty_label(lang: str, level: int) -> str:
    return DIFFICULTY_LABELS.get(lang, DIFFICULTY_LABELS["en"])[level]
