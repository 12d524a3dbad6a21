"""Create the first administrator account, once, and print its password."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "如果还没有超级管理员，创建账号 admin 并显示一次随机密码。"

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=options["username"],
            email="",
            password=password,
            first_name="管理员",
        )
        bar = "=" * 60
        self.stdout.write(
            f"\n{bar}\n已创建管理员账号（只显示这一次，请记下）：\n"
            f"  后台地址：http://127.0.0.1:8000/admin/\n"
            f"  用户名：  {options['username']}\n"
            f"  密码：    {password}\n"
            f"忘记密码时运行：.venv/bin/python manage.py changepassword {options['username']}\n"
            f"{bar}\n"
        )
