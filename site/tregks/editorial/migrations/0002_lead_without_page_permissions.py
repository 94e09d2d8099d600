"""The consortium lead no longer holds publish permission on the press indexes.

Earlier versions of setup_editorial granted it because Wagtail published an approved
page as the last approver; editorial.workflows now publishes the approved revision
itself. The grant let the lead read every partner's drafts and unpublish any press
release or whole index, so it is removed once here.
"""

from django.db import migrations

LEAD_GROUP = "Konsortialleitung"


def remove_lead_publish_grants(apps, schema_editor):
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    group_page_permission.objects.filter(
        group__name=LEAD_GROUP,
        permission__codename="publish_page",
        page__content_type__app_label="news",
        page__content_type__model="newsindexpage",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(remove_lead_publish_grants, migrations.RunPython.noop),
    ]
