"""python manage.py import_workplan FILE [--year YEAR] [--parent PAGE_ID] [--dry-run] [--json]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.models import WorkPlanIndexPage
from home.workplan_import import (
    WorkPlanImportError,
    check,
    create_draft,
    default_parent,
    parse,
    read_text,
)


class Command(BaseCommand):
    help = "从 .docx 或 .txt 文件导入年度工作要点，创建一个草稿页面。"

    def add_arguments(self, parser):
        parser.add_argument("file", help=".docx 或 .txt 文件")
        parser.add_argument("--year", type=int, help="年度（标题里没有年份时必填）")
        parser.add_argument("--parent", type=int, help="“年度工作要点”栏目页的 ID")
        parser.add_argument("--dry-run", action="store_true", help="只解析，不写入数据库")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出解析结果的统计")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        try:
            text = read_text(path.name, path.read_bytes())
        except WorkPlanImportError as error:
            raise CommandError(str(error)) from error
        plan = parse(text, year=options["year"])

        if options["json"]:
            self.stdout.write(json.dumps(plan.summary(), ensure_ascii=False))
        else:
            summary = plan.summary()
            self.stdout.write(
                f"{summary['title'] or '（没有找到标题）'}：{summary['sections']} 个部分，"
                f"{summary['points']} 条要点，{summary['special_actions']} 项专项行动，"
                f"{summary['tasks']} 项任务，{summary['unplaced_lines']} 行未能归类"
            )
            for line in plan.unplaced_lines:
                self.stdout.write(f"  未归类：{line}")
        if options["dry_run"]:
            return

        if options["parent"]:
            parent = WorkPlanIndexPage.objects.filter(pk=options["parent"]).first()
            if parent is None:
                raise CommandError(f"ID 为 {options['parent']} 的页面不是“年度工作要点”栏目页。")
        else:
            parent = default_parent()
        problems = check(plan, parent)
        if problems:
            raise CommandError("\n".join(problems))
        page = create_draft(plan, parent)
        if not options["json"]:
            self.stdout.write(
                self.style.SUCCESS(f"已创建草稿（页面 ID {page.pk}），请在后台检查后提交审核。")
            )
