"""The editorial tests' network: three partners with sections in both languages, users.

The demo site (tests/conftest.py) normally holds the partners and indexes; whatever is
missing is added once per session here, so these tests do not depend on the order in
which the content apps' demos arrive. Tests run with DEBUG off, so load_demo creates no
accounts: the users are made here, one per role.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page

import pytest

from tregks.demo.pages import Phrasebook, get_or_create_child, translate
from tregks.editorial.setup import (
    LEAD_GROUP,
    TRANSLATOR_GROUP,
    approver_group_name,
    editor_group_name,
    setup_editorial,
)

PASSWORD = "tregks-test-2026"
# Partner A and B are ordinary consortium partners; the lead is WFG.
PARTNERS = {
    "wfg": ("WFG", "lead", "Wirtschaftsförderung Region Kassel (Test)"),
    "agv": ("AGV", "partner", "Arbeitgeberverband (Test)"),
    "dgb": ("DGB", "partner", "Gewerkschaftsbund (Test)"),
}


def _ensure_index(home, model, slug, title, english_slug, english_title):
    page = model.objects.filter(locale=home.locale).first()
    if page is None:
        t = Phrasebook()
        page = get_or_create_child(home, model, slug, title=t(title, english_title))
        t(slug, english_slug)
        translate(page, t)
    elif page.get_translation_or_none(Locale.objects.get(language_code="en")) is None:
        t = Phrasebook()
        t(page.title, english_title)
        t(page.slug, english_slug)
        translate(page, t)
    return page


def _ensure_partner(index, code, short, role, name):
    from partners.models import PartnerProfilePage

    profile = PartnerProfilePage.objects.filter(code=code, locale=index.locale).first()
    if profile is None:
        t = Phrasebook()
        profile = get_or_create_child(
            index,
            PartnerProfilePage,
            f"test-{code}",
            title=t(name, name),
            short_name=short,
            code=code,
            role=role,
        )
        t(f"test-{code}", f"test-{code}")
        translate(profile, t)
    return profile


def build_network():
    from events.models import EventIndexPage
    from home.models import HomePage
    from news.models import NewsIndexPage
    from partners.models import PartnerIndexPage
    from stories.models import StoryIndexPage

    home = HomePage.objects.get(locale__language_code="de")
    partner_index = _ensure_index(
        home, PartnerIndexPage, "partner", "Partner", "partners", "Partners"
    )
    _ensure_index(home, NewsIndexPage, "presse", "Presse", "press", "Press")
    _ensure_index(
        home, StoryIndexPage, "geschichten", "Geschichten", "stories", "Stories"
    )
    _ensure_index(
        home,
        EventIndexPage,
        "veranstaltungen",
        "Veranstaltungen",
        "events",
        "Events",
    )
    for code, (short, role, name) in PARTNERS.items():
        _ensure_partner(partner_index, code, short, role, name)
    setup_editorial()


@pytest.fixture(scope="session")
def editorial_network(django_db_setup, django_db_blocker):
    """Partners, sections, groups, workflows and one user per role (made once)."""
    with django_db_blocker.unblock():
        build_network()
        users = {}
        user_model = get_user_model()

        def account(username, group_name):
            user = user_model.objects.filter(username=username).first()
            if user is None:
                user = user_model.objects.create_user(
                    username, f"{username}@tregks.invalid", PASSWORD
                )
            user.groups.add(Group.objects.get(name=group_name))
            users[username] = user.pk

        for code, (short, _role, _name) in PARTNERS.items():
            account(f"{code}-editor", editor_group_name(short))
            account(f"{code}-approver", approver_group_name(short))
        account("lead", LEAD_GROUP)
        account("translator", TRANSLATOR_GROUP)
        if not user_model.objects.filter(username="test-admin").exists():
            user_model.objects.create_superuser(
                "test-admin", "test-admin@tregks.invalid", PASSWORD
            )
        return users


@pytest.fixture
def users(db, editorial_network):
    user_model = get_user_model()
    return {
        name: user_model.objects.get(pk=pk) for name, pk in editorial_network.items()
    }


def section(code, language="de", kind="news"):
    from events.models import EventIndexPage
    from news.models import NewsIndexPage
    from partners.models import PartnerSectionPage
    from stories.models import StoryIndexPage

    index_model = {"news": NewsIndexPage, "events": EventIndexPage}.get(
        kind, StoryIndexPage
    )
    index = index_model.objects.get(locale__language_code=language)
    return PartnerSectionPage.objects.child_of(index).get(partner__code=code)


def make_release(code, slug, user=None, network_wide=False, publish=False, **fields):
    """A press release in the partner's German section, saved as a draft by `user`."""
    from news.models import PressReleasePage

    parent = section(code)
    page = PressReleasePage(
        title=fields.pop("title", f"Testmitteilung {slug}"),
        slug=slug,
        lead=fields.pop("lead", "Ein kurzer Vorspann für den Test."),
        release_date=fields.pop("release_date", datetime.date(2026, 3, 1)),
        network_wide=network_wide,
        live=False,
        owner=user,
        **fields,
    )
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return Page.objects.get(pk=page.pk).specific


def make_event(code, slug, user=None, network_wide=False, publish=False, **fields):
    """An event in the partner's German events section, saved as a draft by `user`."""
    from django.utils import timezone

    from events.models import EventPage

    parent = section(code, kind="events")
    start = timezone.make_aware(datetime.datetime(2027, 3, 1, 10))
    page = EventPage(
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
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return Page.objects.get(pk=page.pk).specific


MAKERS = {"release": make_release, "event": make_event}


@pytest.fixture
def pages(users):
    """A live and a draft press release of partner A (AGV) and of partner B (DGB)."""
    return {
        "a_live": make_release("agv", "a-live", users["agv-approver"], publish=True),
        "a_draft": make_release("agv", "a-draft", users["agv-editor"]),
        "b_live": make_release("dgb", "b-live", users["dgb-approver"], publish=True),
        "b_draft": make_release(
            "dgb", "b-draft", users["dgb-editor"], title="Geheimer Entwurf DGB"
        ),
    }


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
