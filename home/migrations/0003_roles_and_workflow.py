"""Staff roles: 编辑 (create and edit, cannot publish) and 审核员 (publish, approve).

Wagtail's initial data creates groups "Editors" and "Moderators" and a workflow
"Moderators approval" on the root page; we rename them into Chinese and make sure their
permissions match our roles. Where they are missing, they are created. Running it on a
database that already has the Chinese groups changes nothing.
"""

from django.db import migrations

EDITOR = "编辑"
MODERATOR = "审核员"
WORKFLOW = "审核发布"
TASK = "审核员审批"

PAGE_PERMISSIONS = {
    EDITOR: ["add_page", "change_page"],
    MODERATOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITOR: {
        "wagtailimages": ["add", "change", "choose"],
        "wagtaildocs": ["add", "change", "choose"],
    },
    MODERATOR: {
        "wagtailimages": ["add", "change", "delete", "choose"],
        "wagtaildocs": ["add", "change", "delete", "choose"],
    },
}
MODEL_NAMES = {"wagtailimages": "image", "wagtaildocs": "document"}


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return permission


def rename_or_create_group(Group, old_name, new_name):
    group = Group.objects.filter(name=new_name).first()
    if group is None:
        group = Group.objects.filter(name=old_name).first()
        if group is None:
            group = Group.objects.create(name=new_name)
        else:
            group.name = new_name
            group.save()
    return group


def setup_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    groups = {
        EDITOR: rename_or_create_group(Group, "Editors", EDITOR),
        MODERATOR: rename_or_create_group(Group, "Moderators", MODERATOR),
    }
    root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = get_permission(apps, "wagtailadmin", "admin", "access_admin")

    for name, group in groups.items():
        group.permissions.add(access_admin)
        wanted = {
            get_permission(apps, "wagtailcore", "page", codename).pk
            for codename in PAGE_PERMISSIONS[name]
        }
        # An editor must not be able to publish: drop any page permission not wanted.
        GroupPagePermission.objects.filter(group=group, page=root).exclude(
            permission_id__in=wanted
        ).delete()
        for permission_id in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission_id=permission_id
            )
        for app_label, actions in COLLECTION_PERMISSIONS[name].items():
            model = MODEL_NAMES[app_label]
            for action in actions:
                permission = get_permission(apps, app_label, model, f"{action}_{model}")
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.name = TASK
    task.active = True
    task.save()
    task.groups.set([groups[MODERATOR]])

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    workflow.name = WORKFLOW
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(setup_roles, migrations.RunPython.noop)]
