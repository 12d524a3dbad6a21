"""The work-plan importer in the Wagtail admin: paste or upload → preview → draft page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from home.models import WorkPlanIndexPage
from home.workplan_import import WorkPlanImportError, check, create_draft, parse, read_text


class ImportForm(forms.Form):
    text = forms.CharField(
        label="粘贴全文",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="从 Word、WPS 或网页复制全文粘贴到这里；网页上多余的内容会被自动忽略。",
    )
    file = forms.FileField(
        label="或者上传文件",
        required=False,
        help_text="Word 文档（.docx）或纯文本（.txt），5 MB 以内",
    )
    year = forms.IntegerField(
        label="年度",
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="不填则从标题中识别，例如“2026年工作要点”",
    )
    parent = forms.ModelChoiceField(
        label="放在哪个栏目下", queryset=WorkPlanIndexPage.objects.all(), empty_label=None
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            try:
                data["text"] = read_text(upload.name, upload.read())
            except WorkPlanImportError as error:
                self.add_error("file", str(error))
        elif not (data.get("text") or "").strip():
            self.add_error("text", "请粘贴工作要点的全文，或者上传文件。")
        return data


def import_workplan(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    plan = problems = None
    if request.method == "POST" and form.is_valid():
        parent = form.cleaned_data["parent"]
        if not parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        plan = parse(form.cleaned_data["text"], year=form.cleaned_data["year"])
        problems = check(plan, parent)
        if request.POST.get("action") == "create" and not problems:
            page = create_draft(plan, parent, user=request.user)
            messages.success(request, f"已创建草稿“{page.title}”，请检查后提交审核。")
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        # Show what was read, so the text can be corrected and previewed again.
        form = ImportForm(
            initial={
                "text": form.cleaned_data["text"],
                "year": form.cleaned_data["year"],
                "parent": parent,
            }
        )
    return TemplateResponse(
        request,
        "home/admin/workplan_import.html",
        {"form": form, "plan": plan, "problems": problems, "numbered": _numbered(plan)},
    )


def _numbered(plan):
    """The preview numbers points the way the page will: 1…N across sections."""
    if plan is None:
        return []
    from home.models.workplans import circled, cn_numeral

    number, sections = 0, []
    for position, section in enumerate(plan.sections, start=1):
        points = []
        for point in section.points:
            number += 1
            points.append((number, point))
        sections.append((cn_numeral(position), section.title, points))
    actions = [
        (
            cn_numeral(n),
            action,
            [(circled(i), task) for i, task in enumerate(action.tasks, start=1)],
        )
        for n, action in enumerate(plan.special_actions, start=1)
    ]
    return {"sections": sections, "actions": actions}
