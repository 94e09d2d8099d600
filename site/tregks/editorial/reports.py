"""Wagtail's "page types usage" report without other partners' page titles.

The report names the last edited page of every page type, whoever owns it: a partner's
editor read another partner's draft title there. This version names the last edited
page among those the user may open (editorial.isolation), or none. Routed in
site/tregks/urls.py ahead of Wagtail's admin URLs.
"""

from django.db.models import F

from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from .isolation import openable_page_ids


class PartnerPageTypesUsageReportView(PageTypesUsageReportView):
    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        if user.is_superuser:
            return page_types
        openable = openable_page_ids(user)
        for item in page_types:
            page = item.last_edited_page
            if page is None or page.pk in openable:
                continue
            item.last_edited_page = (
                Page.objects.filter(content_type_id=item.pk, pk__in=openable)
                .order_by(F("latest_revision_created_at").desc(nulls_last=True))
                .specific()
                .first()
            )
        return page_types
