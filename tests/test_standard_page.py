"""Standard pages: body blocks render, links validate, summary becomes the meta description."""

import pytest
from wagtail.blocks import StructBlockValidationError

from home.blocks import LinkBlock
from tests import factories

pytestmark = pytest.mark.django_db


def test_body_blocks_render(client):
    factories.standard_page(
        title="组织机构",
        slug="organisation",
        intro="区关工委下设办公室和四个工作部。",
        body=[
            ("heading", {"text": "办事机构", "level": "h2"}),
            ("paragraph", "<p>实行主任负责制。</p>"),
            ("quote", {"text": "孩子们的成长最重要。", "attribution": "一位老教师"}),
            (
                "table",
                {
                    "data": [["部门", "职责"], ["办公室", "日常事务"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "机构一览",
                },
            ),
            (
                "image",
                {
                    "image": {"image": factories.image(), "alt_text": "合影", "decorative": False},
                    "caption": "成立大会",
                },
            ),
        ],
    )

    html = client.get("/organisation/").content.decode()

    assert '<h1 class="article__title">组织机构</h1>' in html
    assert '<meta name="description" content="区关工委下设办公室和四个工作部。">' in html
    assert '<h2 class="block-heading">办事机构</h2>' in html
    assert "<p>实行主任负责制。</p>" in html
    assert "—— 一位老教师" in html
    assert "<caption>机构一览</caption>" in html
    table = "".join(html.split("<table", 1)[1].split("</table>", 1)[0].split())
    assert "<thead>" in table
    assert '<thscope="col">部门</th>' in table
    assert "<td>办公室</td>" in table
    assert "<td>日常事务</td>" in table
    assert 'alt="合影"' in html
    assert "<figcaption>成立大会</figcaption>" in html
    from django.utils import timezone

    assert f"更新日期：{timezone.localdate():%Y}年" in html


def test_tags_are_shown(client):
    page = factories.standard_page(title="家长学校", slug="parents")
    page.tags.add("家庭教育", "五老")
    page.save_revision().publish()

    html = client.get("/parents/").content.decode()

    assert ">家庭教育</a>" in html
    assert ">五老</a>" in html


@pytest.mark.parametrize(
    "value",
    [
        {"title": "两者都填", "page": None, "url": ""},
        {"title": "两者都填", "page": "HOME", "url": "https://example.org/"},
    ],
)
def test_link_block_needs_exactly_one_target(value):
    if value["page"] == "HOME":
        value["page"] = factories.home_page()
    block = LinkBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({**value, "page": getattr(value["page"], "pk", None)}))

    assert "二选一" in str(error.value.block_errors["page"])


def test_link_block_accepts_a_page_or_a_url():
    block = LinkBlock()
    home = factories.home_page()

    to_page = block.clean(block.to_python({"title": "首页", "page": home.pk, "url": ""}))
    to_url = block.clean(
        block.to_python({"title": "外站", "page": None, "url": "https://example.org/"})
    )

    assert to_page.href == "/"
    assert to_url.href == "https://example.org/"
