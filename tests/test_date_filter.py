"""cn_date: the one filter for Chinese dates."""

import datetime
import zoneinfo

from home.templatetags.site_tags import cn_date

UTC = datetime.UTC


def test_date():
    assert cn_date(datetime.date(2026, 11, 22)) == "2026年11月22日"


def test_weekday_starts_the_week_on_monday():
    assert cn_date(datetime.date(2026, 11, 22), "weekday") == "2026年11月22日 星期日"
    assert cn_date(datetime.date(2026, 11, 23), "weekday") == "2026年11月23日 星期一"


def test_aware_datetime_is_shown_in_beijing_time():
    late_utc = datetime.datetime(2026, 11, 22, 18, 30, tzinfo=UTC)  # 02:30 next day in Beijing
    assert cn_date(late_utc, "weekday time") == "2026年11月23日 星期一 02:30"


def test_naive_datetime_and_empty_values():
    naive = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
    assert cn_date(naive.replace(tzinfo=None), "time") == "2026年1月5日 09:00"
    assert cn_date(None) == ""
    assert cn_date("") == ""
