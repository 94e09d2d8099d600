"""Each partner's files live in its own collection; "Gemeinsam" is for choosing only.

Editors and approvers add, change and choose images, documents and audio/video in their
partner's collection, choose from "Gemeinsam", and see nothing of another partner's
collection: not in the choosers, not through the upload forms, not on the dashboard.
"""

import re

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permissions import policy_registry
from wagtailmedia import get_permission_policy as media_policy
from wagtailmedia.models import get_media_model

import pytest

from partners.models import PartnerProfilePage
from tregks.core.factories import make_image
from tregks.editorial.setup import (
    SHARED_COLLECTION,
    editor_group_name,
    partner_collection,
    setup_editorial,
)

pytestmark = pytest.mark.django_db

ROLES = ("alpha-editor", "alpha-approver")


def collection_of(code):
    profile = PartnerProfilePage.objects.get(code=code, locale__language_code="de")
    return partner_collection(profile)


def shared():
    return Collection.objects.get(depth=2, name=SHARED_COLLECTION)


def files_in(collection, label):
    """One image, document and audio item in the collection, titled with `label`."""
    image = make_image(f"Bild {label}", (40, 30))
    image.collection = collection
    image.save()
    document = get_document_model()(title=f"Dokument {label}", collection=collection)
    document.file.save(f"{label}.txt", ContentFile(b"Text.\n"), save=False)
    document.save()
    media = get_media_model()(
        title=f"Audio {label}", type="audio", collection=collection
    )
    media.file.save(f"{label}.mp3", ContentFile(b"\xff\xfb\x90\x00" * 64), save=False)
    media.save()
    return {"image": image, "document": document, "media": media}


@pytest.fixture
def files(users):
    return {
        "alpha": files_in(collection_of("alpha"), "alpha-eigen"),
        "beta": files_in(collection_of("beta"), "beta-geheim"),
        "shared": files_in(shared(), "netzwerk"),
    }


def policies():
    return {
        "image": policy_registry.get_by_type(get_image_model()),
        "document": policy_registry.get_by_type(get_document_model()),
        "media": media_policy(),
    }


@pytest.mark.parametrize("username", ROLES)
def test_partner_roles_add_change_and_choose_only_in_their_collection(
    users, files, username
):
    user = users[username]
    for kind, policy in policies().items():
        own, other, common = (
            files["alpha"][kind],
            files["beta"][kind],
            files["shared"][kind],
        )
        assert policy.user_has_permission_for_instance(user, "change", own), kind
        assert policy.user_has_permission_for_instance(user, "choose", own), kind
        assert set(policy.collections_user_has_permission_for(user, "add")) == {
            collection_of("alpha")
        }, kind
        assert policy.user_has_permission_for_instance(user, "choose", common), kind
        assert not policy.user_has_permission_for_instance(user, "change", common)
        assert not policy.user_has_any_permission_for_instance(
            user, ["change", "delete", "choose"], other
        ), kind


def test_translators_choose_in_gemeinsam_only_and_the_lead_adds_there(users, files):
    translator, lead = users["translator"], users["lead"]
    for kind, policy in policies().items():
        assert policy.user_has_permission_for_instance(
            translator, "choose", files["shared"][kind]
        ), kind
        assert not policy.user_has_any_permission(translator, ["add", "change"]), kind
        assert not policy.user_has_permission_for_instance(
            translator, "choose", files["alpha"][kind]
        ), kind
        assert list(policy.collections_user_has_permission_for(lead, "add")) == [
            shared()
        ], kind


CHOOSERS = {
    "image": "wagtailimages_chooser:choose",
    "document": "wagtaildocs_chooser:choose",
    "media": "wagtailmedia:chooser",
}


@pytest.mark.parametrize("username", ROLES)
def test_choosers_list_own_and_shared_files_but_not_another_partners(
    client, users, files, username
):
    client.force_login(users[username])
    for kind, url_name in CHOOSERS.items():
        response = client.get(reverse(url_name))
        assert response.status_code == 200, kind
        text = response.content.decode()
        assert files["alpha"][kind].title in text, kind
        assert files["shared"][kind].title in text, kind
        assert files["beta"][kind].title not in text, kind


