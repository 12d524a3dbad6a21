"""StreamField blocks shared by every page type's body."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="标题文字", max_length=120)
    level = blocks.ChoiceBlock(
        label="级别",
        choices=[("h2", "二级标题"), ("h3", "三级标题")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "小标题"
        template = "includes/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label="图片")
    caption = blocks.CharBlock(label="图片说明", required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "图片"
        template = "includes/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="引文")
    attribution = blocks.CharBlock(label="出处", required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = "引用"
        template = "includes/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="文件")
    title = blocks.CharBlock(label="显示名称", required=False, help_text="留空则使用文件标题")

    class Meta:
        icon = "doc-full"
        label = "附件下载"
        template = "includes/blocks/document.html"


class LinkValue(blocks.StructValue):
    """A link's target, whichever of page or URL was given."""

    @property
    def href(self):
        """The link's address; empty when its page is not published (the link is hidden)."""
        return self.href_for(None)

    def href_for(self, request):
        """``href``, with the site root paths Wagtail keeps on the request (not another
        read of the cache for every link): the ``link_href`` template tag."""
        page = self.get("page")
        if page:
            return (page.get_url(request) or "") if page.live else ""
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    """A labelled link to a page of this site or to an external address (exactly one)."""

    title = blocks.CharBlock(label="链接文字", max_length=60)
    page = blocks.PageChooserBlock(label="本站页面", required=False)
    url = blocks.URLBlock(label="外部网址", required=False)

    class Meta:
        icon = "link"
        label = "链接"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "请在“本站页面”和“外部网址”中二选一填写。"
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value


class BodyBlock(blocks.StreamBlock):
    """The body of content pages: text, headings, images, quotes, tables, files, media."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="正文", features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(
        label="表格",
        template="includes/blocks/table.html",
        table_options={
            "contextMenu": [
                "row_above",
                "row_below",
                "col_left",
                "col_right",
                "remove_row",
                "remove_col",
                "undo",
                "redo",
            ]
        },
    )
    document = DocumentLinkBlock()
    embed = EmbedBlock(label="视频/外部媒体", template="includes/blocks/embed.html")
