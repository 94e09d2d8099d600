"""The editorial tests' network: three partners with sections in both languages, users.

The partners are the tests' own (`partners.factories.consortium_partner`): partner A
"Alpha" and partner B "Beta" are ordinary consortium partners, "Gamma" is a consortium
lead. They are made once per session, with their sections below the shared indexes
(made when missing), groups, collections and workflows, and one account per role.
"""

import datetime

from django.contrib.auth import get_user_model

from wagtail.models import Page

import pytest

from tests.utils import data_for_scope
from tregks.core.factories import TEST_PASSWORD, UserFactory
from tregks.editorial.setup import (
    LEAD_GROUP,
    TRANSLATOR_GROUP,
    approver_group_name,
    editor_group_name,
    setup_editorial,
)

PASSWORD = TEST_PASSWORD
# code: (short name, role, name)
PARTNERS = {
    "gamma": ("Gamma", "lead", "Konsortialleitung Gamma (Test)"),
    "alpha": ("Alpha", "partner", "Partner Alpha (Test)"),
    "beta": ("Beta", "partner", "Partner Beta (Test)"),
}
# users key: username (the test's own names, not the demo's accounts)
ROLE_ACCOUNTS = {
    "lead": ("test-lead", LEAD_GROUP),
    "translator": ("test-translator", TRANSLATOR_GROUP),
}


def ensure_indexes():
    """The shared indexes in both languages (the site's, made when missing)."""
    from events.factories import event_index
    from news.factories import news_index
    from partners.factories import partner_index
    from stories.factories import story_index

    for index in (partner_index, news_index, story_index, event_index):
        index("en")


def build_network():
    from partners.factories import consortium_partner
    from partners.models import PartnerProfilePage

    ensure_indexes()
    for code, (short, role, name) in PARTNERS.items():
        if not PartnerProfilePage.objects.filter(code=code).exists():
            consortium_partner(
                role=role, code=code, short_name=short, title=name, slug=f"test-{code}"
            )
    setup_editorial()


@pytest.fixture(scope="session")
def editorial_network(django_db_setup, django_db_blocker):
    """Partners, sections, groups, workflows and one user per role (made once)."""
    with django_db_blocker.unblock():
        build_network()
        accounts = {
            key: (username, group) for key, (username, group) in ROLE_ACCOUNTS.items()
        }
        for code, (short, _role, _name) in PARTNERS.items():
            accounts[f"{code}-editor"] = (f"{code}-editor", editor_group_name(short))
            accounts[f"{code}-approver"] = (
                f"{code}-approver",
                approver_group_name(short),
            )
        users = {
            key: UserFactory(username=username, groups=[group]).pk
            for key, (username, group) in accounts.items()
        }
        admin = UserFactory(username="test-admin", is_staff=True, is_superuser=True)
        users["test-admin"] = admin.pk
        return users


@pytest.fixture
def users(db, editorial_network):
    user_model = get_user_model()
    return {
        name: user_model.objects.get(pk=pk) for name, pk in editorial_network.items()
    }


@pytest.fixture(scope="module")
def other_partner(editorial_network, django_db_blocker):
    """Partner Gamma's objects, none of which the walking roles may see
    (tests/editorial/isolation.py). Built once per module (several seconds of CPU)
    and only read: the walks assert that no request changes the database, and what a
    test changes is rolled back after it."""
    from .isolation import build_other_partner

    with data_for_scope(django_db_blocker):
        user_model = get_user_model()
        users = {
            name: user_model.objects.get(pk=pk)
            for name, pk in editorial_network.items()
        }
        yield build_other_partner(users)


def section(code, language="de", kind="news"):
    """The partner's section below the site's press, story or events index."""
    from events.factories import event_index
    from news.factories import news_index
    from partners.models import PartnerSectionPage
    from stories.factories import story_index

    index = {"news": news_index, "events": event_index}.get(kind, story_index)
    return PartnerSectionPage.objects.child_of(index(language)).get(partner__code=code)


def make_release(code, slug, user=None, network_wide=False, publish=False, **fields):
    """A press release in the partner's German section, saved as a draft by `user`."""
    from news.factories import PressReleasePageFactory

    page = PressReleasePageFactory(
        parent=section(code),
        title=fields.pop("title", f"Testmitteilung {slug}"),
        slug=slug,
        lead=fields.pop("lead", "Ein kurzer Vorspann für den Test."),
        release_date=fields.pop("release_date", datetime.date(2026, 3, 1)),
        network_wide=network_wide,
        live=False,
        owner=user,
        **fields,
    )
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return Page.objects.get(pk=page.pk).specific


def make_event(code, slug, user=None, network_wide=False, publish=False, **fields):
    """An event in the partner's German events section, saved as a draft by `user`."""
    from django.utils import timezone

    from events.factories import EventPageFactory

    start = timezone.make_aware(datetime.datetime(2027, 3, 1, 10))
    page = EventPageFactory(
        parent=section(code, kind="events"),
        title=fields.pop("title", f"Testveranstaltung {slug}"),
        slug=slug,
        lead=fields.pop("lead", "Ein kurzer Vorspann für den Test."),
        event_format=fields.pop("event_format", "werkstatt"),
        start=fields.pop("start", start),
        end=fields.pop("end", start + datetime.timedelta(hours=2)),
        city="Kassel",
        network_wide=network_wide,
        live=False,
        owner=user,
        **fields,
    )
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return Page.objects.get(pk=page.pk).specific


MAKERS = {"release": make_release, "event": make_event}


@pytest.fixture(scope="module")
def module_pages(editorial_network, django_db_blocker):
    """The `pages` of a module, made once for it (four releases, two published, cost
    about a second of CPU): their ids. What a test changes is rolled back after it."""
    with data_for_scope(django_db_blocker):
        user_model = get_user_model()
        users = {
            name: user_model.objects.get(pk=pk)
            for name, pk in editorial_network.items()
        }
        made = {
            "a_live": make_release(
                "alpha", "a-live", users["alpha-approver"], publish=True
            ),
            "a_draft": make_release("alpha", "a-draft", users["alpha-editor"]),
            "b_live": make_release(
                "beta", "b-live", users["beta-approver"], publish=True
            ),
            "b_draft": make_release(
                "beta", "b-draft", users["beta-editor"], title="Geheimer Entwurf Beta"
            ),
        }
        yield {key: page.pk for key, page in made.items()}


@pytest.fixture
def pages(users, module_pages):
    """A live and a draft press release of partner A (Alpha) and of partner B (Beta),
    read afresh for each test."""
    return {key: Page.objects.get(pk=pk).specific for key, pk in module_pages.items()}


def edit_form_data(page, user, parent=None, **changes):
    """What the page's edit form posts, built from the page's own edit form.

    StreamFields and inline formsets are posted empty (the test pages have none);
    rich text goes through the editor's own data format.
    """
    from wagtail.admin.rich_text import DraftailRichTextArea
    from wagtail.blocks.base import BlockField
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    form_class = page.get_edit_handler().get_form_class()
    parent = parent or page.get_parent()
    form = form_class(instance=page, for_user=user, parent_page=parent)
    data, multi = {}, {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, BlockField):
            data[name] = streamfield([])
        elif isinstance(field.widget, DraftailRichTextArea):
            data[name] = rich_text(value or "")
        elif isinstance(value, list | tuple):
            multi[name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(value)
    for name in form.formsets:
        data[name] = inline_formset([])
    flat = nested_form_data(data)
    flat.update(multi)
    flat.update(changes)
    return flat
