"""A new consortium partner gets its groups, sections and workflow when its profile is
published: no code change is needed to add a partner."""

from django.apps import apps

from wagtail.signals import page_published


def partner_profile_published(sender, instance, **kwargs):
    from .setup import CONSORTIUM_ROLES, setup_partner

    if getattr(instance, "role", None) in CONSORTIUM_ROLES and instance.code:
        setup_partner(instance)


def connect():
    try:
        profile_model = apps.get_model("partners", "PartnerProfilePage")
    except LookupError:  # the partners app is not installed
        return
    page_published.connect(
        partner_profile_published,
        sender=profile_model,
        dispatch_uid="editorial_partner_profile_published",
    )
