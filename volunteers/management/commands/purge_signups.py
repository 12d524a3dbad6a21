"""Delete activity sign-ups (names, phones) once the retention period after the activity
has passed; the number of sign-ups and of people who came stay on the activity's record.
Run it daily, e.g. from cron: ``python manage.py purge_signups``."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from volunteers.erasure import purge_registrations


class Command(BaseCommand):
    help = "Delete activity sign-ups older than the retention period, keeping only counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.ACTIVITY_SIGNUP_RETENTION_DAYS,
            help="Days after an activity ends before its sign-ups are deleted "
            "(default: ACTIVITY_SIGNUP_RETENTION_DAYS, %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError("--days must be zero or more.")
        deleted, activities = purge_registrations(days=days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {deleted} sign-up(s) of {activities} activity(ies) "
            f"that ended more than {days} days ago."
        )
