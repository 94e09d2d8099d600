"""Every admin URL that takes a page or object id refuses partner B's page to partner A.

Wagtail's recent security advisories were nearly all permission bypasses in side views
(preview, revisions, history, choosers, the admin API), so each is walked here with a
page of partner B while logged in as partner A's editor and approver.
"""

import json
from urllib.parse import urlencode

from django.urls import reverse

from wagtail.models import Locale, Page, PageLogEntry, PageViewRestriction, Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

import pytest

from tregks.core.factories import translate_page

from .conftest import make_release, section

SECRET = "Geheimer Entwurf Beta"


def refused(response, client=None):
    """403/404, or Wagtail's redirect to the dashboard with "no permission".

    Another redirect (e.g. the revisions index to the history) is followed once.
    """
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code != 302:
        return False
    if response.url == reverse("wagtailadmin_home"):
        return True
    return client is not None and refused(client.get(response.url))


@pytest.fixture
def b_page(pages, users):
    """Partner B's draft, submitted into B's workflow, with two revisions."""
    page = pages["b_draft"]
    page.title = SECRET
    page.save_revision(user=users["beta-editor"])
    page.get_workflow().start(page, users["beta-editor"])
    return Page.objects.get(pk=page.pk).specific


def page_urls(page, pages):
    """Admin URLs (GET) that take the id of partner B's page."""
    revisions = list(page.revisions.order_by("pk").values_list("pk", flat=True))
    state = page.current_workflow_state
    task_state = state.current_task_state
    b_section = section("beta")
    add = ("news", "pressreleasepage", b_section.pk)
    return [
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_add", args=add),
        reverse("wagtailadmin_pages:add", args=add),
        reverse("wagtailadmin_pages:add_subpage", args=[b_section.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revisions[0]]),
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revisions[0]]),
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[page.pk, "earliest", "latest"],
        ),
        reverse(
            "wagtailadmin_pages:revisions_unschedule", args=[page.pk, revisions[-1]]
        ),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:history_results", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk]),
        reverse("wagtailadmin_pages:usage", args=[page.pk]),
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        reverse("wagtailadmin_pages:move", args=[page.pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section("alpha").pk]),
        reverse("wagtailadmin_pages:delete", args=[page.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[pages["b_live"].pk]),
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        reverse("wagtailadmin_pages:lock", args=[page.pk]),
        reverse("wagtailadmin_pages:unlock", args=[page.pk]),
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        reverse(
            "wagtailadmin_pages:collect_workflow_action_data",
            args=[page.pk, "approve", task_state.pk],
        ),
        reverse(
            "wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id]
        ),
        reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[page.pk]),
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
    ]


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver"])
def test_every_page_url_refuses_another_partners_page(
    client, users, pages, b_page, username
):
    client.force_login(users[username])
    leaks = []
    for url in page_urls(b_page, pages):
        response = client.get(url)
        if not refused(response, client):
            leaks.append((url, response.status_code))
    assert not leaks, repr(leaks)


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver"])
def test_hand_made_posts_to_another_partners_page_change_nothing(
    client, users, pages, b_page, username
):
    client.force_login(users[username])
    b_live = pages["b_live"]
    revisions_before = b_page.revisions.count()
    logs_before = PageLogEntry.objects.filter(page=b_page).count()
    task_state = b_page.current_workflow_state.current_task_state
    posts = [
        (reverse("wagtailadmin_pages:edit", args=[b_page.pk]), {"title": "Gekapert"}),
        (
            reverse("wagtailadmin_pages:edit", args=[b_page.pk]),
            {"title": "Gekapert", "action-publish": "1"},
        ),
        (reverse("wagtailadmin_pages:delete", args=[b_page.pk]), {}),
        (reverse("wagtailadmin_pages:unpublish", args=[b_live.pk]), {}),
        (reverse("wagtailadmin_pages:lock", args=[b_page.pk]), {}),
        (reverse("wagtailadmin_pages:unlock", args=[b_page.pk]), {}),
        (
            reverse("wagtailadmin_pages:copy", args=[b_page.pk]),
            {
                "new_title": "Kopie",
                "new_slug": "kopie",
                "new_parent_page": section("alpha").pk,
            },
        ),
        (
            reverse(
                "wagtailadmin_pages:move_confirm",
                args=[b_page.pk, section("alpha").pk],
            ),
            {},
        ),
        (
            reverse("wagtailadmin_pages:set_privacy", args=[b_page.pk]),
            {"restriction_type": "password", "password": "geheim123"},
        ),
        (
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[b_page.pk, "approve", task_state.pk],
            ),
            {"comment": ""},
        ),
        (
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[b_page.pk, "reject", task_state.pk],
            ),
            {"comment": "Nein."},
        ),
        (
            reverse(
                "wagtailadmin_pages:add",
                args=("news", "pressreleasepage", section("beta").pk),
            ),
            {
                "title": "Fremd",
                "slug": "fremd",
                "lead": "x",
                "release_date": "2026-01-01",
            },
        ),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert refused(response), (url, response.status_code)

    b_page.refresh_from_db()
    b_live.refresh_from_db()
    task_state.refresh_from_db()
    assert b_page.title == SECRET and not b_page.live and not b_page.locked
    assert b_page.get_parent().specific.partner.code == "beta"
    assert b_page.revisions.count() == revisions_before
    assert b_live.live
    assert task_state.status == "in_progress"
    assert not PageViewRestriction.objects.filter(page=b_page).exists()
    assert not Page.objects.filter(slug__in=["kopie", "fremd"]).exists()
    assert PageLogEntry.objects.filter(page=b_page).count() == logs_before


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver"])
def test_admin_api_does_not_serve_another_partners_draft(
    client, users, b_page, username
):
    client.force_login(users[username])
    own = client.get(f"/admin/api/main/pages/{section('alpha').pk}/")
    assert own.status_code == 200
    response = client.get(f"/admin/api/main/pages/{b_page.pk}/", follow=True)
    assert response.status_code == 404
    listing = client.get("/admin/api/main/pages/", {"search": "Geheimer"})
    assert SECRET not in listing.content.decode()
    children = client.get("/admin/api/main/pages/", {"child_of": section("beta").pk})
    assert SECRET not in children.content.decode()


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver"])
def test_listings_search_choosers_and_reports_hide_another_partners_draft(
    client, users, b_page, username
):
    client.force_login(users[username])
    b_page.save_revision(user=users["beta-editor"]).page.specific  # noqa: B018
    Page.objects.filter(pk=b_page.pk).update(
        locked=True, locked_by=users["beta-editor"]
    )
    urls = [
        reverse("wagtailadmin_explore", args=[section("beta").pk]),
        reverse("wagtailadmin_explore", args=[section("beta").get_parent().pk]),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_pages:search") + "?q=Geheimer",
        reverse("wagtailadmin_pages:search_results") + "?q=Geheimer",
        reverse("wagtailadmin_choose_page") + "?q=Geheimer",
        reverse("wagtailadmin_choose_page_search") + "?q=Geheimer",
        reverse("wagtailadmin_choose_page_child", args=[section("beta").pk]),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_home"),
    ]
    leaks = []
    for url in urls:
        response = client.get(url)
        if response.status_code == 200 and SECRET in response.content.decode():
            leaks.append(url)
    assert not leaks, repr(leaks)


