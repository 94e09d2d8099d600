"""Only the lead's staff (group "Konsortialleitung") and site administrators see
subscribers: the group gets the model's permissions after every migrate (idempotent),
and the admin views use Wagtail's ModelPermissionPolicy, which asks for exactly these."""

from django.contrib.auth.models import Group, Permission

from tregks.editorial.setup import LEAD_GROUP

LEAD_PERMISSIONS = ("view_subscription", "delete_subscription", "export_subscription")


def grant_lead_permissions(sender=None, **kwargs):
    permissions = Permission.objects.filter(
        content_type__app_label="newsletter", codename__in=LEAD_PERMISSIONS
    )
    if not permissions.exists():
        return
    group, _created = Group.objects.get_or_create(name=LEAD_GROUP)
    group.permissions.add(*permissions)
