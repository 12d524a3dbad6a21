"""The admin form for school accounts: staff create the login together with the link to
its school. The user gets no admin permission: it can only use the portal."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from wagtail.admin.forms import WagtailAdminModelForm


class SchoolAccountForm(WagtailAdminModelForm):
    username = forms.CharField(label="登录名", max_length=150, help_text="例如 wenchang-xx")
    email = forms.EmailField(label="电子邮箱", required=False, help_text="用于找回密码")
    password = forms.CharField(
        label="初始密码",
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="新建账号时必填，至少8位。把它告诉学校，学校登录后可以自己修改。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user if self.instance.pk else None
        if user:
            self.fields["username"].initial = user.username
            self.fields["email"].initial = user.email
            self.fields["password"].help_text = "不填则不修改密码。"

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        others = get_user_model().objects.filter(username__iexact=username)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.user_id)
        if others.exists():
            raise forms.ValidationError("这个登录名已经有人用了，请换一个。")
        return username

    def clean(self):
        data = super().clean()
        password = data.get("password")
        if not self.instance.pk and not password:
            self.add_error("password", "新建账号时请设置初始密码。")
        elif password:
            try:
                validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data

    def save(self, commit=True):
        account = super().save(commit=False)
        user = account.user if account.pk else get_user_model()()
        user.username = self.cleaned_data["username"]
        user.email = self.cleaned_data.get("email", "")
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        user.save()
        account.user = user
        if commit:
            account.save()
        return account
