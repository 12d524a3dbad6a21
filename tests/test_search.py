"""Site search: Chinese words, ranking, the results page, freshness and privacy."""

import ast
import datetime
import hashlib
import importlib.util
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from home.models.base import site_pages
from home.search import results, words
from tests import factories

pytestmark = pytest.mark.django_db


def found(query):
    return [page.title for page in results.search(query, factories.home_page()).hits]


# --- words ---------------------------------------------------------------------------------


def test_the_committees_terms_stay_whole():
    assert words.query_words("五老助双减") == ["五老", "双减"]
    assert words.query_words("法治副校长进校园")[0] == "法治副校长"
    assert words.query_words("家校社共育咨询室")[0] == "家校社共育"
    assert "关工委" in words.query_words("区关工委2024年工作要点")


def test_index_words_keep_the_shorter_words_inside_longer_ones():
    indexed = words.index_words("青少年法治宣传教育活动").split()
    for word in ["青少年", "少年", "法治", "宣传", "教育", "宣传教育", "活动"]:
        assert word in indexed


def test_traditional_text_is_indexed_and_queried_in_simplified():
    assert "读书会" in words.index_words("讀書會").split()
    assert words.query_words("讀書會") == ["读书会"]


def test_query_words_drop_punctuation_and_stop_words():
    assert words.query_words("“读书”的活动！") == ["读书", "活动"]
    assert words.query_words("，。！") == []


# --- finding pages ---------------------------------------------------------------------------


def test_the_titles_from_the_issue_are_found_by_their_words():
    factories.standard_page(title="关爱明天、普法先行——青少年法治宣传教育活动", slug="law")
    factories.standard_page(title="红领巾阅读推广计划读书教育活动", slug="reading")
    law, reading = (
        "关爱明天、普法先行——青少年法治宣传教育活动",
        "红领巾阅读推广计划读书教育活动",
    )
    for query in ["普法", "法治宣传", "青少年", "关爱明天"]:
        assert found(query) == [law], query
    for query in ["阅读", "读书", "红领巾", "推广计划"]:
        assert found(query) == [reading], query


def test_body_text_mixed_queries_and_both_scripts():
    index = factories.news_index()
    factories.news_page(
        index,
        title="区关工委印发2026年工作要点",
        body=[("paragraph", "<p>今年将举办第五届读书征文，落实《个人信息保护法》（PIPL）。</p>")],
    )
    factories.news_page(
        index, title="兩地學生讀書交流", body=[("paragraph", "<p>澳門學生分享讀書筆記。</p>")]
    )
    assert found("2026年工作要点") == ["区关工委印发2026年工作要点"]
    assert found("第五届") == ["区关工委印发2026年工作要点"]
    assert found("PIPL") == ["区关工委印发2026年工作要点"]
    assert found("pipl") == ["区关工委印发2026年工作要点"]
    assert found("读书笔记") == ["兩地學生讀書交流"]
    assert found("澳门") == ["兩地學生讀書交流"]
    assert found("工作要點") == ["区关工委印发2026年工作要点"]


def pages_of(hits):
    """The pages of search hits (``results.Match`` rows), in their order."""
    pages = Page.objects.in_bulk([hit.pk for hit in hits])
    return [pages[hit.pk] for hit in hits]


@pytest.mark.parametrize("operator", ["and", "or"])
@pytest.mark.parametrize("query", ["五老", "读书 活动", "不存在的词语"])
def test_matches_read_as_values_are_the_pages_found_best_first(query, operator):
    # The search page reads its matches as plain values (``rows``), not a model instance
    # each: the same pages the stock search finds (unscored, its own code path), with the
    # titles and types of those pages, ordered by a score that tells them apart.
    call_command("load_demo", stdout=io.StringIO())
    home = factories.home_page()
    pages = site_pages().live().public().descendant_of(home, inclusive=True)
    fields = results.Match._fields[:-1]

    rows = pages.search(query, operator=operator).annotate_score("_score").rows(*fields)
    stock = pages.search(query, operator=operator, order_by_relevance=False)

    assert sorted(row[0] for row in rows) == sorted(page.pk for page in stock)
    expected = {page.pk: (page.title, page.content_type_id) for page in stock}
    assert all((row[1], row[3]) == expected[row[0]] for row in rows)
    if query == "不存在的词语":
        assert rows == []
        return
    assert len(rows) > 3
    # Best first: bm25 grows (SQLite), rank falls (PostgreSQL); the scores differ.
    scores = [row[-1] for row in rows]
    best_first = sorted(scores, reverse=connection.vendor == "postgresql")
    assert scores == best_first
    assert len(set(scores)) > 1


