"""主题教育活动列表页: the index of campaigns, with filters by kind and year."""

from django.http import Http404
from django.utils import timezone

from activities.models.campaigns import KINDS, CampaignPage
from home.filters import filter_values
from home.models import BasePage
from home.pagination import paginate

CAMPAIGNS_PER_PAGE = 12


class CampaignIndexPage(BasePage):
    """主题教育活动: running campaigns first, then upcoming, then finished; filters by kind
    and year."""

    is_section_index = True  # a section's front page, found by site_tags.site_index

    subpage_types = ["activities.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "主题教育活动列表页"
        verbose_name_plural = "主题教育活动列表页"

    def campaigns(self):
        return CampaignPage.objects.child_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        values = filter_values(request)
        campaigns = self.campaigns()
        filters = {}
        if values["kind"]:
            if values["kind"] not in dict(KINDS):
                raise Http404("没有这种活动")
            filters["kind"] = (values["kind"], dict(KINDS)[values["kind"]])
            campaigns = campaigns.filter(kind=values["kind"])
        if values["year"]:
            filters["year"] = values["year"]
            campaigns = campaigns.filter(
                start_date__year__lte=values["year"], end_date__year__gte=values["year"]
            )
        today = timezone.localdate()
        ordered = sorted(campaigns, key=lambda campaign: campaign.sort_key(today))
        context.update(
            {
                "page_obj": paginate(request, ordered, CAMPAIGNS_PER_PAGE),
                "filters": filters,
                "kinds": KINDS,
                "years": self.years(),
            }
        )
        return context

    def years(self):
        """Every year some campaign runs in, newest first."""
        spans = self.campaigns().values_list("start_date__year", "end_date__year")
        return sorted({y for first, last in spans for y in range(first, last + 1)}, reverse=True)
