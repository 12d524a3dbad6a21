"""Small public views of the foundation app."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def text_size(request):
    """Switch 大字模式 on or off and go back to the page the visitor came from.

    A plain link (GET) so that it works without JavaScript; it sets a state rather than
    toggling one, so repeating the request is harmless.
    """
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if request.GET.get("size") == "large":
        response.set_cookie(
            settings.LARGE_TEXT_COOKIE,
            "1",
            max_age=settings.LARGE_TEXT_COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
    else:
        response.delete_cookie(settings.LARGE_TEXT_COOKIE, samesite="Lax")
    return response


def robots_txt(request):
    """Keep crawlers out of the admin and the switches; point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /text-size/",
        "Disallow: /activity-signup/",
        "Disallow: /school/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