def test_sync_translated_pages_refuses_editors_of_another_partner(
    client, users, b_page
):
    source, _created = TranslationSource.get_or_create_from_instance(b_page)
    client.force_login(users["alpha-editor"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"publish_translations": "on"}))


def test_page_chooser_still_lists_the_users_own_drafts(client, users, pages):
    client.force_login(users["alpha-editor"])
    own = pages["a_draft"]
    response = client.get(
        reverse("wagtailadmin_choose_page_child", args=[section("alpha").pk])
    )
    assert response.status_code == 200
    assert own.title in response.content.decode()


# The admin API's page actions, aliases, ordering, bulk actions and wagtail-localize's
# translation views, each with partner B's pages.


def api_action(client, page, action, data=None):
    """POST to the admin API. A page the user may not explore is a 404, which the
    locale middleware turns into a redirect to /de/admin/…: followed, it stays 404."""
    return client.post(
        f"/admin/api/main/pages/{page.pk}/action/{action}/",
        json.dumps(data or {}),
        content_type="application/json",
        follow=True,
    )


@pytest.fixture
def b_alias(pages, users):
    """An alias of partner B's live release, in B's own section."""
    return pages["b_live"].create_alias(parent=section("beta"), update_slug="b-alias")


@pytest.fixture
def b_translation(pages, users):
    """The English draft translation of partner B's live release."""
    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(pages["b_live"])
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target(user=users["translator"], publish=False)
    return translation


