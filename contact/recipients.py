"""Who may receive a message: the consortium partners, and who reads it in the admin.

A message is addressed to a partner by its code (the same in every language). That
partner's staff are the members of its editorial groups ("Redaktion <short name>",
"Freigabe <short name>", tregks.editorial.setup); site administrators read everything.
"""

from django.conf import settings

from wagtail.models import Locale

from partners.models import PartnerProfilePage, PartnerRole
from tregks.editorial.setup import approver_group_name, editor_group_name

CONSORTIUM_ROLES = (PartnerRole.LEAD, PartnerRole.PARTNER)


def consortium_profiles(locale_id=None):
    """Live profiles of the lead and the partners, lead first, in one locale."""
    if locale_id is None:
        locale_id = Locale.get_default().pk
    profiles = PartnerProfilePage.objects.live().filter(
        locale_id=locale_id, alias_of__isnull=True, role__in=CONSORTIUM_ROLES
    )
    return sorted(profiles, key=lambda p: (p.role != PartnerRole.LEAD, p.path))


def lead_profile(locale_id=None):
    """The consortium lead ("the network in general"), or None."""
    profiles = consortium_profiles(locale_id)
    return next((p for p in profiles if p.role == PartnerRole.LEAD), None)


def profile_for_code(code, locale_id=None):
    """The live consortium profile with this code in the locale, else the source's."""
    profiles = PartnerProfilePage.objects.live().filter(
        code=code, role__in=CONSORTIUM_ROLES, alias_of__isnull=True
    )
    if locale_id is not None:
        own = profiles.filter(locale_id=locale_id).first()
        if own is not None:
            return own
    return profiles.filter(locale_id=Locale.get_default().pk).first()


def delivery_address(profile):
    """Where the partner wants form messages: its form address, else its public one,
    else the site's fallback (never lost: the message is stored in any case)."""
    if profile is not None:
        if profile.contact_form_email:
            return profile.contact_form_email
        if profile.contact_email:
            return profile.contact_email
    return settings.CONTACT_FALLBACK_EMAIL


def partner_codes_of(user):
    """Codes of the partners whose editorial groups the user belongs to."""
    names = set(user.groups.values_list("name", flat=True))
    if not names:
        return set()
    german = PartnerProfilePage.objects.filter(
        locale_id=Locale.get_default().pk, role__in=CONSORTIUM_ROLES
    ).values_list("code", "short_name")
    return {
        code
        for code, short_name in german
        if editor_group_name(short_name) in names
        or approver_group_name(short_name) in names
    }


def may_read_messages(user):
    """Site administrators and the staff of any consortium partner."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(partner_codes_of(user))
