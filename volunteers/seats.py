"""Taking and giving back seats. Every change locks the activity's sign-up row first, so
two requests never count the same free seat: capacity holds under concurrency.

The rule, in the words the site uses: 放得下就确认，放不下就候补；有人取消时，
候补的人按报名先后依次递补（人数放得下的先补上）。
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from volunteers.models import ActivitySignup, Registration


class AlreadyRegisteredError(Exception):
    """This phone number already holds a place (confirmed or waitlisted) on this list."""

    def __init__(self, registration=None):
        super().__init__("already registered")
        self.registration = registration


def _locked(signup):
    # SELECT … FOR UPDATE on PostgreSQL; on SQLite the whole write transaction is
    # serialised instead (transaction_mode IMMEDIATE in settings).
    return ActivitySignup.objects.select_for_update().get(pk=signup.pk)


def register(signup, *, name, phone, party_size=1, volunteer=None):
    """A confirmed place when the party fits, otherwise a place on the waitlist."""
    try:
        with transaction.atomic():
            locked = _locked(signup)
            existing = (
                Registration.objects.filter(signup=locked, phone=phone)
                .exclude(status="cancelled")
                .first()
            )
            if existing:
                raise AlreadyRegisteredError(existing)
            fits = locked.count_seats_taken() + party_size <= locked.capacity
            return Registration.objects.create(
                signup=locked,
                volunteer=volunteer,
                name=name,
                phone=phone,
                party_size=party_size,
                status="confirmed" if fits else "waitlisted",
                status_changed_at=timezone.now(),
            )
    except IntegrityError as error:  # the unique constraint, if the lock was bypassed
        raise AlreadyRegisteredError() from error


def cancel(registration):
    """Give the seats back and move the waitlist up. Returns the promoted registrations."""
    with transaction.atomic():
        locked = _locked(registration.signup)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == "cancelled":
            return []
        current.status = "cancelled"
        current.status_changed_at = timezone.now()
        current.save(update_fields=["status", "status_changed_at"])
        registration.status = current.status
        return promote(locked)


def promote(signup):
    """Confirm waitlisted parties, oldest first, while they fit. Call with the lock held
    (``cancel`` does), or through ``refill`` after staff raise the capacity."""
    free = signup.capacity - signup.count_seats_taken()
    promoted = []
    for waiting in signup.registrations.filter(status="waitlisted").order_by("created_at", "pk"):
        if free <= 0:
            break
        if waiting.party_size <= free:
            waiting.status = "confirmed"
            waiting.status_changed_at = timezone.now()
            waiting.save(update_fields=["status", "status_changed_at"])
            free -= waiting.party_size
            promoted.append(waiting)
    return promoted


def refill(signup):
    """After staff change the capacity: fill any seats that became free."""
    with transaction.atomic():
        return promote(_locked(signup))
