"""The "Barrier report form" page type: where it may stand, the admin form, preview."""

from django.test import Client

from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from barriers.models import BarrierReportPage
from home.factories import ContentPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_it_stands_only_below_a_home_page_and_has_no_children(home_de):
    assert BarrierReportPage.allowed_parent_page_models() == [HomePage]
    assert BarrierReportPage.allowed_subpage_models() == []
    assert BarrierReportPage.can_exist_under(home_de)
    assert not BarrierReportPage.can_exist_under(ContentPageFactory())


def test_editors_create_it_through_the_admin_form(home_en, admin_user):
    BarrierReportPage.objects.filter(locale=home_en.locale).delete()
    client = Client()
    client.force_login(admin_user)
    url = f"/admin/pages/add/barriers/barrierreportpage/{home_en.pk}/"
    data = nested_form_data(
        {"title": "Report it", "slug": "report-it", "intro": rich_text("Tell us.")}
    )
    response = client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content[:2000]
    page = BarrierReportPage.objects.get(slug="report-it")
    assert page.live
    shown = Client().get(page.url)
    assert shown.status_code == 200
    assert b"Tell us." in shown.content and b'name="description"' in shown.content
    preview = client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert preview.status_code == 200
