"""Accessibility of every public page type in Chromium, at 1280px and 375px, in normal and
大字模式: axe-core's WCAG 2.2 A/AA rules (no serious or critical violation), and our own
checks of the 适老化 numbers in shared/domain.md: body text ≥ 18px in 大字模式, targets
≥ 44×44 (60×60 in 大字模式), no sideways scrolling at 375px, a visible keyboard focus.

axe-core comes from npm (`make test-tools`, package.json) and is put into the page by
Playwright from the local file: nothing is fetched from elsewhere.
"""

import json
from pathlib import Path

import pytest
from wagtail.models import Page

from activities.models import School
from home.models import PageTag
from volunteers.models import ActivitySignup

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every visible control a finger or a mouse aims at on its own (links inside running text
# are exempt, as in WCAG 2.5.8): buttons, fields, the menu, filters, pagination, cards.
TARGETS = ", ".join(
    [
        "button",
        "input:not([type=hidden]):not([type=checkbox]):not([type=radio])",
        "select",
        "label.form__choice",
        "a.button",
        "a.main-nav__link",
        "a.filters__link",
        ".pagination a",
        "a.text-size-switch",
        "a.tag",
        "a.quick-link",
        ".brand",
    ]
)
CHECKS = """([targets, minimum, largeText]) => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0
      && getComputedStyle(el).visibility !== "hidden"
      && !el.closest(".visually-hidden, .skip-link, [aria-hidden=true]");
  };
  const describe = (el) => {
    const classes = String(el.className || "").trim().split(/\\s+/).filter(Boolean);
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    return [el.tagName.toLowerCase(), ...classes].join(".") + " “" + text.slice(0, 20) + "”";
  };
  const small = [];
  for (const el of document.querySelectorAll(targets)) {
    if (!visible(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width < minimum - 0.5 || box.height < minimum - 0.5) {
      small.push(`${describe(el)} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  const tinyText = [];
  const text = ["p", "li", "dd", "dt", "td", "th", "label", "legend", "a", "button", "h1",
    "h2", "h3", "input:not([type=checkbox]):not([type=radio])", "select", "textarea"];
  if (largeText) {
    for (const el of document.querySelectorAll(text.map((t) => "main " + t).join(", "))) {
      if (!visible(el) || !(el.innerText || el.value || "").trim()) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 18) tinyText.push(`${describe(el)} ${size}px`);
    }
  }
  return {
    small: [...new Set(small)],
    tinyText: [...new Set(tinyText)],
    sideways: document.documentElement.scrollWidth > window.innerWidth,
  };
}"""


def public_addresses():
    """One live page of every type, and the routes that are not pages of their own."""
    first = {}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        first.setdefault(page.specific_class.__name__, page.url)
    tag = PageTag.objects.select_related("tag").order_by("tag__name").first().tag
    signup = ActivitySignup.objects.filter(is_open=True).order_by("pk").first()
    school = School.objects.order_by("pk").first()
    return [
        *first.values(),
        "/calendar/2026/12/",
        "/calendar/2026/12/6/",
        "/calendar/upcoming/",
        "/calendar/past/",
        "/search/?q=读书",
        "/search/?q=没有这个词的结果",
        "/tags/",
        f"/tags/{tag.slug}/",
        f"/school-news/school/{school.pk}/",
        f"/activity-signup/{signup.activity_id}/",
        "/school/login/",
        "/no-such-page/",
    ]


def audit(page, large_text):
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    minimum = 60 if large_text else 44
    ours = page.evaluate(CHECKS, [TARGETS, minimum, large_text])
    return violations, ours


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_every_public_page_type_passes_the_audits(
    demo_site, open_page, live_server, viewport, large_text
):
    assert AXE.exists(), "axe-core is missing: run `make test-tools`"
    addresses = public_addresses()
    page = open_page("/", viewport, large_text=large_text)
    problems = {}
    for address in addresses:
        page.goto(live_server.url + address)
        violations, ours = audit(page, large_text)
        found = {
            "axe": violations,
            "targets too small": ours["small"],
            "text below 18px": ours["tinyText"],
        }
        if viewport == "mobile" and ours["sideways"]:
            found["sideways scrolling"] = [page.evaluate("document.documentElement.scrollWidth")]
        found = {kind: items for kind, items in found.items() if items}
        if found:
            problems[address] = found
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
def test_the_keyboard_focus_is_always_visible(demo_site, open_page, large_text):
    page = open_page("/", "desktop", large_text=large_text)
    unseen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => { const el = document.activeElement; const s = getComputedStyle(el);
            return {what: el.tagName + " " + (el.innerText || el.value || "").trim().slice(0, 12),
                    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
                    shadow: s.boxShadow !== "none"}; }"""
        )
        if not (style["outline"] or style["shadow"]):
            unseen.append(style["what"])
    assert unseen == []


def test_the_audit_finds_a_violation_when_there_is_one(restore_migrated_data, open_page):
    """A button without a name and an image without a text alternative, put into a page,
    are reported: the audits above would see them."""
    page = open_page("/no-such-page/")
    page.evaluate(
        """() => {
        document.querySelector("main").insertAdjacentHTML("beforeend",
          '<button type="button"></button><img src="/static/home/emblem.svg" width="10">');
    }"""
    )
    violations, ours = audit(page, large_text=False)
    assert any(v.startswith("button-name") for v in violations), violations
    assert any(v.startswith("image-alt") for v in violations), violations
    assert any("button" in item for item in ours["small"]), ours
