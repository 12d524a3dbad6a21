"""Turn the text of a 年度工作要点 document into its structure. Pure functions, no database.

Copes with text copied from Word, WPS or a web page: junk above the title and below the
end, a notice header with its document number and signature, traditional or simplified
characters, section markers 一、 … 二十、, point markers 1. 1、 １． (1) （一）, points spanning
several lines, and an attachment of special actions (专项行动) whose headings restart at 一、,
with labelled parts (责任领导, 任务清单 ①②③, 效果 written 效 果 or 效　果, 责任单位).
Lines inside the document that fit nowhere are returned in ``unplaced_lines``.
"""

import dataclasses
import datetime
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
NUMBER_POINT_RE = re.compile(r"^(\d{1,3})\s*[.、．](?!\d)\s*(\S.*)$")  # 2.5万 is no point
BRACKET_POINT_RE = re.compile(r"^[(（](\d{1,3}|" + CN_NUMERAL + r")[)）]\s*(\S.*)$")
PREAMBLE_SECTION_RE = re.compile(r"总体要求|总体思路|指导思想")
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
LABELS = {
    "leaders": ["责任领导", "牵头领导"],
    "tasks": ["任务清单", "主要任务", "具体任务"],
    "effect": ["效果", "预期效果", "工作目标", "预期目标"],
    "units": ["责任单位", "牵头单位"],
}
ISSUER_SUFFIXES = ("委员会", "关工委", "办公室", "教育局", "人民政府")


def _label_re(words):
    """A label whose characters may have spaces between them (效 果：, 效　果:), followed by
    a colon and text, or standing alone on its line."""
    names = "|".join(r"\s*".join(map(re.escape, word)) for word in words)
    return re.compile(rf"^(?:{names})\s*(?:[:：]\s*(.*)|$)")


LABEL_RES = {key: _label_re(words) for key, words in LABELS.items()}


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
    """Index of the document title: the last short line naming 工作要点 before the body,
    preferring one with a year; never a sentence (ending in 。) or web metadata."""
    first_section = next((i for i, line in enumerate(lines) if SECTION_RE.match(line)), len(lines))
    candidates = [
        i
        for i, line in enumerate(lines[:first_section])
        if "工作要点" in line
        and len(line) <= 50
        and not METADATA_RE.search(line)
        and not line.startswith(("关于", "现将"))
        and not line.endswith("。")
        and "|" not in line
    ]
    with_year = [i for i in candidates if _year_in(lines[i])]
    chosen = with_year or candidates
    return chosen[-1] if chosen else None


def _year_in(text):
    """2026 from “2026年” or “二〇二六年”."""
    found = re.search(r"(\d{4})\s*年", text)
    if found:
        return int(found.group(1))
    found = re.search("([〇零一二三四五六七八九]{4})年", text)
    if found:
        return int("".join(str(max("〇一二三四五六七八九".find(ch), 0)) for ch in found.group(1)))
    return None


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
    plan.year = year or _year_in(plan.title)

    state = {
        "section": None,
        "point": None,
        "action": None,
        "field": None,
        "attachment": False,
        "last_section_number": 0,
        "ended": False,
        "point_style": None,  # how the current point was marked: "number" (1.) or "bracket" （1）
        "last_point": {},  # the last number of each style
        "preamble_section": False,  # inside 一、总体要求
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
    """Document number, date and issuer of a notice header or signature; True if used."""
    if METADATA_RE.search(line):
        return False
    number = DOC_NUMBER_RE.search(line)
    if number and not plan.doc_number:
        plan.doc_number = re.sub(r"\s+", "", number.group(0))
        return True
    date = DATE_RE.match(line)
    if date:
        try:
            day = datetime.date(int(date.group(1)), int(date.group(2)), int(date.group(3)))
        except ValueError:
            return False  # 2月30日 is no date: the line is reported, not used
        plan.issue_date = day.isoformat()
        return True
    if line.endswith(ISSUER_SUFFIXES) and len(line) <= 30 and not plan.issuer:
        plan.issuer = line
        return True
    return False


def _is_signature(line):
    return bool(DATE_RE.match(line)) or (line.endswith(ISSUER_SUFFIXES) and len(line) <= 30)


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
        _start_section(
            plan, state, preamble, _section_number(section.group(1)), section.group(2).strip()
        )
        return

    if state["action"] is not None:
        _parse_action_line(plan, state, line)
        return

    if state["section"] is not None and _start_point(state, line):
        return

    if state["preamble_section"]:
        preamble.append(line)
    elif state["point"] is not None:
        if not (_is_signature(line) and _take_header_line(plan, line)):  # the closing signature
            state["point"].add_text(line)
    elif state["section"] is None and not plan.sections and not state["attachment"]:
        if not preamble and METADATA_RE.search(line):
            plan.ignored_lines.append(line)  # 发布时间：… 来源：… under a web page's title
        elif not _take_header_line(plan, line):
            preamble.append(line)
    elif not _take_header_line(plan, line):
        plan.unplaced_lines.append(line)


def _start_section(plan, state, preamble, number, title):
    _finish_point(state)
    state["preamble_section"] = False
    restarted = number <= state["last_section_number"] and number == 1
    if state["attachment"] or restarted:
        state["attachment"] = True
        state["action"] = SpecialAction(title=title)
        state["field"] = None
        state["section"] = None
        plan.special_actions.append(state["action"])
        return
    state["last_section_number"] = number
    if not plan.sections and PREAMBLE_SECTION_RE.search(title):
        # 一、总体要求 followed by prose is the preamble, not a section of points.
        state["preamble_section"] = True
        preamble.append(f"{title}：")
        return
    state["section"] = Section(title=title)
    plan.sections.append(state["section"])


def _start_point(state, line):
    """Start a new point if ``line`` carries a point marker and the expected number.

    Points may be marked 1. 1、 １． or （1） （一）. Inside a point marked 1., lines marked
    （一） are its sub-items, not new points. Each style's numbers must follow on (or
    restart at 1 in a new section), so “12.4日前完成” inside point 3 stays text."""
    number_match = NUMBER_POINT_RE.match(line)
    match, style = (
        (number_match, "number") if number_match else (BRACKET_POINT_RE.match(line), "bracket")
    )
    if match is None:
        return False
    if style == "bracket" and state["point_style"] == "number" and state["point"] is not None:
        return False
    token = match.group(1)
    number = int(token) if token.isdigit() else _section_number(token)
    last = state["last_point"].get(style, 0)
    follows = number == last + 1
    restarts = number == 1 and not state["section"].points
    if last and not (follows or restarts):
        return False
    _finish_point(state)
    state["point_style"] = style
    state["last_point"][style] = number
    state["point"] = Point()
    state["point"].add_text(match.group(2).strip())
    state["section"].points.append(state["point"])
    return True


def _parse_action_line(plan, state, line):
    action = state["action"]
    for key, pattern in LABEL_RES.items():
        match = pattern.match(line)
        if match:
            state["field"] = key
            _add_to_action(action, key, (match.group(1) or "").strip())
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
