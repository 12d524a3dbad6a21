"""学校投稿审核: the workflow school submissions enter; 审核员 approve or ask for changes."""

from django.db import migrations

WORKFLOW = "学校投稿审核"
TASK = "审核学校投稿"
MODERATOR = "审核员"


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set(Group.objects.filter(name=MODERATOR))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0006_school_accounts"),
        ("home", "0003_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
