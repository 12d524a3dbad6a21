"""``manage.py backup [FILE]``: the whole site in one archive (see website/backup.py)."""

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from website import backup


class Command(BaseCommand):
    help = "Write one archive with a portable database dump and the original media files."

    def add_arguments(self, parser):
        parser.add_argument(
            "target",
            nargs="?",
            help="the archive to write (default: BACKUP_DIR/site-YYYYmmdd-HHMMSS.tar.gz)",
        )

    def handle(self, *args, target=None, **options):
        if target is None:
            folder = Path(getattr(settings, "BACKUP_DIR", settings.BASE_DIR / "backups"))
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"site-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        target = Path(target)
        manifest = backup.write(target)
        counts = ", ".join(f"{label} {n}" for label, n in manifest["counts"].items())
        self.stdout.write(
            f"Wrote {target} ({target.stat().st_size / 1e6:.1f} MB): {counts}, "
            f"{manifest['media_files']} media files."
        )
