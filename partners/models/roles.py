"""The roles of organisations in the network, in the partner directory's order."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Consortium lead")
    PARTNER = "partner", _("Consortium partner")
    MEMBER = "member", _("Network member")
    COMPANY = "company", _("Company")


# Listing order of the partner index: lead first, then partners, members, companies.
ROLE_ORDER = [
    PartnerRole.LEAD,
    PartnerRole.PARTNER,
    PartnerRole.MEMBER,
    PartnerRole.COMPANY,
]


# Headings of the groups on the partner index.
ROLE_HEADINGS = {
    PartnerRole.LEAD: _("Consortium lead"),
    PartnerRole.PARTNER: _("Consortium partners"),
    PartnerRole.MEMBER: _("Network members"),
    PartnerRole.COMPANY: _("Companies"),
}
