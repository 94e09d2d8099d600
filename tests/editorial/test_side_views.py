"""Every admin URL that takes a page or object id refuses partner B's page to partner A.

Wagtail's recent security advisories were nearly all permission bypasses in side views
(preview, revisions, history, choosers, the admin API), so each is walked here with a
page of partner B while logged in as partner A's editor and approver.
"""

from django.urls import reverse

from wagtail.models import Page, PageLogEntry, PageViewRestriction
from wagtail_localize.models import TranslationSource

import pytest

from .conftest import section

SECRET = "Geheimer Entwurf DGB"


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
    page.save_revision(user=users["dgb-editor"])
    page.get_workflow().start(page, users["dgb-editor"])
    return Page.objects.get(pk=page.pk).specific


def page_urls(page, pages):
    """Admin URLs (GET) that take the id of partner B's page."""
    revisions = list(page.revisions.order_by("pk").values_list("pk", flat=True))
    state = page.current_workflow_state
    task_state = state.current_task_state
    b_section = section("dgb")
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
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section("agv").pk]),
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


@pytest.mark.parametrize("username", ["agv-editor", "agv-approver"])
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


@pytest.mark.parametrize("username", ["agv-editor", "agv-approver"])
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
                "new_parent_page": section("agv").pk,
            },
        ),
        (
            reverse(
                "wagtailadmin_pages:move_confirm",
                args=[b_page.pk, section("agv").pk],
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
                args=("news", "pressreleasepage", section("dgb").pk),
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
    assert b_page.get_parent().specific.partner.code == "dgb"
    assert b_page.revisions.count() == revisions_before
    assert b_live.live
    assert task_state.status == "in_progress"
    assert not PageViewRestriction.objects.filter(page=b_page).exists()
    assert not Page.objects.filter(slug__in=["kopie", "fremd"]).exists()
    assert PageLogEntry.objects.filter(page=b_page).count() == logs_before


@pytest.mark.parametrize("username", ["agv-editor", "agv-approver"])
def test_admin_api_does_not_serve_another_partners_draft(
    client, users, b_page, username
):
    client.force_login(users[username])
    own = client.get(f"/admin/api/main/pages/{section('agv').pk}/")
    assert own.status_code == 200
    response = client.get(f"/admin/api/main/pages/{b_page.pk}/", follow=True)
    assert response.status_code == 404
    listing = client.get("/admin/api/main/pages/", {"search": "Geheimer"})
    assert SECRET not in listing.content.decode()
    children = client.get("/admin/api/main/pages/", {"child_of": section("dgb").pk})
    assert SECRET not in children.content.decode()


@pytest.mark.parametrize("username", ["agv-editor", "agv-approver"])
def test_listings_search_choosers_and_reports_hide_another_partners_draft(
    client, users, b_page, username
):
    client.force_login(users[username])
    b_page.save_revision(user=users["dgb-editor"]).page.specific  # noqa: B018
    Page.objects.filter(pk=b_page.pk).update(locked=True, locked_by=users["dgb-editor"])
    urls = [
        reverse("wagtailadmin_explore", args=[section("dgb").pk]),
        reverse("wagtailadmin_explore", args=[section("dgb").get_parent().pk]),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_pages:search") + "?q=Geheimer",
        reverse("wagtailadmin_pages:search_results") + "?q=Geheimer",
        reverse("wagtailadmin_choose_page") + "?q=Geheimer",
        reverse("wagtailadmin_choose_page_search") + "?q=Geheimer",
        reverse("wagtailadmin_choose_page_child", args=[section("dgb").pk]),
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
    client.force_login(users["agv-editor"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"publish_translations": "on"}))


def test_page_chooser_still_lists_the_users_own_drafts(client, users, pages):
    client.force_login(users["agv-editor"])
    own = pages["a_draft"]
    response = client.get(
        reverse("wagtailadmin_choose_page_child", args=[section("agv").pk])
    )
    assert response.status_code == 200
    assert own.title in response.content.decode()
