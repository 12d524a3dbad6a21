"""五老风采: public rosters of volunteers who agreed to be shown."""

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel

from home.images import with_renditions
from home.models import BasePage

from .volunteer import Team, Volunteer

PHOTO_RENDITION = "fill-240x300|format-webp"


class VolunteerRosterPage(BasePage):
    """Approved volunteers who consented to a public profile, team by team: name, category,
    expertise, photo and bio. Nothing else about them is ever shown."""

    teams = ParentalManyToManyField(
        Team, verbose_name="显示哪些团队", blank=True, help_text="不选则显示全部团队"
    )

    content_panels = [*BasePage.content_panels, FieldPanel("teams"), BasePage.tags_panel]
    subpage_types = []

    class Meta:
        verbose_name = "志愿者风采页"
        verbose_name_plural = "志愿者风采页"

    def roster(self):
        """[(team, [volunteers])] for the chosen teams, in two queries whatever the size."""
        teams = list(self.teams.all()) or list(Team.objects.all())
        shown = (
            Volunteer.objects.filter(status="approved", public_profile=True, teams__in=teams)
            .distinct()
            .order_by("name")
            .only("pk", "name", "category", "bio", "photo")
            .prefetch_related("expertise", "teams")
        )
        shown = with_renditions(shown, "photo", PHOTO_RENDITION)
        by_team = {team.pk: [] for team in teams}
        for volunteer in shown:
            for team in volunteer.teams.all():
                if team.pk in by_team:
                    by_team[team.pk].append(volunteer)
        return [(team, by_team[team.pk]) for team in teams]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["roster"] = self.roster()
        return context
