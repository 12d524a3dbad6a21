"""Query-string filters of public listings, validated: a bad value is a 404, never a 500.

One form for every listing (news, calendar, tag pages), so that a NUL byte, a full-width
digit or an absurd year is refused the same way everywhere.
"""

from django import forms
from django.core.validators import RegexValidator
from django.http import Http404
from django.shortcuts import get_object_or_404

from home.models.base import PageTag

MIN_YEAR, MAX_YEAR = 2000, 2100


class ListingFilterForm(forms.Form):
    category = forms.SlugField(required=False, max_length=50)
    audience = forms.SlugField(required=False, max_length=50)
    kind = forms.SlugField(required=False, max_length=20)
    school = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    campaign = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    tag = forms.CharField(required=False, max_length=100)
    year = forms.CharField(required=False, validators=[RegexValidator(r"^[0-9]{4}\Z", "年份有误")])

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not year:
            return None
        if not MIN_YEAR <= int(year) <= MAX_YEAR:
            raise forms.ValidationError("年份有误")
        return int(year)


def filter_values(request):
    """The cleaned ?category=, ?audience=, ?kind=, ?tag= and ?year= of ``request`` (or a
    404)."""
    form = ListingFilterForm(request.GET)
    if not form.is_valid():
        raise Http404("筛选条件有误")
    return form.cleaned_data


def public_tag_or_404(slug, pages=None):
    """A tag that some live, public page (of ``pages``) carries; tags used only on drafts,
    private pages, images or documents do not exist as far as the public is concerned."""
    if "\x00" in slug or len(slug) > 100:
        raise Http404("没有这个标签")
    return get_object_or_404(PageTag.public_tags(pages), slug=slug)
