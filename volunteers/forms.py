"""The public forms of the volunteers app: few required fields, plain labels, Chinese errors."""

import datetime

from django import forms

from volunteers.models import Expertise, Volunteer
from volunteers.models.volunteer import CATEGORY_CHOICES, GENDER_CHOICES
from volunteers.phones import normalise_phone, validate_mobile


class PhoneFieldMixin:
    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("请填写您的姓名。")
        return name

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        validate_mobile(phone)
        return phone

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))


def _name_field():
    return forms.CharField(
        label="姓名", max_length=20, error_messages={"required": "请填写您的姓名。"}
    )


def _phone_field(help_text):
    return forms.CharField(
        label="手机号码",
        max_length=20,
        help_text=help_text,
        error_messages={"required": "请填写手机号码，方便工作人员联系您。"},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )


def _honeypot():
    """A field people never see: only robots fill it in."""
    return forms.CharField(
        required=False,
        label="网址（请不要填写）",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class VolunteerSignupForm(PhoneFieldMixin, forms.Form):
    name = _name_field()
    phone = _phone_field("只用于工作人员联系您，不会公开。")
    category = forms.ChoiceField(
        label="您是",
        choices=CATEGORY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择一项。"},
    )
    gender = forms.ChoiceField(
        label="性别（可不填）", choices=GENDER_CHOICES, required=False, widget=forms.RadioSelect
    )
    birth_year = forms.IntegerField(
        label="出生年份（可不填）",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": "请填写四位数的年份，例如 1956。"},
    )
    street = forms.CharField(label="所在街道或社区（可不填）", max_length=40, required=False)
    expertise = forms.ModelMultipleChoiceField(
        label="能做什么（可多选，可不选）",
        queryset=Expertise.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.CharField(
        label="方便的时间（可不填）", max_length=100, required=False, help_text="例如：每周二上午"
    )
    bio = forms.CharField(
        label="想说的话（可不填）",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    public_profile = forms.BooleanField(
        label="我同意在“五老风采”中展示我的姓名、类别、专长和简介（不含联系方式）", required=False
    )
    consent = forms.BooleanField(
        label="我已阅读上面的说明，同意区关工委为联系和安排志愿服务处理我的个人信息",
        error_messages={"required": "请阅读说明并勾选同意，我们才能登记您的报名。"},
    )
    website = _honeypot()

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        this_year = datetime.date.today().year
        if year is not None and not 1920 <= year <= this_year - 18:
            raise forms.ValidationError(f"请填写 1920 到 {this_year - 18} 之间的年份。")
        return year

    def volunteer(self):
        data = self.cleaned_data
        return Volunteer(
            name=data["name"],
            phone=data["phone"],
            category=data["category"],
            gender=data.get("gender") or "",
            birth_year=data.get("birth_year"),
            street=data.get("street", ""),
            availability=data.get("availability", ""),
            bio=data.get("bio", ""),
            public_profile=data.get("public_profile", False),
        )


class ActivityRegistrationForm(PhoneFieldMixin, forms.Form):
    """活动报名: name, phone, how many people; for volunteer-only lists the phone must
    belong to an approved volunteer."""

    name = _name_field()
    phone = _phone_field("只用于活动联系和签到，不会公开。")
    party_size = forms.TypedChoiceField(
        label="参加人数", coerce=int, error_messages={"required": "请选择参加人数。"}
    )
    consent = forms.BooleanField(
        label="我同意区关工委为安排这次活动使用我的姓名和手机号码",
        error_messages={"required": "请勾选同意，我们才能登记您的报名。"},
    )
    website = _honeypot()

    def __init__(self, *args, signup, **kwargs):
        super().__init__(*args, **kwargs)
        self.signup = signup
        self.volunteer = None
        party_size = self.fields["party_size"]
        if signup.max_party_size == 1:
            party_size.widget = forms.HiddenInput()
        else:
            party_size.widget = forms.RadioSelect()
            party_size.help_text = "包括您自己。家长带孩子来，请把孩子也算上。"
        # After the widget: setting choices passes them on to it.
        party_size.choices = [(n, f"{n} 人") for n in range(1, signup.max_party_size + 1)]
        party_size.initial = 1

    def clean_phone(self):
        phone = super().clean_phone()
        if self.signup.audience == "volunteers":
            self.volunteer = Volunteer.objects.filter(phone=phone, status="approved").first()
            if self.volunteer is None:
                raise forms.ValidationError(
                    "这项活动只接受已登记的志愿者报名，这个手机号码还不是志愿者。"
                    "请先报名成为志愿者，或打电话给区关工委。"
                )
        return phone


class WithdrawalRequestForm(PhoneFieldMixin, forms.Form):
    """A volunteer asks to withdraw and have their personal data deleted."""

    name = _name_field()
    phone = _phone_field("请填写报名时留的手机号码，工作人员会打这个电话核实。")
    confirm = forms.BooleanField(
        label="我要退出志愿者队伍，并请区关工委删除我的个人信息",
        error_messages={"required": "请勾选这一项，确认您要退出。"},
    )
    website = _honeypot()
