from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .funding import seed_notices
from .models import FundingNotice, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "description"]


class FundingNoticeViewSet(SnippetViewSet):
    """The funder's notices in the footer, one per funding period (Snippets menu)."""

    model = FundingNotice
    icon = "success"
    list_display = ["ministry", "valid_from", "valid_until", "locale"]
    ordering = ["valid_from"]


register_snippet(TopicViewSet)
register_snippet(FundingNoticeViewSet)


@hooks.register("release_steps")
def funding_notices_release_step(stdout):
    """The two funding phases, where a fresh installation has none (idempotent)."""
    seed_notices()
