"""The work-plan parser on documents of our own, one per variant real documents show."""

from pathlib import Path

from home.workplan_parser import parse

DATA = Path(__file__).parent / "data"


def read(name):
    return (DATA / name).read_text(encoding="utf-8")


def test_web_page_copy_with_junk_variants_and_attachment():
    plan = parse(read("workplan_web.txt"))

    assert plan.title == "青禾区关工委2026年工作要点"
    assert plan.year == 2026
    assert plan.summary() == {
        "title": "青禾区关工委2026年工作要点",
        "year": 2026,
        "sections": 3,
        "points": 7,
        "special_actions": 2,
        "tasks": 5,
        "unplaced_lines": 0,
    }
    assert plan.preamble.startswith("2026年，全区关心下一代工作的总体要求是")
    assert plan.preamble.endswith("推动关心下一代工作提质增效。")
    assert [s.title for s in plan.sections] == [
        "加强思想引领，办好五老宣讲",
        "深化法治教育",
        "办好家长学校",
    ]
    first, second, third = plan.sections[0].points
    assert first.headline == "组建秋季宣讲团。"
    assert first.body == "从退休教师和老干部中选拔二十名宣讲员，分赴全区中小学。"
    # 2、 with a body on two lines; １． in full width.
    assert second.headline == "编写宣讲读本。"
    assert second.body == "收集身边人身边事，汇编成册，\n供各校班会课使用。"
    assert third.headline == "开展宣讲评比。"
    # （1） and (2): a point spanning several lines and a paragraph break.
    law = plan.sections[1].points
    assert law[0].headline == "配齐法治副校长。"
    assert law[0].body.endswith("这一条在学校已经试行一年，效果良好。")
    assert law[1].headline == "举办模拟法庭。"
    # Junk above the title and below the end is ignored, not placed.
    assert "青禾资讯网|首页|政务公开|办事服务" in plan.ignored_lines
    assert "扫一扫在手机打开当前页" in plan.ignored_lines
    assert not any(
        "推荐访问" in text for section in plan.sections for p in section.points for text in [p.body]
    )


def test_special_actions_with_labels_and_task_lists():
    plan = parse(read("workplan_web.txt"))

    double, law = plan.special_actions
    assert double.title == "五老助力双减专项行动"
    assert double.leaders == "区关工委常务副主任"
    assert double.tasks == ["组织五老进课堂", "开设兴趣小组", "每学期总结一次"]  # one line ①②③
    assert double.effect == "参与学校覆盖率达到80%以上。"  # 效 果：
    assert double.units == "区关工委办公室、区教育局"
    assert law.tasks == ["排查校园周边安全隐患", "举办“法治副校长讲堂”十场"]
    assert law.effect == "学生法治知识知晓率明显提高。"  # 效　果: with an ASCII colon


def test_traditional_notice_with_document_number_and_signature():
    plan = parse(read("workplan_notice_traditional.txt"))

    assert plan.title == "禾丰镇关工委2025年工作要点"
    assert plan.year == 2025
    assert plan.doc_number == "禾关工〔2025〕3号"
    assert plan.issue_date == "2025-03-05"
    assert plan.issuer == "禾丰镇关心下一代工作委员会"
    assert plan.preamble == "总体要求：坚持以青少年为本，团结带领全镇“五老”，为孩子们办实事。"
    assert plan.summary()["sections"] == 3
    assert plan.summary()["points"] == 5
    assert plan.sections[1].points[0].headline == "开展红领巾阅读推广计划。"
    assert plan.unplaced_lines == []


def test_points_are_numbered_continuously_even_when_the_document_restarts():
    text = "\n".join(
        [
            "2026年工作要点",
            "一、第一部分",
            "1.甲。甲的内容。",
            "2.乙。乙的内容。",
            "二、第二部分",
            "1.丙。丙的内容。",  # some documents restart point numbers; we number anyway
        ]
    )

    plan = parse(text)

    assert [len(s.points) for s in plan.sections] == [2, 1]
    assert plan.points[2].headline == "丙。"


