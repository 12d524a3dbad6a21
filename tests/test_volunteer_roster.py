"""五老风采: only approved volunteers who consented, and only their public fields."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from volunteers.models import Expertise, Team, Volunteer, VolunteerRosterPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def roster():
    page = VolunteerRosterPage(title="五老风采", slug="wulao")
    factories.home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def volunteer(team, number, **fields):
    values = {
        "name": f"志愿者{number}",
        "phone": f"1390000{number:04d}",
        "status": "approved",
        "public_profile": True,
        "birth_year": 1950,
        "street": "秘密街道",
        "email": f"v{number}@x.example",
    }
    values.update(fields)
    person = Volunteer(**values)
    person.save()
    person.teams.set([team])
    person.expertise.set(Expertise.objects.all()[:1])
    person.save()
    return person


def test_roster_shows_only_approved_volunteers_who_consented(client, roster):
    team = Team.objects.create(name="五老宣讲团", description="走进学校")
    volunteer(team, 1, name="王老师", bio="教了三十年书。")
    volunteer(team, 2, name="未同意公开", public_profile=False)
    volunteer(team, 3, name="待审核的人", status="pending")
    volunteer(team, 4, name="已退出的人", status="withdrawn")
    volunteer(team, 5, name="未通过的人", status="rejected")

    html = client.get("/wulao/").content.decode()

    assert "五老宣讲团" in html
    assert "王老师" in html
    assert "教了三十年书。" in html
    assert "宣讲" in html  # expertise
    for hidden in ["未同意公开", "待审核的人", "已退出的人", "未通过的人"]:
        assert hidden not in html
    for private in ["13900000001", "秘密街道", "1950", "v1@x.example"]:
        assert private not in html


def test_roster_queries_do_not_grow_with_volunteers(client, roster):
    team = Team.objects.create(name="读书辅导团")
    for number in range(3):
        volunteer(team, number)
    client.get("/wulao/")
    with CaptureQueriesContext(connection) as few:
        client.get("/wulao/")
    for number in range(3, 40):
        volunteer(team, number)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/wulao/").content.decode()

    assert "志愿者39" in html
    assert len(many) == len(few)


def test_roster_can_show_chosen_teams_only(client, roster):
    shown = Team.objects.create(name="法治教育团")
    other = Team.objects.create(name="家庭教育指导团")
    volunteer(shown, 1, name="法治志愿者")
    volunteer(other, 2, name="家教志愿者")
    roster.teams.set([shown])
    roster.save_revision().publish()

    html = client.get("/wulao/").content.decode()

    assert "法治志愿者" in html
    assert "家教志愿者" not in html
