"""学校投稿: a submission becomes a draft write-up page with its photos, in one
transaction, and enters the 学校投稿审核 workflow; resubmitting after a request for
changes resumes it. Files written before a failure are removed again: no orphan images."""

import os
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Workflow

from activities.models import WriteUpIndexPage, WriteUpPage
from activities.models.writeups import WriteUpPhoto

SCHOOL_WORKFLOW = "学校投稿审核"
COLLECTION = "学校投稿"
STATUS_LABELS = {"pending": "待审核", "changes": "需修改", "published": "已发布"}


def _collection():
    existing = Collection.objects.filter(name=COLLECTION).first()
    return existing or Collection.get_first_root_node().add_child(name=COLLECTION)


def _store_images(school, title, photos, written):
    """Wagtail images for (CleanPhoto, caption) pairs; file names go into ``written``."""
    image_model = get_image_model()
    collection = _collection()
    result = []
    for number, (photo, caption) in enumerate(photos, start=1):
        # A random file name: drafts under review are not found by guessing "IMG_1234.jpg",
        # and a pupil's name in the original file name goes nowhere.
        extension = os.path.splitext(photo.name)[1]
        image = image_model(
            title=f"{school.name}：{title}（{number}）",
            collection=collection,
            file=ContentFile(photo.content, name=f"{secrets.token_hex(16)}{extension}"),
        )
        image._set_image_file_metadata()
        try:
            image.save()
        finally:
            if image.file.name:  # written to storage even if the INSERT then failed
                written.append(image.file.name)
        result.append(WriteUpPhoto(image=image, caption=caption))
    return result


def _apply(page, data):
    for field in ("title", "event_date", "campaign", "activity", "author_name", "body"):
        setattr(page, field, data[field])
    page.shows_students = data["shows_students"] == "yes"
    page.guardian_consent = bool(data.get("guardian_consent"))


def _guarded(action):
    """Run ``action(written)`` in a transaction; on failure delete the files it wrote."""
    written = []
    try:
        with transaction.atomic():
            return action(written)
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def submit(account, data, photos):
    """A new draft write-up of ``account``'s school, submitted for review."""
    user, school = account.user, account.school

    def create(written):
        index = WriteUpIndexPage.objects.first()
        page = WriteUpPage(
            slug=f"{timezone.localdate():%Y%m%d}-{school.pk}-{secrets.token_hex(3)}",
            school=school,
            live=False,
            owner=user,
        )
        _apply(page, data)
        page.photos = _store_images(school, data["title"], photos, written)
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        Workflow.objects.get(name=SCHOOL_WORKFLOW).start(page, user)
        return page

    return _guarded(create)


class NotAwaitingChangesError(Exception):
    """The submission is no longer waiting for the school's changes."""


def resubmit(account, page, data, photos):
    """Changes asked for: save the school's edits on top of the latest draft (which may
    hold a moderator's edits) and put the submission back in review. New photos, when
    given, replace the old ones, and the replaced images are deleted."""

    def update(written):
        locked = WriteUpPage.objects.select_for_update().get(pk=page.pk)
        state = locked.current_workflow_state
        if not state or state.status != state.STATUS_NEEDS_CHANGES:
            raise NotAwaitingChangesError
        draft = locked.get_latest_revision_as_object()
        _apply(draft, data)
        replaced = []
        if photos:
            replaced = [photo.image_id for photo in draft.photos.all()]
            draft.photos = _store_images(account.school, data["title"], photos, written)
        draft.save_revision(user=account.user, log_action=True)
        state.resume(account.user)
        if replaced and not locked.live:
            # Never published, so no live version shows them; drop them with their files.
            image_ids = set(replaced)
            transaction.on_commit(
                lambda: get_image_model().objects.filter(pk__in=image_ids).delete()
            )
        return draft

    return _guarded(update)


def status(page):
    """(code, label, moderator's comment) as the school sees it."""
    if page.live:
        return "published", STATUS_LABELS["published"], ""
    state = page.current_workflow_state
    if state and state.status == state.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return "changes", STATUS_LABELS["changes"], (task_state.comment if task_state else "")
    return "pending", STATUS_LABELS["pending"], ""
