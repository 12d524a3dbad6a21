"""The ceiling of the load benchmark: a WSGI app that answers every request with 20 KB of
HTML and does nothing else, served by the same gunicorn settings as the site."""

BODY = ("<!DOCTYPE html><title>ceiling</title>" + "<p>关心下一代</p>" * 1300).encode()[:20_000]
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
