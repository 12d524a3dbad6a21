"""``manage.py restore FILE``: a backup archive into an empty database and media folder."""

import tarfile

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from website import backup


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and media folder (runs migrate)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="the archive written by `manage.py backup`")

    def handle(self, *args, source, **options):
        try:
            backup.read_manifest(source)
        except (OSError, KeyError, ValueError, tarfile.TarError) as error:
            raise CommandError(f"无法读取备份文件 {source}：{error}") from error
        call_command("migrate", interactive=False, verbosity=0)
        try:
            manifest = backup.restore(source)
        except backup.RestoreError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{label} {n}" for label, n in manifest["counts"].items())
        self.stdout.write(
            f"Restored {source} (made {manifest['created']} on {manifest['database']}): "
            f"{counts}, {manifest['media_files']} media files."
        )