def test_shared_audio_can_be_chosen_but_not_another_partners(client, users, files):
    client.force_login(users["alpha-editor"])
    chosen = client.get(
        reverse("wagtailmedia:media_chosen", args=[files["shared"]["media"].pk])
    )
    assert chosen.status_code == 200
    assert chosen.json()["step"] == "media_chosen"
    refused = client.get(
        reverse("wagtailmedia:media_chosen", args=[files["beta"]["media"].pk])
    )
    assert refused.status_code in (302, 403)
    assert files["beta"]["media"].title not in refused.content.decode()


def test_uploads_into_another_partners_collection_are_refused(client, users, files):
    client.force_login(users["alpha-editor"])
    other = collection_of("beta")
    before = get_document_model().objects.filter(collection=other).count()
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Untergeschoben",
            "document-chooser-upload-file": ContentFile(b"x\n", name="unter.txt"),
            "document-chooser-upload-collection": other.pk,
        },
    )
    assert response.status_code == 200
    assert get_document_model().objects.filter(collection=other).count() == before
    media_before = get_media_model().objects.filter(collection=other).count()
    client.post(
        reverse("wagtailmedia:chooser_upload", args=["audio"]),
        {
            "media-chooser-upload-title": "Untergeschoben",
            "media-chooser-upload-file": ContentFile(b"x", name="unter.mp3"),
            "media-chooser-upload-collection": other.pk,
        },
    )
    assert get_media_model().objects.filter(collection=other).count() == media_before


def test_translators_get_no_upload_form(client, users, files):
    client.force_login(users["translator"])
    response = client.get(reverse("wagtailmedia:chooser_upload", args=["audio"]))
    assert response.status_code == 302
    listing = client.get(reverse("wagtailmedia:chooser")).content.decode()
    assert files["shared"]["media"].title in listing
    assert files["alpha"]["media"].title not in listing


def summary_count(dashboard, url):
    match = re.search(rf'<a href="{re.escape(url)}">\s*(?:<span>)?([\d.,]+)', dashboard)
    assert match, url
    return int(match.group(1).replace(".", "").replace(",", ""))


@pytest.mark.parametrize("username", [*ROLES, "lead"])
def test_dashboard_counts_agree_with_the_lists(client, users, files, username):
    client.force_login(users[username])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    for url_name in ("wagtailimages:index", "wagtaildocs:index"):
        url = reverse(url_name)
        listing = client.get(url)
        assert summary_count(dashboard, url) == listing.context["paginator"].count
    media_url = reverse("wagtailmedia:index")
    media_listing = client.get(media_url)
    assert (
        summary_count(dashboard, media_url)
        == media_listing.context["media_files"].paginator.count
    )


def test_setup_removes_only_its_own_old_root_grants(users):
    root = Collection.get_first_root_node()
    editors = Group.objects.get(name=editor_group_name("Alpha"))

    def permission(codename):
        return Permission.objects.get(codename=codename)

    # What older setups granted, and what an administrator added by hand.
    GroupCollectionPermission.objects.create(
        group=editors, collection=root, permission=permission("add_document")
    )
    GroupCollectionPermission.objects.create(
        group=editors, collection=root, permission=permission("delete_image")
    )
    setup_editorial()
    left = set(
        GroupCollectionPermission.objects.filter(
            group=editors, collection=root
        ).values_list("permission__codename", flat=True)
    )
    assert left == {"delete_image"}


def pages_summary_count(dashboard):
    match = re.search(r'href="/admin/pages/\d+/">\s*([\d.,]+)', dashboard)
    assert match, "no page count on the dashboard"
    return int(match.group(1).replace(".", "").replace(",", ""))


@pytest.mark.parametrize("username", [*ROLES, "translator"])
def test_dashboard_page_count_is_what_the_user_may_open(client, users, username):
    """Not the whole tree: the pages the explorer and edit views open for the user."""
    from wagtail.models import Page

    from tregks.editorial.isolation import may_open

    user = users[username]
    client.force_login(user)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    openable = sum(
        1 for page in Page.objects.filter(depth__gt=1) if may_open(user, page)
    )
    assert pages_summary_count(dashboard) == openable
    if username in ROLES:
        # A partner's people open their own sections, not the other partners'.
        assert openable < Page.objects.filter(depth__gt=1).count()
