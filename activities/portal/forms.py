"""The school submission form: plain text, recent campaigns and activities only, 1–9
photos checked one by one, and the guardian's consent when photos show students."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.html import strip_tags

from activities.models import ActivityPage, CampaignPage
from activities.photos import PhotoError, clean_photo

MAX_PHOTOS = 9
RECENT_DAYS = 180


class PhotoField(forms.FileField):
    """A photo judged by its content (activities.photos); the value is a CleanPhoto."""

    def __init__(self, **kwargs):
        super().__init__(allow_empty_file=True, **kwargs)  # our own message names the file

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        try:
            return clean_photo(upload)
        except PhotoError as error:
            raise forms.ValidationError(str(error)) from error


class PhotoForm(forms.Form):
    photo = PhotoField(
        label="照片",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(label="照片说明", max_length=100, required=False)


PhotoFormSet = forms.formset_factory(
    PhotoForm, extra=MAX_PHOTOS, max_num=MAX_PHOTOS, absolute_max=MAX_PHOTOS, validate_max=True
)


class SubmissionForm(forms.Form):
    title = forms.CharField(
        label="标题", max_length=60, error_messages={"required": "请填写标题。"}
    )
    event_date = forms.DateField(
        label="活动日期",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "请填写活动日期。",
            "invalid": "请填写正确的日期，例如 2026-11-20。",
        },
    )
    campaign = forms.ModelChoiceField(
        label="属于哪项主题教育活动（可不选）", queryset=CampaignPage.objects.none(), required=False
    )
    activity = forms.ModelChoiceField(
        label="对应日历上的哪项活动（可不选）", queryset=ActivityPage.objects.none(), required=False
    )
    body = forms.CharField(
        label="正文",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="只写文字，一段一行。不支持图片、表格和格式；照片请在下面上传。",
        error_messages={"required": "请填写正文。"},
    )
    author_name = forms.CharField(
        label="撰稿教师", max_length=40, error_messages={"required": "请填写撰稿教师的姓名。"}
    )
    shows_students = forms.ChoiceField(
        label="照片中有没有学生？",
        choices=[("no", "没有学生"), ("yes", "有学生")],
        widget=forms.RadioSelect,
        error_messages={"required": "请选择照片中有没有学生。"},
    )
    guardian_consent = forms.BooleanField(
        label="照片中的学生（不满14周岁的）已取得监护人同意，可以在网站上公开",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        since = today - datetime.timedelta(days=RECENT_DAYS)
        self.fields["campaign"].queryset = (
            CampaignPage.objects.live().public().filter(end_date__gte=since).order_by("-start_date")
        )
        now = timezone.now()
        self.fields["activity"].queryset = (
            ActivityPage.objects.live()
            .public()
            .filter(
                series_start__lte=now, series_start__gte=now - datetime.timedelta(days=RECENT_DAYS)
            )
            .order_by("-series_start")
        )

    def clean_title(self):
        return strip_tags(self.cleaned_data["title"]).strip() or _required("请填写标题。")

    def clean_body(self):
        """Plain paragraphs: any markup is dropped, blank lines are squeezed."""
        text = strip_tags(self.cleaned_data["body"])
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return "\n".join(lines) or _required("请填写正文。")

    def clean_event_date(self):
        day = self.cleaned_data["event_date"]
        if day > timezone.localdate():
            raise forms.ValidationError("活动日期不能晚于今天：请在活动举办以后再投稿。")
        return day

    def clean(self):
        data = super().clean()
        if data.get("shows_students") == "yes" and not data.get("guardian_consent"):
            self.add_error(
                "guardian_consent",
                "照片中有学生时，必须先取得监护人同意，并勾选这一项。",
            )
        return data


def _required(message):
    raise forms.ValidationError(message)


def photos_from(formset, *, required):
    """(CleanPhoto, caption) pairs from a valid formset; an error when none is given and
    one is required."""
    pairs = [
        (form.cleaned_data["photo"], form.cleaned_data.get("caption", ""))
        for form in formset.forms
        if form.cleaned_data.get("photo")
    ]
    if required and not pairs:
        raise forms.ValidationError("请至少上传一张照片。")
    return pairs
