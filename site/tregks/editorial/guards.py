"""Who may publish a page directly, outside the workflow's approval.

Wagtail lets anyone with publish permission publish directly. Here that is narrower:
only pages the user may also edit (an approved workflow publishes by itself, see
workflows.py, so no group needs publish rights on other partners' pages), and a
network-wide release needs the lead's sign-off. Every direct publishing path asks
`direct_publish_refusal()`: the edit view, bulk publishing, the admin API's publish
action and wagtail-localize's "convert to alias" (which makes a translation live).
"""

from django.utils.translation import gettext_lazy as _

from .setup import LEAD_GROUP


def may_publish_network_wide(user):
    return user.is_superuser or user.groups.filter(name=LEAD_GROUP).exists()


def is_network_wide(page):
    """True when the page's latest revision speaks for the whole network."""
    return bool(getattr(page.get_latest_revision_as_object(), "network_wide", False))


def direct_publish_refusal(user, page):
    """The reason the user may not publish `page` directly, or None if they may."""
    if user.is_superuser:
        return None
    page = page.specific
    permissions = page.permissions_for_user(user)
    if not permissions.can_publish():
        return _("You may not publish this page.")
    if not permissions.can_edit():
        return _(
            "You may only publish pages you can edit: other partners' pages go "
            "through their own approval."
        )
    if is_network_wide(page) and not may_publish_network_wide(user):
        return _("Network-wide releases need the consortium lead's sign-off.")
    return None
