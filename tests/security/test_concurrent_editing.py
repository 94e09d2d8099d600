"""Two editors on one page: both see each other, and the second save never silently
discards the first (every save is a revision; autosave refuses to overwrite)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

import pytest

from home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def editor(name):
    user = get_user_model().objects.create_superuser(
        name, f"{name}@example.com", "irrelevant-Passw0rd", first_name=name.title()
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the notices below are Wagtail's English ones
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def form_data(page, title, loaded_revision):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "lead": page.lead,
            "body": streamfield([("paragraph", rich_text(f"<p>{title}</p>"))]),
            "loaded_revision_id": loaded_revision.pk,
            "loaded_revision_created_at": loaded_revision.created_at.isoformat(),
        }
    )


def latest(page):
    """The newest revision, read afresh (the page object caches its own)."""
    return page.revisions.order_by("-created_at", "-pk").first()


@pytest.fixture
def page():
    page = ContentPageFactory()
    page.save_revision()  # the revision both editors open
    return page


def test_concurrent_editing_notices_are_on(page):
    assert settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL > 0
    anna = editor("anna")
    response = anna.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert b"/admin/editing-sessions/ping/wagtailcore/page/" in response.content


def test_each_editor_sees_the_other(page):
    anna, ben = editor("anna"), editor("ben")
    ping = f"/admin/editing-sessions/ping/wagtailcore/page/{page.pk}/0/"
    assert anna.post(ping, {"is_editing": "1"}).status_code == 200
    answer = ben.post(ping).json()
    assert "Anna" in answer["html"]


def test_the_other_editor_is_told_of_a_newer_version(page):
    """Ben still has the opened revision; after Anna saves, his next ping says so."""
    anna, ben = editor("anna"), editor("ben")
    opened = latest(page)
    ping = f"/admin/editing-sessions/ping/wagtailcore/page/{page.pk}/0/"
    loaded = {
        "revision_id": opened.pk,
        "revision_created_at": opened.created_at.isoformat(),
    }
    quiet = ben.post(ping, loaded).json()
    assert "saved a new version" not in quiet["html"]

    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert (
        anna.post(edit_url, form_data(page, "Impressum von Anna", opened)).status_code
        == 302
    )
    answer = ben.post(ping, loaded).json()
    annas = latest(page)
    assert [s["revision_id"] for s in answer["other_sessions"]] == [annas.pk]
    assert "Anna saved a new version" in " ".join(answer["html"].split())


def test_the_second_save_keeps_the_first_as_a_revision(page):
    anna, ben = editor("anna"), editor("ben")
    opened = latest(page)
    edit_url = f"/admin/pages/{page.pk}/edit/"

    first = anna.post(edit_url, form_data(page, "Impressum von Anna", opened))
    assert first.status_code == 302
    annas = latest(page)
    assert annas.pk != opened.pk

    # Ben still has the old revision open; his save is a new revision on top.
    second = ben.post(edit_url, form_data(page, "Impressum von Ben", opened))
    assert second.status_code == 302
    bens = latest(page)
    assert bens.pk not in (opened.pk, annas.pk)

    titles = [r.content["title"] for r in page.revisions.order_by("created_at", "pk")]
    assert titles[-2:] == ["Impressum von Anna", "Impressum von Ben"]
    # Anna's version can be found, compared and restored from the history.
    history = anna.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200
    assert (
        anna.get(f"/admin/pages/{page.pk}/revisions/{annas.pk}/view/").status_code
        == 200
    )


def test_autosave_refuses_to_overwrite_a_newer_version(page):
    anna, ben = editor("anna"), editor("ben")
    opened = latest(page)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    anna.post(edit_url, form_data(page, "Impressum von Anna", opened))
    before = page.revisions.count()

    response = ben.post(
        edit_url,
        form_data(page, "Impressum von Ben", opened),
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert page.revisions.count() == before
    assert latest(page).content["title"] == "Impressum von Anna"
