from wagtail import hooks
from wagtail.permissions import register_permission_policy

from tregks.core.scheduled import ScheduledTask

from .admin_views import SubscriptionPermissionPolicy, SubscriptionViewSet
from .models import Subscription
from .signup import purge_expired

register_permission_policy(Subscription, SubscriptionPermissionPolicy(Subscription))


@hooks.register("register_admin_viewset")
def subscription_viewset():
    return SubscriptionViewSet("newsletter")


@hooks.register("register_scheduled_task")
def purge_newsletter_signups():
    """Unconfirmed sign-ups after 7 days, withdrawn ones after 30 (docs/privacy.md)."""
    return ScheduledTask(name="newsletter.purge", run=purge_expired)
