"""The activity form: every bad input gets a Chinese message next to its field."""

import pytest
from django.contrib.auth.models import User

from activities.models import ActivityPage
from tests import factories

pytestmark = pytest.mark.django_db


def form_for(calendar, exceptions=(), **fields):
    data = {
        "title": "家长学校",
        "slug": "parents-school",
        "start": "2026-11-07 09:30",
        "end": "2026-11-07 11:00",
        "status": "scheduled",
        "repeat_interval": "1",
        "repeat_monthly": "day",
        "body-count": "0",
        "exceptions-TOTAL_FORMS": str(len(exceptions)),
        "exceptions-INITIAL_FORMS": "0",
        "exceptions-MIN_NUM_FORMS": "0",
        "exceptions-MAX_NUM_FORMS": "1000",
    }
    for index, exception in enumerate(exceptions):
        for key, value in exception.items():
            data[f"exceptions-{index}-{key}"] = value
        data[f"exceptions-{index}-ORDER"] = str(index)
    data.update(fields)
    form_class = ActivityPage.get_edit_handler().get_form_class()
    user = User.objects.create_superuser("admin-form", password="x")
    return form_class(data, instance=ActivityPage(), parent_page=calendar, for_user=user)


def errors(form):
    return {name: " ".join(messages) for name, messages in form.errors.items()}


@pytest.fixture
def calendar():
    return factories.calendar_page()


def test_valid_weekly_series(calendar):
    form = form_for(calendar, repeat="WEEKLY", repeat_weekdays=["SA"], repeat_count="12")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["repeat_weekdays"] == "SA"


def test_end_must_be_after_start(calendar):
    form = form_for(calendar, end="2026-11-07 09:00")

    assert not form.is_valid()
    assert errors(form)["end"] == "结束时间必须晚于开始时间。"


def test_all_day_activity_covers_whole_days(calendar):
    form = form_for(calendar, all_day="on", start="2026-11-29 10:00", end="2026-12-03 08:00")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["start"].hour == 0
    assert (form.cleaned_data["end"] - form.cleaned_data["start"]).days == 5


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"status": "cancelled"}, "status_reason", "请填写取消或延期的原因。"),
        (
            {"postponed_to": "2026-11-20 09:30"},
            "postponed_to",
            "只有“已延期”的活动才需要填写新的时间。",
        ),
        (
            {"status": "postponed", "status_reason": "检修", "postponed_to": "2026-11-01 09:00"},
            "postponed_to",
            "新的时间应晚于原定的开始时间。",
        ),
        ({"repeat": "WEEKLY"}, "repeat_until", "请填写“重复次数”或“重复到哪天”，让重复有个结束。"),
        (
            {"repeat": "WEEKLY", "repeat_count": "5", "repeat_until": "2026-12-31"},
            "repeat_until",
            "“重复次数”和“重复到哪天”只填一项。",
        ),
        (
            {"repeat": "DAILY", "repeat_count": "9999"},
            "repeat_count",
            "重复次数应在 1 到 500 之间。",
        ),
        (
            {"repeat": "DAILY", "repeat_count": "3", "repeat_interval": "99"},
            "repeat_interval",
            "间隔应在 1 到 30 之间。",
        ),
        (
            {"repeat": "DAILY", "repeat_until": "2026-10-01"},
            "repeat_until",
            "重复的结束日期不能早于活动开始日期。",
        ),
        ({"repeat": "DAILY", "repeat_until": "2040-01-01"}, "repeat_until", "重复最长 5 年。"),
    ],
)
def test_rule_and_status_messages(calendar, fields, field, message):
    form = form_for(calendar, **fields)

    assert not form.is_valid()
    assert errors(form)[field] == message


def test_exception_date_must_be_an_occurrence(calendar):
    form = form_for(
        calendar,
        exceptions=[{"date": "2026-11-15", "action": "cancel"}],
        repeat="WEEKLY",
        repeat_count="4",
    )

    assert not form.is_valid()
    exception_errors = form.formsets["exceptions"].forms[0].errors
    assert exception_errors["date"] == ["这一天没有这项活动，请选择重复活动中的某一天。"]


def test_moving_an_occurrence_needs_a_new_time(calendar):
    form = form_for(
        calendar,
        exceptions=[{"date": "2026-11-14", "action": "move"}],
        repeat="WEEKLY",
        repeat_count="4",
    )

    assert not form.is_valid()
    assert form.formsets["exceptions"].forms[0].errors["new_start"] == [
        "改期时请填写新的开始时间。"
    ]


def test_exceptions_only_for_series(calendar):
    form = form_for(calendar, exceptions=[{"date": "2026-11-07", "action": "cancel"}])

    assert not form.is_valid()
    assert "只有重复的活动才能调整某一次" in form.formsets["exceptions"].forms[0].errors["date"][0]


def test_valid_exception_passes(calendar):
    form = form_for(
        calendar,
        exceptions=[
            {
                "date": "2026-11-14",
                "action": "move",
                "new_start": "2026-11-15 14:00",
                "note": "改周日",
            }
        ],
        repeat="WEEKLY",
        repeat_count="4",
    )

    assert form.is_valid(), (form.errors, form.formsets["exceptions"].errors)


def test_weekly_start_must_be_one_of_the_chosen_days(calendar):
    form = form_for(
        calendar, repeat="WEEKLY", repeat_weekdays=["TU", "TH"], repeat_count="3"
    )  # a Saturday

    assert not form.is_valid()
    assert "开始日期必须是所选的某一天" in errors(form)["repeat_weekdays"]


def test_a_series_cannot_be_postponed_as_a_whole(calendar):
    form = form_for(
        calendar,
        repeat="WEEKLY",
        repeat_count="3",
        status="postponed",
        status_reason="检修",
        postponed_to="2026-11-20 09:30",
    )

    assert not form.is_valid()
    assert "请用“单次调整”改期某一次" in errors(form)["postponed_to"]


def test_two_adjustments_for_one_date_are_refused(calendar):
    form = form_for(
        calendar,
        exceptions=[
            {"date": "2026-11-14", "action": "cancel"},
            {"date": "2026-11-14", "action": "note", "note": "备注"},
        ],
        repeat="WEEKLY",
        repeat_count="4",
    )

    assert not form.is_valid()
    assert form.formsets["exceptions"].forms[1].errors["date"] == [
        "这一天已经有一条调整，请合并成一条。"
    ]
