"""Site-wide settings editable by staff: identity, contact details, filing numbers."""

import re

from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home import pagecache
from home.blocks import LinkBlock

ICP_FILING_URL = "https://beian.miit.gov.cn/"
POLICE_FILING_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Committee name, logo, contacts and the filing numbers shown in every page footer."""

    # Every page shows the logo and the QR code: fetch them with the settings, not after.
    select_related = ["logo", "wechat_qr"]

    committee_name = models.CharField("机构全称", max_length=60, default="关心下一代工作委员会")
    short_name = models.CharField("简称", max_length=20, blank=True, help_text="例如：某某区关工委")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="标志",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField("地址", max_length=120, blank=True)
    postcode = models.CharField("邮编", max_length=6, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    office_hours = models.CharField("办公时间", max_length=60, blank=True)
    wechat_name = models.CharField("微信公众号名称", max_length=40, blank=True)
    wechat_qr = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="微信公众号二维码",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    icp_number = models.CharField(
        "ICP备案号", max_length=40, blank=True, help_text="例如：京ICP备12345678号-1"
    )
    police_number = models.CharField(
        "公安备案号", max_length=40, blank=True, help_text="例如：京公网安备11010502000001号"
    )
    footer_links = StreamField(
        [("link", LinkBlock())], verbose_name="页脚链接", blank=True, max_num=8
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("committee_name"), FieldPanel("short_name"), FieldPanel("logo")],
            heading="机构信息",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
            ],
            heading="联系方式",
        ),
        MultiFieldPanel([FieldPanel("wechat_name"), FieldPanel("wechat_qr")], heading="微信"),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("police_number")], heading="备案信息"
        ),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "网站设置"
        verbose_name_plural = "网站设置"

    def __str__(self):
        return self.committee_name

    @classmethod
    def for_site(cls, site):
        """The settings, as every page reads them: kept in the shared cache until the next
        change (with the logo, the QR code and the footer links already resolved)."""

        def read():
            instance = super(SiteSettings, cls).for_site(site)
            instance.footer_link_items  # noqa: B018 (resolved before it is cached)
            return instance

        return pagecache.remember(f"sitesettings:{site.pk}", read, every_page=True)

    @cached_property
    def footer_link_items(self):
        """(address, text) of each footer link whose page is published or that is external."""
        return [
            (link.value.href, link.value["title"]) for link in self.footer_links if link.value.href
        ]

    @property
    def display_name(self):
        return self.short_name or self.committee_name

    @property
    def icp_url(self):
        return ICP_FILING_URL

    @property
    def police_url(self):
        """The public-security filing lookup for the record code in the filing number."""
        code = "".join(re.findall(r"\d", self.police_number))
        return POLICE_FILING_URL.format(code=code) if code else ""
