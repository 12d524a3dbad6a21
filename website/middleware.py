"""Project-wide middleware."""

from django.utils.cache import patch_vary_headers


class VaryOnCookieMiddleware:
    """Public pages differ by the 大字模式 cookie: say so, so that no cache (a browser's,
    a proxy's or our own) serves a large-text page to someone who did not ask for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["Cookie"])
        return response
