"""Turn the text of a 年度工作要点 document into its structure. Pure functions, no database.

Copes with text copied from Word, WPS or a web page: junk above the title and below the
end, a notice header with its document number and signature, traditional or simplified
characters, section markers 一、 … 二十、, point markers 1. 1、 １． (1) （一）, points spanning
several lines, and an attachment of special actions (专项行动) whose headings restart at 一、,
with labelled parts (责任领导, 任务清单 ①②③, 效果 written 效 果 or 效　果, 责任单位).
Lines inside the document that fit nowhere are returned in ``unplaced_lines``.
"""

import dataclasses
import re
import unicodedata

import opencc

_TO_SIMPLIFIED = opencc.OpenCC("t2s")

CN_DIGITS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
CN_NUMERAL = "[一二三四五六七八九十]{1,3}"
SECTION_RE = re.compile(rf"^({CN_NUMERAL})\s*[、，,．.]\s*(\S.*)$")
POINT_RE = re.compile(r"^(?:(\d{1,3})\s*[.、．]|[(（](\d{1,3}|" + CN_NUMERAL + r")[)）])\s*(\S.*)$")
TASK_MARK_RE = re.compile("[\u2460-\u2473]")  # ① … ⑳
DATE_RE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号"
)
ATTACHMENT_RE = re.compile(r"^附\s*件\s*\d*\s*[:：]?\s*(.*)$")
END_MARKERS = (
    "推荐访问",
    "最新推荐",
    "相关推荐",
    "相关阅读",
    "扫一扫",
    "二维码",
    "上一篇",
    "下一篇",
    "版权所有",
    "责任编辑",
    "打印本页",
    "关闭窗口",
    "分享到",
)
METADATA_RE = re.compile(r"(时间|日期|来源|作者|浏览|点击|发布)\s*[:：]")
LABELS = {"leaders": "责任领导", "tasks": "任务清单", "effect": "效果", "units": "责任单位"}
ISSUER_SUFFIXES = ("委员会", "关工委", "办公室", "教育局", "人民政府")


def _label_re(word):
    """A label whose characters may have spaces between them: 效 果：, 效　果:."""
    return re.compile(r"^" + r"\s*".join(map(re.escape, word)) + r"\s*[:：]\s*(.*)$")


LABEL_RES = {key: _label_re(word) for key, word in LABELS.items()}


@dataclasses.dataclass
class Point:
    headline: str = ""
    body: str = ""

    def add_text(self, text):
        self.body = f"{self.body}\n{text}" if self.body else text

    def finish(self):
        """Split a short first sentence ending in 。 off as the headline."""
        text = self.body.strip()
        first, sep, rest = text.partition("。")
        if sep and rest.strip() and len(first) <= 40:
            self.headline, self.body = first + "。", rest.strip()
        else:
            self.headline, self.body = "", text


@dataclasses.dataclass
class Section:
    title: str
    points: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class SpecialAction:
    title: str
    leaders: str = ""
    tasks: list = dataclasses.field(default_factory=list)
    effect: str = ""
    units: str = ""


@dataclasses.dataclass
class ParsedPlan:
    title: str = ""
    year: int | None = None
    issuer: str = ""
    doc_number: str = ""
    issue_date: str = ""  # ISO date
    preamble: str = ""
    sections: list = dataclasses.field(default_factory=list)
    special_actions: list = dataclasses.field(default_factory=list)
    unplaced_lines: list = dataclasses.field(default_factory=list)
    ignored_lines: list = dataclasses.field(default_factory=list)

    @property
    def points(self):
        return [point for section in self.sections for point in section.points]

    def summary(self):
        """The counts the import command prints with --json."""
        return {
            "title": self.title,
            "year": self.year,
            "sections": len(self.sections),
            "points": len(self.points),
            "special_actions": len(self.special_actions),
            "tasks": sum(len(action.tasks) for action in self.special_actions),
            "unplaced_lines": len(self.unplaced_lines),
        }

    def as_dict(self):
        return dataclasses.asdict(self) | {"summary": self.summary()}


def _half_width(ch):
    """１ → 1, Ａ → A, ．→ . ; Chinese punctuation and ①②③ stay as they are."""
    if ch == "．" or (ch.isalnum() and not TASK_MARK_RE.match(ch)):
        return unicodedata.normalize("NFKC", ch)
    return ch


def normalise(text):
    """Simplified characters, half-width digits and letters, no stray spaces or BOMs."""
    text = _TO_SIMPLIFIED.convert(text.replace("\ufeff", ""))
    lines = []
    for raw in text.splitlines():
        # NFKC turns １２．into 12. but keeps full-width Chinese punctuation.
        line = "".join(_half_width(ch) for ch in raw)
        line = line.replace("\u3000", " ").strip()
        if line:
            lines.append(line)
    return lines


def _section_number(token):
    if token in CN_DIGITS:
        return CN_DIGITS[token]
    if token.startswith("十"):
        return 10 + CN_DIGITS.get(token[1:], 0)
    if len(token) == 2 and token.endswith("十"):
        return CN_DIGITS[token[0]] * 10
    if len(token) == 3 and token[1] == "十":
        return CN_DIGITS[token[0]] * 10 + CN_DIGITS[token[2]]
    return None