def test_many_sections_up_to_twenty():
    numerals = [
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
        "十",
        "十一",
        "十二",
        "十三",
        "十四",
        "十五",
        "十六",
        "十七",
        "十八",
        "十九",
        "二十",
    ]
    lines = ["2026年工作要点"]
    for number, numeral in enumerate(numerals, start=1):
        lines += [f"{numeral}、第{number}部分", f"{number}.要点{number}。内容{number}。"]

    plan = parse("\n".join(lines))

    assert len(plan.sections) == 20
    assert plan.sections[19].title == "第20部分"
    assert plan.special_actions == []


def test_lines_that_fit_nowhere_are_reported():
    text = "\n".join(
        [
            "2026年工作要点",
            "前言。",
            "一、第一部分",
            "这段话写在部分标题和第一条之间。",
            "1.甲。甲的内容。",
            "附件",
            "一、某专项行动",
            "没有标签的一行。",
            "责任领导：某某",
        ]
    )

    plan = parse(text)

    assert plan.unplaced_lines == ["这段话写在部分标题和第一条之间。", "没有标签的一行。"]
    assert plan.special_actions[0].leaders == "某某"


def test_year_can_be_given_when_the_title_has_none():
    plan = parse("关工委工作要点\n一、部分\n1.甲。乙。", year=2027)

    assert plan.year == 2027
    assert plan.title == "关工委工作要点"


def test_sub_items_decimals_and_a_closing_signature():
    text = "\n".join(
        [
            "青禾区关工委2026年工作要点",
            "为做好全年工作，特制定本工作要点。",
            "一、组织建设",
            "1.开展培训。分两个组：",
            "（一）小学组，每月一次；",
            "（二）中学组，每季度一次。",
            "2.扩大队伍。全区新增志愿者",
            "2.5万名家长参加家长学校。",
            "12.4日前各校报送名单。",
            "3.完善制度。按季度检查。",
            "青禾区关心下一代工作委员会",
            "2026年2月28日",
        ]
    )

    plan = parse(text)

    assert plan.title == "青禾区关工委2026年工作要点"  # not the sentence after it
    assert plan.year == 2026
    assert plan.preamble == "为做好全年工作，特制定本工作要点。"
    assert len(plan.points) == 3
    assert "（一）小学组，每月一次；" in plan.points[0].body
    assert plan.points[1].body.endswith("12.4日前各校报送名单。")
    assert plan.points[2].body == "按季度检查。"
    assert plan.issuer == "青禾区关心下一代工作委员会"
    assert plan.issue_date == "2026-02-28"


def test_points_marked_with_brackets_only():
    plan = parse(
        "2026年工作要点\n一、部分\n（1）甲。甲的内容。\n（2）乙。乙的内容。\n(3)丙。丙的内容。"
    )

    assert [p.headline for p in plan.points] == ["甲。", "乙。", "丙。"]


def test_label_variants_and_labels_alone_on_a_line():
    text = "\n".join(
        [
            "2026年工作要点",
            "一、部分",
            "1.甲。乙。",
            "附件",
            "一、某专项行动",
            "责任领导",
            "区关工委主任",
            "主要任务：①建立台账②按月通报",
            "预期效果：覆盖全区中小学",
            "牵头单位：区教育局",
        ]
    )

    (action,) = parse(text).special_actions

    assert action.leaders == "区关工委主任"
    assert action.tasks == ["建立台账", "按月通报"]
    assert action.effect == "覆盖全区中小学"
    assert action.units == "区教育局"


def test_a_preamble_section_and_web_metadata():
    text = "\n".join(
        [
            "二〇二六年工作要点",
            "发布时间：2026-03-02 来源：区关工委",
            "一、总体要求",
            "坚持立德树人。",
            "二、重点工作",
            "1.甲。乙。",
            "2026年2月30日",
        ]
    )

    plan = parse(text)

    assert plan.year == 2026
    assert plan.issuer == ""  # the metadata line is no signature
    assert plan.preamble == "总体要求：\n坚持立德树人。"
    assert [s.title for s in plan.sections] == ["重点工作"]
    assert plan.issue_date == ""  # 2月30日 is no date
