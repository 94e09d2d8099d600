"""Long picklists an editor can use: a filter above real checkboxes (issue 12).

"Herausgebende Partner" lists every partner profile of the page's language (some 310 on
the large site). The list stays a set of checkboxes (posted and validated as before),
with the ticked entries first, a labelled filter field and a status line; short lists
such as the topics stay plain checkboxes. The filtering itself is tried in a browser:
tests/browser/test_journey_picklist.py.
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest

from partners.factories import PartnerProfilePageFactory
from partners.models import PartnerProfilePage, PartnerRole
from tests.utils import data_for_scope, fresh
from tregks.core.picklist_widget import FILTER_FROM
from tregks.core.topics import ensure_topics

from .conftest import edit_form_data, make_release

CHECKBOX = re.compile(r'<input type="checkbox" name="issuing_partners" value="(\d+)"')


@pytest.fixture(scope="module")
def many_partners_of_module(editorial_network, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_many_partners()


@pytest.fixture
def many_partners(users, many_partners_of_module):
    """Enough German partner profiles for a long list, one with its English page
    (built once per module, read afresh for each test)."""
    return fresh(many_partners_of_module)


def build_many_partners():
    # Network members: a consortium partner's profile would also get sections and groups.
    made = [
        PartnerProfilePageFactory(
            title=f"Listenpartner {number:02}", role=PartnerRole.MEMBER
        )
        for number in range(FILTER_FROM)
    ]
    made.append(
        PartnerProfilePageFactory(
            title="Zweckverband Übersetzt", short_name="ZVÜ", english=True
        )
    )
    return made


def release_form(page, user):
    form_class = page.get_edit_handler().get_form_class()
    return form_class(instance=page, for_user=user, parent_page=page.get_parent())


def test_long_list_is_every_partner_of_the_page_language_ticked_first(
    users, many_partners
):
    german = Locale.objects.get(language_code="de")
    ticked = many_partners[-1]
    page = make_release("alpha", "picklist-lang", users["alpha-editor"])
    page.issuing_partners.set([ticked])
    with translation.override("de"):
        html = str(release_form(page, users["alpha-editor"])["issuing_partners"])

    values = [int(pk) for pk in CHECKBOX.findall(html)]
    expected = PartnerProfilePage.objects.filter(locale=german)
    assert sorted(values) == sorted(expected.values_list("pk", flat=True))
    # The ticked entry stands first, checked, with the short name editors search for.
    assert values[0] == ticked.pk
    first = html[html.index(f'value="{ticked.pk}"') :]
    assert first[: first.index(">")].endswith("checked")
    assert "Zweckverband Übersetzt (ZVÜ)" in html
    english = ticked.get_translation(Locale.objects.get(language_code="en"))
    assert f'value="{english.pk}"' not in html

    # The filter field has a visible label naming the list; the status is announced.
    match = re.search(
        r'<label[^>]*for="id_issuing_partners-filter"[^>]*>([^<]*)<', html
    )
    assert match and match.group(1).strip() == "Herausgebende Partner filtern"
    assert 'id="id_issuing_partners-filter"' in html
    assert 'type="search"' in html
    assert 'role="status"' in html
    assert f"Ausgewählt: 1 von {len(values)}." in html
    assert 'role="group" aria-label="Herausgebende Partner"' in html


def test_english_admin_names_the_filter_and_the_count_in_english(users, many_partners):
    page = make_release("alpha", "picklist-en-admin", users["alpha-editor"])
    with translation.override("en"):
        html = str(release_form(page, users["alpha-editor"])["issuing_partners"])
    assert ">Filter: Issuing partners</label>" in html
    assert re.search(r"Selected: 0 of \d+\.", html)
    assert "Matches: {shown} of {total}. Selected: {ticked}." in html


def test_unticked_entries_are_in_alphabetical_order(users, many_partners):
    page = make_release("alpha", "picklist-abc", users["alpha-editor"])
    form = release_form(page, users["alpha-editor"])
    labels = [str(label) for _, label in form.fields["issuing_partners"].choices]
    assert labels == sorted(labels, key=str.casefold)


def test_short_list_stays_plain_checkboxes(users, many_partners):
    ensure_topics()  # five expert groups: a short list
    page = make_release("alpha", "picklist-kurz", users["alpha-editor"])
    html = str(release_form(page, users["alpha-editor"])["topics"])
    assert 'type="checkbox" name="topics"' in html
    assert "-filter" not in html and "data-controller" not in html


def test_rendering_the_list_reads_the_database_once(users, many_partners):
    """The admin renders the widget twice (panel, telepath); neither adds queries
    per entry."""
    page = make_release("alpha", "picklist-abfragen", users["alpha-editor"])
    form = release_form(page, users["alpha-editor"])
    field = form["issuing_partners"]
    with CaptureQueriesContext(connection) as queries:
        str(field)
        field.field.widget.render("__NAME__", None, attrs={"id": "__ID__"})
    assert len(queries) == 1


def test_add_view_loads_the_filter_script_and_posts_a_ticked_partner(
    client, users, many_partners
):
    editor = users["alpha-editor"]
    client.force_login(editor)
    page = make_release("alpha", "picklist-post", editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = response.content.decode()
    assert "core/js/picklist.js" in html and "core/css/picklist.css" in html
    assert 'data-controller="tregks-picklist"' in html

    partner = many_partners[3]
    data = edit_form_data(page, editor, issuing_partners=[str(partner.pk)])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    saved = fresh(page).get_latest_revision_as_object()
    assert [p.pk for p in saved.issuing_partners.all()] == [partner.pk]