def snapshot(*pages):
    """What a refused action must leave as it was: place, state, content, counts."""
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).order_by("pk")
    return (
        [
            (row.pk, row.path, row.live, row.locked, row.alias_of_id, row.title)
            for row in rows
        ],
        Page.objects.count(),
        Revision.objects.count(),
    )


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver"])
def test_admin_api_actions_on_another_partners_pages_are_refused(
    client, users, pages, b_page, b_alias, username
):
    client.force_login(users[username])
    b_live, own_section = pages["b_live"], section("alpha")
    before = snapshot(b_page, b_live, b_alias)
    actions = [
        (b_live, "copy", {"destination_page_id": own_section.pk, "slug": "api-kopie"}),
        (b_live, "create_alias", {"destination_page_id": own_section.pk}),
        (b_live, "move", {"destination_page_id": own_section.pk}),
        (b_live, "unpublish", {}),
        (b_live, "delete", {}),
        (b_page, "publish", {}),
        (b_page, "revert_to_page_revision", {"revision_id": b_page.latest_revision_id}),
        (b_page, "copy_for_translation", {"locale": "en"}),
        (b_alias, "convert_alias", {}),
    ]
    for page, action, data in actions:
        response = api_action(client, page, action, data)
        assert refused(response), (action, response.status_code)
    assert snapshot(b_page, b_live, b_alias) == before


