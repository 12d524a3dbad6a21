"""The one pagination helper: a page of results, or a 404 for a page that does not exist."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page, param="page"):
    """Return the requested page of ``items``; a missing, malformed or out-of-range number
    gives a 404 (a wrong page number is a wrong address, not a server error)."""
    paginator = Paginator(items, per_page)
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