def _is_end(line):
    return any(marker in line for marker in END_MARKERS)


def _find_title(lines):
    """Index of the document title: the last short line naming 工作要点 before the body."""
    first_section = next((i for i, line in enumerate(lines) if SECTION_RE.match(line)), len(lines))
    candidates = [
        i
        for i, line in enumerate(lines[:first_section])
        if "工作要点" in line
        and len(line) <= 50
        and not METADATA_RE.search(line)
        and not line.startswith(("关于", "现将"))
        and "|" not in line
    ]
    return candidates[-1] if candidates else None


def parse(text, year=None):
    """Parse the document ``text`` into a ParsedPlan."""
    lines = normalise(text)
    plan = ParsedPlan()
    title_index = _find_title(lines)
    if title_index is None:
        body_start = 0
    else:
        plan.title = lines[title_index]
        body_start = title_index + 1
        for line in lines[:title_index]:
            if not _take_header_line(plan, line):
                plan.ignored_lines.append(line)
    found = re.search(r"(\d{4})\s*年", plan.title)
    plan.year = year or (int(found.group(1)) if found else None)

    state = {
        "section": None,
        "point": None,
        "action": None,
        "field": None,
        "attachment": False,
        "last_section_number": 0,
        "ended": False,
    }
    preamble = []
    for line in lines[body_start:]:
        if state["ended"]:
            plan.ignored_lines.append(line)
            continue
        if _is_end(line):
            state["ended"] = True
            plan.ignored_lines.append(line)
            continue
        _parse_line(plan, state, preamble, line)

    _finish_point(state)
    plan.preamble = "\n".join(preamble).strip()
    for action in plan.special_actions:
        action.tasks = [task for task in action.tasks if task]
    return plan


def _take_header_line(plan, line):
    """Document number, date and issuer in a notice header; True if the line was used."""
    number = DOC_NUMBER_RE.search(line)
    if number and not plan.doc_number:
        plan.doc_number = re.sub(r"\s+", "", number.group(0))
        return True
    date = DATE_RE.match(line)
    if date:
        plan.issue_date = (
            f"{int(date.group(1)):04d}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
        )
        return True
    if line.endswith(ISSUER_SUFFIXES) and len(line) <= 30 and not plan.issuer:
        plan.issuer = line
        return True
    return False


def _finish_point(state):
    if state["point"] is not None:
        state["point"].finish()
        state["point"] = None


def _parse_line(plan, state, preamble, line):
    attachment = ATTACHMENT_RE.match(line)
    if attachment and len(line) <= 40:
        _finish_point(state)
        state["attachment"] = True
        state["action"] = None
        return

    section = SECTION_RE.match(line)
    if section and _section_number(section.group(1)):
        number = _section_number(section.group(1))
        _finish_point(state)
        restarted = number <= state["last_section_number"] and number == 1
        if state["attachment"] or restarted:
            state["attachment"] = True
            state["action"] = SpecialAction(title=section.group(2).strip())
            state["field"] = None
            state["section"] = None
            plan.special_actions.append(state["action"])
        else:
            state["section"] = Section(title=section.group(2).strip())
            state["last_section_number"] = number
            plan.sections.append(state["section"])
        return

    if state["action"] is not None:
        _parse_action_line(plan, state, line)
        return

    point = POINT_RE.match(line)
    if point and state["section"] is not None:
        _finish_point(state)
        state["point"] = Point()
        state["point"].add_text(point.group(3).strip())
        state["section"].points.append(state["point"])
        return

    if state["point"] is not None:
        state["point"].add_text(line)
    elif state["section"] is None and not plan.sections and not state["attachment"]:
        if not _take_header_line(plan, line):
            preamble.append(line)
    elif state["section"] is not None or state["attachment"]:
        if not _take_header_line(plan, line):
            plan.unplaced_lines.append(line)
    else:
        plan.unplaced_lines.append(line)


def _parse_action_line(plan, state, line):
    action = state["action"]
    for key, pattern in LABEL_RES.items():
        match = pattern.match(line)
        if match:
            state["field"] = key
            _add_to_action(action, key, match.group(1).strip())
            return
    if state["field"] is None:
        if not _take_header_line(plan, line):
            plan.unplaced_lines.append(line)
        return
    if _take_header_line(plan, line):
        return
    _add_to_action(action, state["field"], line)


def _add_to_action(action, key, text):
    if not text:
        return
    if key == "tasks":
        parts = [part.strip(" ；;，,。") for part in TASK_MARK_RE.split(text)]
        if TASK_MARK_RE.match(text) or not action.tasks:
            action.tasks.extend(part for part in parts if part)
        else:  # a continuation line of the previous task
            action.tasks[-1] = f"{action.tasks[-1]}{parts[0]}"
            action.tasks.extend(part for part in parts[1:] if part)
        return
    current = getattr(action, key)
    setattr(action, key, f"{current}{text}" if current else text)
