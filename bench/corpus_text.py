"""Words and sentence patterns for the synthetic corpus: office Chinese, combined at random.

The text reads like the site's pages (roles, registers, time limits, approvals) so the search
index, jieba and page sizes behave as they would on real content; it states no real rule.
"""

from __future__ import annotations

import random

# (topic, slug): each page is about one of these; the slug names its files.
TOPICS = [
    ("印章", "yinzhang"), ("公文处理", "gongwen"), ("档案", "dangan"), ("会议", "huiyi"),
    ("公务接待", "jiedai"), ("保密", "baomi"), ("值班", "zhiban"), ("信息报送", "xinxi"),
    ("督查督办", "ducha"), ("公务用车", "yongche"), ("固定资产", "zichan"), ("政府采购", "caigou"),
    ("办公用品", "yongpin"), ("文印", "wenyin"), ("来信来访", "laifang"), ("考勤", "kaoqin"),
    ("教育培训", "peixun"), ("网站信息发布", "wangzhan"), ("应急管理", "yingji"), ("安全保卫", "anquan"),
    ("消防安全", "xiaofang"), ("节能降耗", "jieneng"), ("机要通信", "jiyao"), ("合同", "hetong"),
    ("差旅报销", "chailv"), ("请休假", "xiujia"), ("外事接待", "waishi"), ("调查研究", "diaoyan"),
    ("统计报表", "tongji"), ("政务公开", "gongkai"), ("建议提案办理", "tian"), ("绩效考核", "kaohe"),
    ("信息化建设", "xinxihua"), ("数据安全", "shuju"), ("机关食堂", "shitang"), ("物业管理", "wuye"),
]
UNITS = ["办公室（秘书科）", "办公室（综合科）", "办公室（机要室）", "办公室（行政科）", "督查室", "信息科",
         "财务科", "人事科", "保密办公室", "后勤服务中心"]
ROLES = ["办公室主任", "分管负责人", "承办人", "经办人", "秘书科科长", "保密员", "档案员", "值班人员",
         "印章保管人员", "文印人员", "部门负责人", "综合科科长", "机要员", "信息员", "督查专员", "行政科科长"]
THINGS = ["登记簿", "申请单", "审批表", "工作台账", "办理记录", "检查清单", "情况报告", "工作方案", "会议纪要",
          "通知", "交接单", "备案表", "统计表", "回执", "意见书", "整改报告"]
TIMES = ["1 个工作日内", "3 个工作日内", "当日", "次月 5 日前", "每季度末", "收到后 2 小时内", "每年 12 月底前",
         "5 个工作日内", "会后 3 日内", "每周五下班前"]
QUALITIES = ["及时准确", "规范有序", "安全保密", "责任明确", "手续完备", "程序规范", "厉行节约", "高效便捷",
             "全程留痕", "闭环管理", "实事求是", "分级负责", "归口管理", "统筹协调"]
VERBS = ["审核", "登记", "核对", "报批", "复核", "汇总", "归档", "传阅", "催办", "反馈", "备案", "清点",
         "签收", "分办", "转交", "检查"]
BASES = ["《党政机关公文处理工作条例》", "GB/T 9704—2012《党政机关公文格式》", "《中华人民共和国保守国家秘密法》",
         "《中华人民共和国档案法》", "《党政机关厉行节约反对浪费条例》", "《机关档案管理规定》", "本单位有关规定"]
SUBHEADINGS = ["申请", "审批", "登记", "办理", "保管", "使用", "检查", "费用", "公开", "归档", "交接", "报告",
               "培训", "考核", "应急处置", "责任追究", "记录", "台账", "统计", "监督"]

_PATTERNS = [
    "{role}应当在{time}{verb}{topic}{thing}，并将结果告知{role2}。",
    "涉及{topic}的{thing}，由{unit}统一{verb}，各科室予以配合，做到{quality}、{quality2}。",
    "未经{role}批准，任何人不得擅自变更{topic}{thing}的内容。",
    "{topic}工作坚持{quality}的原则，{role}对本科室的{topic}工作负直接责任。",
    "{thing}应当写明事由、时间、数量和经办人，{role}{verb}后签字确认。",
    "发现{topic}{thing}填写不完整的，{role}应当退回补正，不得先办理后补手续。",
    "{unit}{time}对{topic}情况进行一次{verb}，形成{thing}报{role}。",
    "{topic}{thing}按年度整理，保管期限按本单位档案管理的规定执行。",
    "遇有紧急情况，{role}可以先行处理，事后{time}补办{thing}并说明理由。",
    "对{topic}工作中{quality}的科室和个人，{unit}在年度考核中予以通报表扬。",
]


class Words:
    """Seeded choices of words and sentences (the same seed makes the same corpus)."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)  # noqa: S311 - reproducible text, not secrets

    def pick(self, items: list[str]) -> str:
        return self.random.choice(items)

    def sample(self, items: list[str], count: int) -> list[str]:
        return self.random.sample(items, count)

    def sentence(self, topic: str) -> str:
        quality, quality2 = self.sample(QUALITIES, 2)
        role, role2 = self.sample(ROLES, 2)
        return self.pick(_PATTERNS).format(
            role=role, role2=role2, topic=topic, thing=self.pick(THINGS), time=self.pick(TIMES),
            verb=self.pick(VERBS), unit=self.pick(UNITS), quality=quality, quality2=quality2,
        )

    def paragraph(self, topic: str, sentences: int = 4) -> str:
        return "".join(self.sentence(topic) for _ in range(sentences))

    def bullets(self, topic: str, count: int = 4) -> str:
        return "\n".join(f"- {self.sentence(topic)}" for _ in range(count))
