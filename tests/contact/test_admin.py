"""Messages in the admin: each partner's staff see their own, nobody else's."""

from django.test import Client
from django.urls import reverse

import pytest

from contact.factories import ContactMessageFactory
from contact.models import ContactMessage, MessageStatus

pytestmark = pytest.mark.django_db

INDEX = "contact_messages:index"


def detail(message):
    return reverse("contact_messages:detail", args=[message.pk])


@pytest.fixture
def messages(network):
    return {
        "a": ContactMessageFactory(
            recipient_code="test-partner-a", subject="Vertraulich an A 7f3k"
        ),
        "b": ContactMessageFactory(
            recipient_code="test-partner-b", subject="Vertraulich an B 9q2x"
        ),
    }


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_a_partners_staff_list_and_open_only_their_own_messages(
    network, messages, role
):
    client = logged_in(network["staff"]["a"][role])
    listing = client.get(reverse(INDEX))
    assert listing.status_code == 200
    text = listing.content.decode()
    assert messages["a"].subject in text
    assert messages["b"].subject not in text
    own = client.get(detail(messages["a"]))
    assert own.status_code == 200
    assert messages["a"].message in own.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_partners_message_is_a_404_that_names_nothing(
    network, messages, method
):
    client = logged_in(network["staff"]["a"]["editor"])
    data = {"status": "answered"} if method == "post" else None
    response = getattr(client, method)(detail(messages["b"]), data)
    assert response.status_code == 404
    assert messages["b"].subject not in response.content.decode()
    messages["b"].refresh_from_db()
    assert messages["b"].status == MessageStatus.NEW
    deleted = client.post(detail(messages["b"]), {"delete": "1"})
    assert deleted.status_code == 404
    assert ContactMessage.objects.filter(pk=messages["b"].pk).exists()


def test_site_administrators_see_every_message(network, messages):
    client = logged_in(network["admin"])
    text = client.get(reverse(INDEX)).content.decode()
    assert messages["a"].subject in text and messages["b"].subject in text
    assert client.get(detail(messages["b"])).status_code == 200


def test_users_without_a_partner_group_get_no_messages_and_no_menu_item(
    network, messages, django_user_model
):
    from django.contrib.auth.models import Group

    lead_like = django_user_model.objects.create_user("nur-leser", password="x")
    group, _ = Group.objects.get_or_create(name="Übersetzung")
    lead_like.groups.add(group)
    client = logged_in(lead_like)
    for url in (reverse(INDEX), detail(messages["a"])):
        response = client.get(url)
        assert response.status_code in (302, 403, 404)
        text = response.content.decode()
        assert messages["a"].subject not in text
    anonymous = Client().get(detail(messages["a"]))
    assert anonymous.status_code == 302  # to the login page
    assert "login" in anonymous["Location"]


def test_the_menu_shows_the_messages_to_staff(network, messages):
    dashboard = logged_in(network["staff"]["b"]["editor"]).get(
        reverse("wagtailadmin_home")
    )
    assert reverse(INDEX) in dashboard.content.decode()


def test_staff_mark_a_message_answered_and_filter_by_status(network, messages):
    approver = network["staff"]["a"]["approver"]
    client = logged_in(approver)
    response = client.post(detail(messages["a"]), {"status": "answered"}, follow=True)
    assert response.status_code == 200
    messages["a"].refresh_from_db()
    assert messages["a"].status == MessageStatus.ANSWERED
    assert messages["a"].status_changed_by == approver
    assert messages["a"].status_changed_at is not None
    new = client.get(reverse(INDEX), {"status": "new"}).content.decode()
    answered = client.get(reverse(INDEX), {"status": "answered"}).content.decode()
    assert messages["a"].subject not in new
    assert messages["a"].subject in answered
    # And back to "new" again.
    client.post(detail(messages["a"]), {"status": "new"})
    messages["a"].refresh_from_db()
    assert messages["a"].status == MessageStatus.NEW


def test_an_unknown_status_is_refused_with_a_message(network, messages):
    client = logged_in(network["staff"]["a"]["editor"])
    response = client.post(detail(messages["a"]), {"status": "gelöscht"})
    assert response.status_code == 400
    messages["a"].refresh_from_db()
    assert messages["a"].status == MessageStatus.NEW


def test_staff_delete_a_message_on_request(network, messages):
    client = logged_in(network["staff"]["a"]["editor"])
    response = client.post(detail(messages["a"]), {"delete": "1"})
    assert response.status_code == 302
    assert not ContactMessage.objects.filter(pk=messages["a"].pk).exists()
