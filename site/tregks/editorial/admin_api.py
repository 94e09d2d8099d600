"""The admin API's pages endpoint with the same publishing rule as the edit view.

Wagtail's admin API offers `POST /admin/api/main/pages/<id>/action/publish/`, which
checks only publish permission: the lead could publish any partner's draft press
release and an approver a network-wide release without the lead. Registered through
the `construct_admin_api` hook in place of Wagtail's endpoint. The document and image
endpoints are replaced the same way, listing only files of the user's collections.
"""

from django.core.exceptions import PermissionDenied

from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from .guards import direct_publish_refusal


class GuardedPublishPageAPIAction(PublishPageAPIAction):
    def execute(self, instance, data):
        reason = direct_publish_refusal(self.request.user, instance)
        if reason is not None:
            raise PermissionDenied(str(reason))  # DRF answers 403 with the reason
        return super().execute(instance, data)


class EditorialPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "publish": GuardedPublishPageAPIAction}


def _collection_scoped(viewset_class):
    """The admin API's document or image endpoint, listing only what the user may
    choose (their partner's collection and the shared one): Wagtail's endpoint lists
    every file's title to anyone with admin access."""

    class CollectionScopedViewSet(viewset_class):
        def get_queryset(self):
            queryset = super().get_queryset()
            user = self.request.user
            if user.is_superuser:
                return queryset
            policy = policy_registry.get_by_type(queryset.model)
            allowed = policy.instances_user_has_any_permission_for(
                user, ["add", "change", "choose"]
            )
            return queryset.filter(pk__in=allowed.values("pk"))

    CollectionScopedViewSet.__name__ = f"CollectionScoped{viewset_class.__name__}"
    return CollectionScopedViewSet


ScopedDocumentsAdminAPIViewSet = _collection_scoped(DocumentsAdminAPIViewSet)
ScopedImagesAdminAPIViewSet = _collection_scoped(ImagesAdminAPIViewSet)
