"""Private pages and collections stay private: on the site, in the API and for files."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

import pytest
from PIL import Image as PILImage

from home.factories import ContentPageFactory
from tests.utils import soup
from tregks.editorial.setup import shared_collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_collection():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Intern (Konsortium)")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def private_document(private_collection):
    return get_document_model().objects.create(
        title="Internes Protokoll",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="protokoll.pdf"),
        collection=private_collection,
    )


@pytest.fixture
def private_image(private_collection):
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Internes Foto",
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="intern.png"),
        collection=private_collection,
    )


def test_private_documents_are_hidden_from_the_api(client, private_document):
    listing = client.get("/api/v2/documents/?limit=50").json()
    assert private_document.pk not in [item["id"] for item in listing["items"]]
    detail = client.get(f"/api/v2/documents/{private_document.pk}/", follow=True)
    assert detail.status_code == 404


def test_private_images_are_hidden_from_the_api(client, private_image):
    listing = client.get("/api/v2/images/?limit=50").json()
    assert private_image.pk not in [item["id"] for item in listing["items"]]
    detail = client.get(f"/api/v2/images/{private_image.pk}/", follow=True)
    assert detail.status_code == 404


def test_private_documents_need_a_login(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_public_documents_stay_listed(client):
    public = get_document_model().objects.create(
        title="Öffentlicher Bericht",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="bericht.pdf"),
        # Network material; elsewhere a file waits for a live page (embargo).
        collection=shared_collection(),
    )
    listing = client.get("/api/v2/documents/?limit=50").json()
    assert public.pk in [item["id"] for item in listing["items"]]


@pytest.fixture
def protected_page():
    page = ContentPageFactory(lead="Nur mit Passwort zu lesen.")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="kassel-2026"
    )
    return page


def test_password_protected_page_asks_for_the_password(client, protected_page):
    response = client.get(protected_page.url)
    assert response.status_code == 200
    html = soup(response)
    password = html.find("input", attrs={"name": "password"})
    assert password is not None, response.content.decode()[:2000]
    form = password.find_parent("form")
    assert html.find("label", attrs={"for": password["id"]}) is not None
    assert protected_page.lead not in html.get_text(), (
        "content hidden before the password"
    )

    wrong = client.post(
        form["action"], {"password": "falsch", "return_url": protected_page.url}
    )
    assert wrong.status_code == 200
    assert b"id_password" in wrong.content

    right = client.post(
        form["action"], {"password": "kassel-2026", "return_url": protected_page.url}
    )
    assert right.status_code == 302
    page = client.get(right["Location"])
    assert page.status_code == 200
    assert soup(page).h1.get_text(strip=True) == protected_page.title


def test_protected_pages_are_left_out_of_the_public_api(client, protected_page):
    listing = client.get("/api/v2/pages/?limit=50").json()
    assert protected_page.pk not in [item["id"] for item in listing["items"]]


def test_login_restricted_page_redirects_to_the_login(client):
    page = ContentPageFactory()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(page.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