def test_admin_api_publish_keeps_to_the_workflow(client, users):
    """The admin API's publish action follows the same rule as the edit view."""
    draft = make_release("alpha", "api-entwurf", users["alpha-editor"])
    network_wide = make_release(
        "alpha", "api-netzwerk", users["alpha-editor"], network_wide=True
    )
    # The lead signs off in the workflow; it cannot publish a partner's draft.
    client.force_login(users["lead"])
    assert refused(api_action(client, draft, "publish"))
    assert not Page.objects.get(pk=draft.pk).live
    # An approver cannot publish a network-wide release around the lead.
    client.force_login(users["alpha-approver"])
    response = api_action(client, network_wide, "publish")
    assert response.status_code == 403
    # The reason, in the admin's language (German here).
    assert "Konsortialleitung" in response.json()["detail"]
    assert not Page.objects.get(pk=network_wide.pk).live
    # Editors cannot publish at all.
    client.force_login(users["alpha-editor"])
    assert api_action(client, draft, "publish").status_code == 403
    assert not Page.objects.get(pk=draft.pk).live
    # The partner's approver may still publish an ordinary release of their own.
    client.force_login(users["alpha-approver"])
    assert api_action(client, draft, "publish").status_code == 200
    assert Page.objects.get(pk=draft.pk).live


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver"])
def test_aliases_ordering_and_listing_results_of_another_partner_are_refused(
    client, users, pages, b_page, b_alias, username
):
    client.force_login(users[username])
    before = snapshot(b_page, pages["b_live"], b_alias)
    convert_url = reverse("wagtailadmin_pages:convert_alias", args=[b_alias.pk])
    assert refused(client.get(convert_url))
    assert refused(client.post(convert_url))
    position_url = reverse("wagtailadmin_pages:set_page_position", args=[b_page.pk])
    assert refused(client.post(position_url + "?position=0"))
    assert snapshot(b_page, pages["b_live"], b_alias) == before
    # The explorer's results fragment for partner B's section lists no draft of B's.
    results = client.get(
        reverse("wagtailadmin_explore_results", args=[section("beta").pk])
    )
    assert refused(results) or SECRET not in results.content.decode()
    # Making an alias of one's own page inside partner B's section is refused too.
    own = pages["a_live"]
    copy_url = reverse("wagtailadmin_pages:copy", args=[own.pk])
    response = client.post(
        copy_url,
        {
            "new_title": own.title,
            "new_slug": "alias-bei-b",
            "new_parent_page": section("beta").pk,
            "alias": "on",
        },
    )
    assert response.status_code in (200, 403)  # the form refuses the parent
    assert not Page.objects.filter(slug="alias-bei-b").exists()


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver", "lead"])
@pytest.mark.parametrize(
    "action,data",
    [
        ("delete", {}),
        ("unpublish", {"include_descendants": ""}),
        ("move", {"chooser": "OWN_SECTION"}),
        ("publish", {"include_descendants": ""}),
    ],
)
def test_bulk_actions_leave_another_partners_pages_alone(
    client, users, pages, b_page, username, action, data
):
    client.force_login(users[username])
    b_live = pages["b_live"]
    data = {
        key: section("alpha").pk if value == "OWN_SECTION" else value
        for key, value in data.items()
    }
    before = snapshot(b_page, b_live)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    query = f"?id={b_page.pk}&id={b_live.pk}&next=/admin/"
    response = client.post(url + query, data)
    assert response.status_code in (200, 302, 403), response.status_code
    assert snapshot(b_page, b_live) == before


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver"])
def test_translation_views_refuse_another_partners_translation(
    client, users, b_translation, username
):
    client.force_login(users[username])
    target = b_translation.get_target_instance()
    segment = StringSegment.objects.filter(source=b_translation.source).first()
    before = snapshot(target)
    strings_before = StringTranslation.objects.count()
    args = [b_translation.pk]
    gets = [
        reverse("wagtail_localize:download_pofile", args=args),
        reverse("wagtail_localize:preview_translation", args=args),
        reverse("wagtail_localize:convert_to_alias", args=[target.pk]),
        reverse("editorial_submit_translation", args=[target.pk]),
        reverse("wagtailadmin_pages:edit", args=[target.pk]),
    ]
    leaks = [url for url in gets if not refused(client.get(url), client)]
    assert not leaks, leaks
    edit_string = reverse(
        "wagtail_localize:edit_string_translation", args=[b_translation.pk, segment.pk]
    )
    response = client.put(
        edit_string,
        urlencode({"value": "Gekapert"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert refused(response), response.status_code
    posts = [
        reverse("wagtail_localize:upload_pofile", args=args),
        reverse("wagtail_localize:stop_translation", args=args),
        reverse("wagtail_localize:convert_to_alias", args=[target.pk]),
        reverse("editorial_submit_translation", args=[target.pk]),
    ]
    for url in posts:
        assert refused(client.post(url)), url
    b_translation.refresh_from_db()
    assert b_translation.enabled
    assert StringTranslation.objects.count() == strings_before
    assert snapshot(target) == before


def test_the_translations_report_of_the_whole_site_is_for_administrators(client, users):
    """wagtail-localize's report names every translation's source, other partners'
    drafts included: partners' staff, the lead and the translator neither see it in
    the menu nor open it; an administrator does both."""
    draft = make_release("beta", "bericht-entwurf", users["beta-editor"])
    translate_page(draft, "en", publish=False)
    report = reverse("wagtail_localize:translations_report")
    results = reverse("wagtail_localize:translations_report_results")
    for name in ("alpha-editor", "alpha-approver", "lead", "translator"):
        client.force_login(users[name])
        assert refused(client.get(report)), name
        assert refused(client.get(results)), name
        assert report not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(users["test-admin"])
    response = client.get(report)
    assert response.status_code == 200
    assert draft.title in response.content.decode()
    assert report in client.get(reverse("wagtailadmin_home")).content.decode()
