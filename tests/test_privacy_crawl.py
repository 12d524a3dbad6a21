"""No volunteer's private data, no phone of anyone who signed up for an activity, no
school's contact person or phone and no unpublished draft appears anywhere public: pages,
feeds, sitemap, JSON, ICS, sign-up forms, and the search results for each of those values."""

import io
import re
from urllib.parse import urldefrag, urlencode, urlparse

import pytest
from django.core.management import call_command

from volunteers.models import Registration, Volunteer

pytestmark = pytest.mark.django_db

SKIP = ("/admin/", "/documents/", "/media/", "/static/", "/text-size/")
PRIVATE = {
    "phone": "13912345678",
    "email": "secret.person@private.example.org",
    "street": "秘密街道甲",
    "staff_notes": "内部备注乙：身体不太好",
    "birth_year": 1937,
    "availability": "只在周三凌晨",
}


def crawl(client, start_urls, limit=500):
    seen, queue, bodies = set(), list(start_urls), {}
    while queue and len(seen) < limit:
        url = urldefrag(queue.pop(0))[0]
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or response.streaming:
            continue
        body = response.content.decode("utf-8", errors="replace")
        bodies[url] = body
        for link in re.findall(r'(?:href|src)="([^"]+)"|<loc>([^<]+)</loc>', body):
            target = (link[0] or link[1]).replace("&amp;", "&")
            parsed = urlparse(target)
            if parsed.netloc and parsed.netloc not in {"testserver", "127.0.0.1:8000"}:
                continue
            path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if path.startswith("/") and path not in seen:
                queue.append(path)
    return bodies


def test_no_private_value_of_any_volunteer_appears_in_public(client):
    call_command("load_demo", stdout=io.StringIO())
    Volunteer.objects.create(
        name="公开展示的志愿者", status="approved", public_profile=True, **PRIVATE
    )

    from activities.models import School, WriteUpPage

    schools = list(School.objects.values_list("contact_person", "contact_phone"))
    drafts = list(WriteUpPage.objects.filter(live=False).values_list("title", flat=True))
    # Whoever knows a private value must not find it, or its owner, through the search box.
    searched = [*PRIVATE.values(), *(value for pair in schools for value in pair), *drafts]
    bodies = crawl(
        client,
        [
            "/",
            "/sitemap.xml",
            "/news/rss/",
            "/news/atom/",
            "/calendar/ics/",
            "/calendar/json/",
            "/robots.txt",
            "/tags/",
            *(f"/search/?{urlencode({'q': value})}" for value in searched),
        ],
    )

    assert len(bodies) > 60  # the crawl really went through the site
    assert any(url.startswith("/activity-signup/") for url in bodies)  # sign-up forms too
    demo_phones = set(Volunteer.objects.values_list("phone", flat=True))
    demo_phones |= set(Registration.objects.values_list("phone", flat=True))
    assert len(demo_phones) > 40
    school_contacts = {phone for _person, phone in schools}
    school_contacts |= {f">{person}<" for person, _phone in schools}
    assert school_contacts
    assert drafts
    assert sum(url.startswith("/search/") for url in bodies) == len(set(searched))
    assert any("/campaigns/" in url for url in bodies)
    # Searching a draft's title finds the published pages that share its words: the
    # results below are really read.
    assert any('<ol class="search-results"' in bodies[url] for url in bodies if "/search/" in url)
    for url, body in bodies.items():
        if url.startswith("/search/"):
            # The results page repeats the words searched for; what it found is what counts.
            body = "".join(re.findall(r'<ol class="search-results".*?</ol>', body, re.S))
            body = re.sub(r"</?mark>", "", body)
        for name, value in PRIVATE.items():
            assert str(value) not in body, f"{name} on {url}"
        leaked = [phone for phone in demo_phones if phone in body]
        assert not leaked, f"phones {leaked} on {url}"
        leaked = [value for value in school_contacts | set(drafts) if value in body]
        assert not leaked, f"school contacts or drafts {leaked} on {url}"
