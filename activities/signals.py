"""Keep iCalendar SEQUENCE growing: every publication of an activity bumps it."""

from django.db.models import F
from wagtail.signals import page_published


def bump_sequence(sender, instance, **kwargs):
    type(instance).objects.filter(pk=instance.pk).update(sequence=F("sequence") + 1)
    instance.sequence += 1


def connect():
    from activities.models import ActivityPage

    page_published.connect(bump_sequence, sender=ActivityPage, dispatch_uid="activity-sequence")