def test_work_plans_are_found_by_the_text_of_a_single_point():
    call_command("load_demo", stdout=io.StringIO())
    hits = results.search("双减", factories.home_page()).hits
    assert any(page.specific_class.__name__ == "WorkPlanPage" for page in pages_of(hits))


def test_a_query_with_no_page_holding_every_word_falls_back_to_some_words():
    factories.standard_page(title="读书活动", slug="reading")
    outcome = results.search("读书 不存在的词语", factories.home_page())
    assert outcome.partial
    assert [page.title for page in outcome.hits] == ["读书活动"]


# --- ranking ----------------------------------------------------------------------------------


def test_title_matches_rank_above_body_matches():
    factories.standard_page(
        title="工作动态",
        slug="body",
        body=[("paragraph", "<p>法治副校长法治副校长法治副校长座谈。</p>")],
    )
    factories.standard_page(title="全区法治副校长座谈会", slug="title")
    assert found("法治副校长") == ["全区法治副校长座谈会", "工作动态"]


def test_newer_first_among_equals():
    index = factories.news_index()
    older = factories.news_page(index, title="读书会（一）")
    newer = factories.news_page(index, title="读书会（二）")
    now = timezone.now()
    Page.objects.filter(pk=older.pk).update(first_published_at=now - datetime.timedelta(days=30))
    Page.objects.filter(pk=newer.pk).update(first_published_at=now)
    assert found("读书会") == ["读书会（二）", "读书会（一）"]
    Page.objects.filter(pk=older.pk).update(first_published_at=now + datetime.timedelta(days=1))
    assert found("读书会") == ["读书会（一）", "读书会（二）"]


def test_a_tag_holding_the_query_ranks_the_page_above_text_matches():
    index = factories.news_index()
    factories.news_page(
        index, title="通知", body=[("paragraph", "<p>家庭教育家庭教育家庭教育。</p>")]
    )
    factories.news_page(index, title="周末讲堂开讲", tags=["家庭教育"])
    assert found("家庭教育") == ["周末讲堂开讲", "通知"]


# --- freshness and privacy -------------------------------------------------------------------


def test_the_index_follows_publish_unpublish_move_and_delete():
    page = factories.standard_page(title="冬季读书会", slug="winter", live=False)
    assert found("冬季读书会") == []  # a draft
    page.save_revision().publish()
    assert found("冬季读书会") == ["冬季读书会"]

    page.title = "冬季读书会（改期）"
    page.save_revision().publish()
    assert found("改期") == ["冬季读书会（改期）"]

    private_parent = factories.standard_page(title="内部资料", slug="internal")
    PageViewRestriction.objects.create(page=private_parent, restriction_type="login")
    page.move(private_parent, pos="last-child")
    assert found("冬季读书会") == []  # moved under a page that needs a login
    page.refresh_from_db()
    page.move(factories.home_page(), pos="last-child")
    assert found("冬季读书会") == ["冬季读书会（改期）"]

    page.refresh_from_db()
    page.unpublish()
    assert found("冬季读书会") == []
    page.save_revision().publish()
    page.delete()
    assert found("冬季读书会") == []
    from wagtail.search.models import IndexEntry

    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_unpublished_changes_of_a_live_page_are_not_searchable():
    page = factories.standard_page(title="家长学校", slug="parents")
    page.title = "家长学校（草稿里的秘密标题）"
    page.save_revision()  # saved, not published
    assert found("秘密标题") == []
    assert found("家长学校") == ["家长学校"]


def test_update_index_rebuilds_the_index(capsys):
    factories.standard_page(title="五老宣讲团", slug="lectures")
    from wagtail.search.models import IndexEntry

    IndexEntry.objects.all().delete()
    assert found("宣讲团") == []
    call_command("update_index", stdout=io.StringIO())
    assert found("宣讲团") == ["五老宣讲团"]


def test_private_pages_drafts_and_unpublished_write_ups_never_appear(client):
    index = factories.writeup_index()
    factories.writeup(index, title="待审核的学校报道：星光小学", live=False)
    restricted = factories.standard_page(title="星光内部通知", slug="private")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    factories.standard_page(title="星光草稿", slug="draft", live=False)
    factories.standard_page(title="星光公开页面", slug="public")
    response = client.get("/search/", {"q": "星光"})
    html = response.content.decode()
    assert "<mark>星光</mark>公开页面" in html
    for secret in ["待审核", "内部通知", "草稿"]:
        assert secret not in html


