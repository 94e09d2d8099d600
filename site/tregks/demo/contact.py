"""Demo builder of the contact app: the contact page and messages.

The texts are in data/contact.yaml. The contact page comes right after the partner
directory in the menu, and a few messages wait in each state. The partners' (demo)
addresses for form messages are set with their profiles (data/partners.yaml).
"""

import datetime

from django.utils import timezone

from wagtail.models import Page

from treebeard.mp_tree import MP_Node

from contact.models import ContactMessage, ContactPage
from partners.models import PartnerIndexPage, PartnerProfilePage
from tregks.core.models import Topic

from .data import load, pair, pairs
from .pages import Phrasebook, get_or_create_child, rich_text, translate


def build(context, options=None, stdout=None):
    data = load("contact")
    page = _contact_page(context["home_de"], data["page"])
    _after_partner_directory(context, page)
    _messages(data["messages"])


def _contact_page(home, spec):
    slug = spec["slug"]["de"]
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None and existing.specific_class is not ContactPage:
        # Demos before issue 15 had a plain content page here: the form replaces it.
        for translation in existing.get_translations():
            translation.delete()
        existing.delete()
    t = Phrasebook()
    page = get_or_create_child(
        home,
        ContactPage,
        slug,
        title=pair(t, spec["title"]),
        intro=rich_text(t, pairs(spec["intro"])),
        thanks_text=pair(t, spec["thanks"]),
        show_in_menus=True,
    )
    pair(t, spec["slug"])
    translate(page, t)
    return page


def _after_partner_directory(context, page):
    """Contact comes right after the partner directory in the menu (both languages)."""
    for home in (context["home_de"], context["home_en"]):
        children = Page.objects.child_of(home)
        directory = children.type(PartnerIndexPage).first()
        contact = children.type(ContactPage).first()
        if directory is None or contact is None:
            continue
        following = children.filter(path__gt=directory.path).order_by("path").first()
        if following is not None and following.pk != contact.pk:
            MP_Node.move(Page.objects.get(pk=contact.pk), directory, pos="right")


def _messages(items):
    now = timezone.now()
    for item in items:
        if ContactMessage.objects.filter(
            email=item["email"], subject=item["subject"]
        ).exists():
            continue
        profile = PartnerProfilePage.objects.filter(
            code=item["recipient"], locale__language_code="de"
        ).first()
        if profile is None:
            continue
        group = None
        if item.get("expert_group"):
            group = Topic.objects.filter(
                slug=item["expert_group"], locale__language_code="de"
            ).first()
        ContactMessage.objects.create(
            recipient_code=profile.code,
            recipient_name=profile.title,
            expert_group=group,
            name=item["name"],
            email=item["email"],
            organisation=item["organisation"],
            subject=item["subject"],
            message=item["message"],
            language=item["language"],
            status=item["status"],
            created_at=now - datetime.timedelta(days=item["days_ago"]),
            mail_delivered=True,
        )
