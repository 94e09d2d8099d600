"""Only the lead's staff (group "Konsortialleitung") and site administrators see barrier
reports: the group gets the model's permissions after every migrate (idempotent), and
the admin views use Wagtail's ModelPermissionPolicy, which asks for exactly these."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from tregks.editorial.setup import LEAD_GROUP

LEAD_PERMISSIONS = (
    "view_barrierreport",
    "change_barrierreport",
    "delete_barrierreport",
)


def grant_lead_permissions(sender=None, using="default", **kwargs):
    # The project's apps come before django.contrib.auth in INSTALLED_APPS, so this
    # handler runs before auth's: make the app's permissions first (idempotent).
    if sender is not None:
        create_permissions(sender, verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="barriers", codename__in=LEAD_PERMISSIONS
    )
    if not permissions.exists():
        return
    group, _created = Group.objects.using(using).get_or_create(name=LEAD_GROUP)
    group.permissions.add(*permissions)


def lead_staff_addresses():
    """E-mail addresses of the lead group's active members."""
    from django.contrib.auth import get_user_model

    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=LEAD_GROUP)
        .exclude(email="")
    )
    return sorted({user.email for user in users})
