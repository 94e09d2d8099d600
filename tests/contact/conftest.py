"""Two consortium partners of their own (German and English profiles), their staff
and a contact page per language, built with factories once per module; each test gets
them read afresh and its changes rolled back (tests.utils.data_for_scope)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import Locale

import pytest

from contact.factories import ContactPageFactory
from home.factories import home_page
from partners.factories import PartnerIndexPageFactory, PartnerProfilePageFactory
from partners.models import PartnerProfilePage, PartnerRole
from tests.utils import data_for_scope, fresh
from tregks.editorial.setup import approver_group_name, editor_group_name

PASSWORD = "tregks-test-2026"


def _staff(short_name, suffix):
    access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    users = {}
    for role, name in (
        ("editor", editor_group_name(short_name)),
        ("approver", approver_group_name(short_name)),
    ):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access)
        user = get_user_model().objects.create_user(
            f"{suffix}-{role}", f"{suffix}-{role}@tregks.invalid", PASSWORD
        )
        user.groups.add(group)
        users[role] = user
    return users


@pytest.fixture(scope="module")
def network_of_module(django_db_setup, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_network()


@pytest.fixture
def network(db, network_of_module):
    """Partner A and B (with a form address each, in both languages), their staff,
    an administrator and a contact page per language."""
    return fresh(network_of_module)


def build_network():
    home_de, home_en = home_page("de"), home_page("en")
    # Beside any partner directory the site has already (slugs must differ).
    german_index = PartnerIndexPageFactory(parent=home_de, slug="partner-test")
    english_index = PartnerIndexPageFactory(
        parent=home_en,
        slug="partners-test",
        locale=Locale.objects.get(language_code="en"),
        translation_key=german_index.translation_key,
    )
    # The network has one consortium lead: this fixture's (other tests' leads, e.g.
    # the editorial network's, step back for this test).
    PartnerProfilePage.objects.filter(role=PartnerRole.LEAD).update(
        role=PartnerRole.PARTNER
    )
    partners = {}
    # The consortium lead ("the network in general") and two partners.
    for key, role in (
        ("lead", PartnerRole.LEAD),
        ("a", PartnerRole.PARTNER),
        ("b", PartnerRole.PARTNER),
    ):
        german = PartnerProfilePageFactory(
            parent=german_index,
            title=f"Partnerorganisation {key.upper()}",
            short_name=f"TEST{key.upper()}",
            code=f"test-partner-{key}",
            contact_form_email=f"formulare-{key}@example.org",
            contact_email=f"info-{key}@example.org",
            role=role,
        )
        english = PartnerProfilePageFactory(
            parent=english_index,
            locale=english_index.locale,
            translation_key=german.translation_key,
            title=f"Partner organisation {key.upper()}",
            short_name=german.short_name,
            code=german.code,
            contact_form_email=german.contact_form_email,
            contact_email=german.contact_email,
            role=german.role,
        )
        if key == "lead":
            lead = {"de": german, "en": english}
        else:
            partners[key] = {"de": german, "en": english}
    page_de = ContactPageFactory(parent=home_de)
    page_en = ContactPageFactory(
        parent=home_en,
        locale=english_index.locale,
        translation_key=page_de.translation_key,
        title="Contact",
    )
    admin = get_user_model().objects.create_superuser(
        "contact-admin", "contact-admin@tregks.invalid", PASSWORD
    )
    return {
        "partners": partners,
        "lead": lead,
        "staff": {"a": _staff("TESTA", "test-a"), "b": _staff("TESTB", "test-b")},
        "admin": admin,
        "page": {"de": page_de, "en": page_en},
    }
