"""A new consortium partner gets its groups, sections and workflow when its profile is
published: no code change is needed to add a partner."""

from wagtail.signals import page_published

from .partner_pages import partner_page_types
from .setup import CONSORTIUM_ROLES, setup_partner


def partner_profile_published(sender, instance, **kwargs):
    # Every publish passes here: the profile's page type is registered by the
    # partners app (register_partner_page_types), which the core does not import.
    page_types = partner_page_types()
    if page_types is None or sender is not page_types.profile:
        return
    if getattr(instance, "role", None) in CONSORTIUM_ROLES and instance.code:
        setup_partner(instance)


def connect():
    page_published.connect(
        partner_profile_published, dispatch_uid="editorial_partner_profile_published"
    )