# --- the results page ------------------------------------------------------------------------


def test_every_page_has_the_search_box_in_its_header(client):
    factories.standard_page(title="关于我们", slug="about")
    for url in ["/", "/about/"]:
        html = client.get(url).content.decode()
        assert 'role="search"' in html
        assert 'action="/search/"' in html
        assert 'name="q"' in html


def test_results_page_filters_by_type_with_counts_and_highlights(client):
    index = factories.news_index()
    factories.news_page(index, title="读书征文评选揭晓")
    factories.news_page(index, title="暑期读书推荐")
    factories.standard_page(
        title="关于我们", slug="about", body=[("paragraph", "<p>组织读书活动。</p>")]
    )

    response = client.get("/search/", {"q": "读书"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "找到 3 条" in html
    assert '新闻<span class="filters__count">2</span>' in html
    assert '栏目和页面<span class="filters__count">1</span>' in html
    assert "<mark>读书</mark>" in html
    assert "noindex" in html

    response = client.get("/search/", {"q": "读书", "type": "newspage"})
    html = response.content.decode()
    assert "找到 2 条" in html
    assert "关于我们" not in html.split('class="search-results"')[1]

    response = client.get("/search/", {"q": "读书", "type": "pages"})
    assert "找到 1 条" in response.content.decode()

    # An unknown type is ignored rather than an error.
    response = client.get("/search/", {"q": "读书", "type": "nonsense"})
    assert "找到 3 条" in response.content.decode()


def test_snippet_shows_the_passage_around_the_match():
    page = factories.standard_page(
        title="关于我们",
        slug="about",
        intro="",
        body=[("paragraph", "<p>" + "青禾区的情况介绍。" * 20 + "五老读书辅导团每月进校园。</p>")],
    )
    snippet = str(results.snippet(page.specific, ["读书"]))
    assert snippet.startswith("…")
    assert "<mark>读书</mark>" in snippet


def test_traditional_text_is_highlighted_in_its_own_script():
    html = str(results.highlight("澳門學生分享讀書筆記", ["读书"]))
    assert html == "澳門學生分享<mark>讀書</mark>筆記"


def test_queries_are_escaped(client):
    factories.standard_page(title="读书", slug="reading")
    response = client.get("/search/", {"q": '<script>alert("x")</script>读书'})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_pagination_and_a_page_that_does_not_exist(client):
    index = factories.news_index()
    for number in range(12):
        factories.news_page(index, title=f"五老宣讲第{number + 1}场", revision=False)
    first = client.get("/search/", {"q": "五老宣讲"}).content.decode()
    second = client.get("/search/", {"q": "五老宣讲", "page": 2}).content.decode()
    assert first.count('class="search-result"') == 10
    assert second.count('class="search-result"') == 2
    assert client.get("/search/", {"q": "五老宣讲", "page": 9}).status_code == 404
    assert client.get("/search/", {"q": "五老宣讲", "page": "abc"}).status_code == 404


def test_nothing_found_offers_tags_the_calendar_and_the_other_script(client):
    factories.calendar_page()
    page = factories.standard_page(title="家长学校", slug="parents")
    page.tags.add("家庭教育")
    page.save_revision().publish()
    response = client.get("/search/", {"q": "無此內容"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "没有找到与“無此內容”有关的内容" in html
    assert "“无此内容”" in html  # searched in simplified too
    assert "家庭教育" in html  # popular tags
    assert 'href="/calendar/"' in html


def test_empty_and_overlong_queries(client):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "找到" not in response.content.decode()
    response = client.get("/search/", {"q": "读" * 101})
    assert response.status_code == 200
    assert "搜索词太长了" in response.content.decode()


def test_results_page_queries_stay_constant_as_content_grows(client):
    index = factories.news_index()

    def measure():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", {"q": "五老宣讲"}).status_code == 200
        return len(queries)

    measure()  # content types and site settings are cached after the first request
    for number in range(10):
        factories.news_page(index, title=f"五老宣讲第{number}场", revision=False, tags=["五老"])
    at_ten = measure()
    for number in range(10, 100):
        factories.news_page(index, title=f"五老宣讲第{number}场", revision=False, tags=["五老"])
    assert measure() == at_ten
    assert at_ten <= 15


# --- the backend ------------------------------------------------------------------------------


def _stock_method_fingerprint(module, cls, method):
    """A hash of a method's source, read from the installed file (the SQLite module cannot be
    imported on PostgreSQL)."""
    path = Path(importlib.util.find_spec("modelsearch").origin).parent / module
    source = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == cls:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == method:
                    segment = ast.get_source_segment(source, item)
                    return hashlib.sha256(segment.encode()).hexdigest()[:16]
    return None


def test_stock_add_items_we_repeat_has_not_changed():
    """home/search/{sqlite,postgres}.py repeat the stock ``add_items`` with our indexer. If
    an upgrade of modelsearch changes the stock method, compare and update ours, then the
    fingerprints here."""
    sqlite = _stock_method_fingerprint(
        "backends/database/sqlite/sqlite.py", "SQLiteIndex", "add_items"
    )
    postgres = _stock_method_fingerprint(
        "backends/database/postgres/postgres.py", "PostgresIndex", "add_items"
    )
    assert (sqlite, postgres) == ("c48707b3a2e49006", "ada217d2c4eb42cd")


def test_stock_sqlite_search_we_rework_has_not_changed():
    """home/search/sqlite.py scores SQLite results with the stock compiler's index query but
    without its correlated score subquery. If an upgrade changes the stock ``search``,
    compare ``ChineseSQLiteQueryCompiler.scores`` and ``ChineseSQLiteSearchResults``."""
    assert (
        _stock_method_fingerprint(
            "backends/database/sqlite/sqlite.py", "SQLiteSearchQueryCompiler", "search"
        )
        == "5aef6c60116eb5a7"
    )


def _many_news(count, title="五老宣讲"):
    index = factories.news_index()
    for number in range(count):
        factories.news_page(index, title=f"{title}第{number}场", revision=False)
    return index


def test_scored_results_slice_count_and_order_like_the_whole_list():
    _many_news(30)
    searched = Page.objects.live().search("五老宣讲").annotate_score("_score")

    everything = list(searched)
    assert len(everything) == 30
    assert searched.count() == 30
    assert [page.pk for page in searched[5:15]] == [page.pk for page in everything[5:15]]
    assert all(page._score is not None for page in everything)
    ordered = [abs(page._score) for page in everything]
    # Best first: higher ts_rank on PostgreSQL, lower (more negative) bm25 on SQLite.
    assert ordered == sorted(ordered, reverse=True)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text backend")
def test_sqlite_scores_do_not_run_the_match_once_per_row():
    """The stock backend ran the full-text MATCH again in a subquery for every matching
    row (17 s for 3,600 hits of 5,000 pages); each statement here matches once."""
    _many_news(20)
    with CaptureQueriesContext(connection) as queries:
        list(Page.objects.live().search("五老宣讲").annotate_score("_score"))

    matching = [q["sql"] for q in queries if " MATCH " in q["sql"]]
    assert matching
    assert all(sql.count(" MATCH ") == 1 for sql in matching)


def test_the_menu_does_not_mark_the_home_page_current_on_the_search_page(client):
    home_html = client.get("/").content.decode()
    search_html = client.get("/search/", {"q": "读书"}).content.decode()
    assert 'href="/" aria-current="page"' in home_html
    assert 'href="/" aria-current="page"' not in search_html


def test_private_data_is_not_searchable(client):
    """Volunteer phones and school contacts are never found by the public search."""
    from activities.models import School
    from volunteers.models import Volunteer

    call_command("load_demo", stdout=io.StringIO())
    secrets = [v.phone for v in Volunteer.objects.all()[:5]]
    secrets += [s.contact_phone for s in School.objects.exclude(contact_phone="")[:3]]
    secrets += [s.contact_person for s in School.objects.exclude(contact_person="")[:3]]
    assert len(secrets) >= 8
    for secret in secrets:
        html = client.get("/search/", {"q": secret}).content.decode()
        results_part = html.partition('class="search-results"')[2].partition("</ol>")[0]
        assert secret not in results_part.replace("<mark>", "").replace("</mark>", "")


@pytest.mark.parametrize(
    "url", ["/admin/pages/search/", "/admin/choose-page/search/", "/admin/images/"]
)
def test_editors_search_pages_and_images_in_chinese_in_the_admin(admin_client, url):
    # Wagtail's admin searches with ``autocomplete()`` on our backend, scored and ranked.
    factories.standard_page(title="五老宣讲团成立", slug="lecturers")
    factories.image("五老宣讲团合影")

    response = admin_client.get(url, {"q": "五老"})

    assert response.status_code == 200
    assert "五老宣讲团" in response.content.decode()
