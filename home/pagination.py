"""The one pagination helper: a page of results, or a 404 for a page that does not exist."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from home import pagecache


def paginate(request, items, per_page, param="page", count_key=None):
    """Return the requested page of ``items``; a missing, malformed or out-of-range number
    gives a 404 (a wrong page number is a wrong address, not a server error).

    With ``count_key`` (naming this list and its filters), the number of items is kept in
    the shared cache until the next change (``pagecache.remember``): a listing whose rows
    sit in a cached section of the template then costs no query at all to check the page.
    """
    paginator = Paginator(items, per_page)
    if count_key is not None:
        count = pagecache.remember(f"count:{count_key}", lambda: Paginator(items, 1).count)
        paginator.count = count  # instead of its cached_property
    number = request.GET.get(param, "1")
    try:
        page = paginator.page(number)
    except (PageNotAnInteger, EmptyPage) as error:
        # An empty list still has page 1 (with an empty state), never page 2.
        raise Http404("页码不存在") from error
    # 1 … 4 5 [6] 7 8 … 20, for includes/pagination.html
    page.elided_range = list(
        paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return page
