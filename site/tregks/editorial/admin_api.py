"""The admin API's pages endpoint with the same publishing rule as the edit view.

Wagtail's admin API offers `POST /admin/api/main/pages/<id>/action/publish/`, which
checks only publish permission: the lead could publish any partner's draft press
release and an approver a network-wide release without the lead. Registered through
the `construct_admin_api` hook in place of Wagtail's endpoint.
"""

from django.core.exceptions import PermissionDenied

from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet

from .guards import direct_publish_refusal


class GuardedPublishPageAPIAction(PublishPageAPIAction):
    def execute(self, instance, data):
        reason = direct_publish_refusal(self.request.user, instance)
        if reason is not None:
            raise PermissionDenied(str(reason))  # DRF answers 403 with the reason
        return super().execute(instance, data)


class EditorialPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "publish": GuardedPublishPageAPIAction}
