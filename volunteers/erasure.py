"""退出并删除个人信息, and the retention purge of activity sign-ups.

What stays after an erasure is what anonymous counts need: the volunteer's category, when
they joined and left, and the consent history (kind, notice version, dates). Everything that
names or reaches the person goes: name, phone, email, birth year, gender, street, work unit,
availability, bio, photo, teams, expertise, staff notes, their activity sign-ups, and the
name copied into the admin's history.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from volunteers import seats
from volunteers.models import ActivitySignup, Registration, Volunteer
from volunteers.models.activity_signup import ERASED_NAME

ERASED_VOLUNTEER_NAME = "已退出志愿者"


def _scrub_history(model, pks):
    """The admin's history keeps each object's name as its label: blank it."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in pks],
    ).update(label=ERASED_NAME, data={})


def _scrub_vanished(model):
    """History entries of rows that are gone (deleted in the admin, purged, or removed with
    their activity) keep the name they had: blank those labels too."""
    content_type = ContentType.objects.get_for_model(model)
    existing = {str(pk) for pk in model.objects.values_list("pk", flat=True)}
    vanished = (
        ModelLogEntry.objects.filter(content_type=content_type)
        .exclude(label=ERASED_NAME)
        .values_list("object_id", flat=True)
    )
    _scrub_history(model, [pk for pk in set(vanished) if pk not in existing])


def erase_volunteer(volunteer, user=None):
    """Withdraw a volunteer and erase their personal data, in one transaction."""
    with transaction.atomic():
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        if volunteer.erased_at:
            return volunteer
        theirs = Q(volunteer=volunteer)
        if volunteer.phone:
            theirs |= Q(phone=volunteer.phone)
        registrations = list(Registration.objects.filter(theirs).select_related("signup__activity"))
        for registration in registrations:
            # A coming activity: the seat goes to the waitlist. One already held keeps its
            # status (the anonymous count of who came stays right).
            if registration.status != "cancelled" and not registration.signup.has_ended:
                seats.cancel(registration)
        _scrub_history(Registration, [r.pk for r in registrations])
        Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(
            name=ERASED_NAME, phone="", volunteer=None, staff_notes=""
        )

        now = timezone.now()
        volunteer.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
        photo = volunteer.photo
        for field, value in {
            "name": ERASED_VOLUNTEER_NAME,
            "phone": "",
            "email": "",
            "gender": "",
            "birth_year": None,
            "work_unit": "",
            "street": "",
            "availability": "",
            "bio": "",
            "photo": None,
            "staff_notes": "",
            "public_profile": False,
            "status": "withdrawn",
            "withdrawal_requested_at": None,
            "erased_at": now,
        }.items():
            setattr(volunteer, field, value)
        volunteer.teams.clear()  # parental relations: written by the save() below
        volunteer.expertise.clear()
        volunteer.save()
        if photo is not None:
            photo.delete()  # the file goes with it once the transaction commits
        _scrub_history(Volunteer, [volunteer.pk])
        log(volunteer, "volunteers.erase", user=user, title=ERASED_NAME)
    return volunteer


def purge_registrations(days=None, now=None, dry_run=False):
    """Delete sign-ups of activities that ended more than ``days`` ago; keep the counts.

    Returns (registrations deleted, activities touched).
    """
    days = settings.ACTIVITY_SIGNUP_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    with transaction.atomic():
        old = Registration.objects.filter(
            Q(signup__activity__series_end__lt=cutoff)
            # A series without an end: sign-ups older than the period go.
            | Q(signup__activity__series_end__isnull=True, created_at__lt=cutoff)
        )
        totals = list(
            old.values("signup").annotate(
                rows=Count("pk"),
                people=Coalesce(Sum("party_size", filter=Q(status="confirmed")), 0),
            )
        )
        deleted = sum(row["rows"] for row in totals)
        if dry_run:
            return deleted, len(totals)
        for row in totals:
            signup = ActivitySignup.objects.select_for_update().get(pk=row["signup"])
            signup.purged_registrations += row["rows"]
            signup.purged_people += row["people"]
            signup.save(update_fields=["purged_registrations", "purged_people"])
        old.delete()
        _scrub_vanished(Registration)
    return deleted, len(totals)
