"""Demo content of the activities app: the calendar, then schools, campaigns and
write-ups (which link to the calendar's activities)."""

from activities.demo import calendar, campaigns


def build(stdout):
    calendar.build(stdout)
    campaigns.build(stdout)
