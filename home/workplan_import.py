"""Import a work plan: read an upload, parse it, create a draft WorkPlanPage.

Used by the admin importer (home/admin_views.py) and ``manage.py import_workplan``.
"""

import io
import zipfile

from django.db import transaction

from home.models import WorkPlanIndexPage, WorkPlanPage
from home.workplan_parser import parse

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class WorkPlanImportError(ValueError):
    """A problem the person importing can fix; the message is in Chinese."""


def read_text(name, data):
    """The text of an uploaded .docx or .txt (UTF-8 or GB18030, as Chinese Windows saves)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise WorkPlanImportError("文件太大，请上传 5 MB 以内的文件。")
    if name.lower().endswith(".docx"):
        return _docx_text(data)
    if name.lower().endswith(".txt"):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise WorkPlanImportError(
            "无法识别文件的文字编码，请另存为 UTF-8 文本或 Word 文档后再上传。"
        )
    raise WorkPlanImportError(
        "只能上传 Word 文档（.docx）或纯文本（.txt）。旧版 .doc 请先另存为 .docx。"
    )


def _docx_text(data):
    """Paragraphs and tables in document order (special actions are often tables)."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise WorkPlanImportError(
            "这个文件不是有效的 Word 文档（.docx），请检查后重新上传。"
        ) from error
    lines = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells = [cell.text.strip() for cell in row.cells]
                if len(cells) >= 2 and cells[0]:
                    lines.append(f"{cells[0]}：{'；'.join(c for c in cells[1:] if c)}")
                elif cells and cells[0]:
                    lines.append(cells[0])
    return "\n".join(lines)


def default_parent():
    return WorkPlanIndexPage.objects.order_by("path").first()


def check(plan, parent):
    """Problems that stop a draft from being created, as Chinese sentences."""
    problems = []
    if not plan.year:
        problems.append("没有找到年度：标题里没有“2026年”这样的年份，请填写年度。")
    elif not 2000 <= plan.year <= 2100:
        problems.append("年度应在 2000 到 2100 之间。")
    elif (
        parent is not None and WorkPlanPage.objects.child_of(parent).filter(year=plan.year).exists()
    ):
        problems.append(f"{plan.year}年的工作要点已经存在，请修改原有页面。")
    if not plan.sections:
        problems.append("没有找到“一、”“二、”这样的部分标题，请检查粘贴的内容。")
    if parent is None:
        problems.append("还没有“年度工作要点”栏目页，请先在页面树中创建。")
    problems += _too_long(plan)
    return problems


# The longest text each part of the page accepts (see home/models/workplans.py).
LIMITS = {"section": 120, "action": 120, "leaders": 200, "task": 300, "units": 300}


def _too_long(plan):
    problems = []
    for number, section in enumerate(plan.sections, start=1):
        if len(section.title) > LIMITS["section"]:
            problems.append(
                f"第{number}部分的标题超过 {LIMITS['section']} 字，请确认是否把正文当成了标题。"
            )
    for number, action in enumerate(plan.special_actions, start=1):
        if len(action.title) > LIMITS["action"]:
            problems.append(f"第{number}项专项行动的名称超过 {LIMITS['action']} 字。")
        if len(action.leaders) > LIMITS["leaders"]:
            problems.append(f"第{number}项专项行动的责任领导超过 {LIMITS['leaders']} 字。")
        if len(action.units) > LIMITS["units"]:
            problems.append(f"第{number}项专项行动的责任单位超过 {LIMITS['units']} 字。")
        if any(len(task) > LIMITS["task"] for task in action.tasks):
            problems.append(f"第{number}项专项行动有一项任务超过 {LIMITS['task']} 字。")
    return problems


@transaction.atomic
def create_draft(plan, parent, user=None):
    """A draft WorkPlanPage (not live) built from ``plan``, with one revision."""
    title = plan.title or f"{plan.year}年工作要点"
    page = WorkPlanPage(
        title=title,
        slug=str(plan.year),
        year=plan.year,
        issuer=plan.issuer,
        doc_number=plan.doc_number,
        issue_date=plan.issue_date or None,
        preamble=plan.preamble,
        live=False,
        owner=user,
        sections=[
            (
                "section",
                {
                    "title": section.title,
                    "points": [
                        {"headline": point.headline, "body": point.body, "status": "not_started"}
                        for point in section.points
                    ],
                },
            )
            for section in plan.sections
        ],
        special_actions=[
            (
                "action",
                {
                    "title": action.title,
                    "leaders": action.leaders,
                    "tasks": action.tasks,
                    "effect": action.effect,
                    "units": action.units,
                },
            )
            for action in plan.special_actions
        ],
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


__all__ = ["WorkPlanImportError", "check", "create_draft", "default_parent", "parse", "read_text"]
