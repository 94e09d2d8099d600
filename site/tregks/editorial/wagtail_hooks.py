"""Admin hooks of the editorial workflow: release step, guards and URLs."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import ListingButton
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from . import (
    dashboard,
    media_admin,
    reviews,
    translation_editor,
    translation_queue,
    views,
)
from .admin_api import (
    EditorialPagesAdminAPIViewSet,
    ScopedDocumentsAdminAPIViewSet,
    ScopedImagesAdminAPIViewSet,
)
from .guards import direct_publish_refusal, is_network_wide, may_publish_network_wide
from .setup import setup_editorial

# Editors' and reviewers' path (issue 12): dashboard panels, the requested changes on
# the edit view, messages that say what a review did, the submit-after-autosave script.
hooks.register("construct_homepage_panels", dashboard.add_editor_panels)
hooks.register("before_edit_page", reviews.show_requested_changes)
# Before the hook that may redirect a reviewer to the dashboard.
hooks.register("after_edit_page", reviews.say_what_the_review_did, order=-10)


@hooks.register("insert_editor_js")
def submit_after_autosave_js():
    return format_html(
        '<script src="{}" defer></script>',
        static("editorial/js/submit-after-autosave.js"),
    )


@hooks.register("release_steps")
def editorial_release_step(stdout):
    setup_editorial(stdout=stdout)


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    # Registered before wagtail-localize's and wagtailmedia's own URLs (order=-1), so
    # these paths replace their "Sync translated pages", "Convert to alias", translations
    # report and "media chosen" views.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            views.GuardedUpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.guarded_convert_to_alias,
            name="editorial_convert_to_alias",
        ),
        # Same paths as wagtail-localize's translations report: administrators only.
        path(
            "localize/reports/translations/",
            views.translations_report,
            name="editorial_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            views.translations_report_results,
            name="editorial_translations_report_results",
        ),
        # Same path as wagtailmedia's "media chosen" step, registered first.
        path(
            "media/chooser/<int:media_id>/",
            media_admin.media_chosen,
            name="editorial_media_chosen",
        ),
        path(
            "editorial/translation/<int:page_id>/submit/",
            views.submit_translation,
            name="editorial_submit_translation",
        ),
        path(
            "editorial/translation/<int:page_id>/slug/",
            translation_editor.save_slug,
            name="editorial_translation_slug",
        ),
        path(
            "editorial/translations/",
            translation_queue.translation_queue,
            name="editorial_translation_queue",
        ),
    ]


# The translator's path (translation_queue.py, translation_editor.py). The editor's
# hook runs before wagtail-localize's, which answers every POST to a translation.
hooks.register("construct_homepage_panels", translation_queue.dashboard_panel)
hooks.register("register_admin_menu_item", translation_queue.menu_item)
hooks.register(
    "before_edit_page", translation_editor.handle_translation_editor_post, order=-10
)


@hooks.register("construct_reports_menu")
def hide_translations_report(request, menu_items):
    """The whole-site translations report is for administrators (views.py)."""
    if not request.user.is_superuser:
        report = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != report]


def _refuse_network_wide_publish(request, page):
    """Approvers cannot publish a network-wide release around the lead's sign-off.

    The publish is turned into "save draft" (the posted publish button is dropped
    before Wagtail's edit or create view reads it), so the approver's edits are kept
    as a draft and the message says what to do instead.
    """
    if "action-publish" not in request.POST or may_publish_network_wide(request.user):
        return None
    posted_flag = request.POST.get("network_wide") in ("on", "true", "True", "1")
    stored_flag = page is not None and is_network_wide(page)
    if not (posted_flag or stored_flag):
        return None
    posted = request.POST.copy()
    del posted["action-publish"]
    request.POST = posted
    messages.warning(
        request,
        _(
            "A release that speaks for the whole network needs the consortium "
            "lead's sign-off. Your changes have been saved as a draft: submit it "
            "for approval instead of publishing it."
        ),
    )
    return None


@hooks.register("before_edit_page")
def guard_network_wide_edit(request, page):
    if request.method == "POST":
        return _refuse_network_wide_publish(request, page.specific)
    return None


@hooks.register("after_edit_page")
def back_to_the_dashboard_after_a_review(request, page):
    """After a review in the editor Wagtail sends the reviewer to the page's parent in
    the explorer. The lead holds only its workflow task, not the partner's section, and
    would land on "no permission": its dashboard is where the next review waits."""
    if not request.POST.get("action-workflow-action"):
        return None
    if get_valid_next_url_from_request(request):
        return None
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    if explorable.filter(pk=page.get_parent().pk).exists():
        return None
    return redirect("wagtailadmin_home")


@hooks.register("before_create_page")
def guard_network_wide_create(request, parent_page, page_class):
    if request.method == "POST":
        return _refuse_network_wide_publish(request, None)
    return None


@hooks.register("before_bulk_action")
def guard_bulk_publish(request, action_type, objects, action_class):
    """Bulk publishing only for pages the user may edit, and network-wide releases only
    by the lead: the lead's publish permission exists for its sign-off, not to publish
    other partners' drafts around their approvers."""
    if action_type != "publish":
        return None
    for obj in objects:
        reason = direct_publish_refusal(request.user, obj)
        if reason is not None:
            messages.error(request, reason)
            return redirect(action_class.next_url or reverse("wagtailadmin_home"))
    return None


@hooks.register("construct_admin_api")
def guard_admin_api_publish(router):
    router.register_endpoint("pages", EditorialPagesAdminAPIViewSet)


# After wagtail.documents' and wagtail.images' own hooks, which register these names.
@hooks.register("construct_admin_api", order=100)
def scope_admin_api_files(router):
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)


def _synced_translations():
    """Enabled wagtail-localize translations into the outer page's locale."""
    return Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        target_locale_id=OuterRef("locale_id"),
        enabled=True,
    )


@hooks.register("construct_explorer_page_queryset")
def mark_translations_in_explorer(parent_page, pages, request):
    """One subquery in the explorer's page query instead of one query per row for the
    "submit translation" button (at 50 rows some 50 queries, a third of the view)."""
    return pages.annotate(editorial_is_translation=Exists(_synced_translations()))


def _is_translation(page):
    annotated = getattr(page, "editorial_is_translation", None)
    if annotated is not None:
        return annotated
    return Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    ).exists()


def _translation_buttons(page, user, view_name=None, next_url=None):
    """ "Submit translation for approval" on synced translations the user may edit."""
    if page.is_root():
        return
    # Explorer rows carry the answer (mark_translations_in_explorer); elsewhere one
    # query. The workflow is looked up only for translations.
    is_translation = _is_translation(page)
    if not is_translation or not page.has_workflow:
        return
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return
    if is_translation and page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Submit translation for approval"),
            reverse("editorial_submit_translation", args=[page.id]),
            priority=65,
            icon_name="resubmit",
            attrs={"data-editorial-submit-translation": ""},
        )


hooks.register("register_page_listing_more_buttons", _translation_buttons)
hooks.register("register_page_header_buttons", _translation_buttons)


@hooks.register("before_move_page")
def guard_move(request, page, destination):
    # Wagtail 8.0.1's move confirmation page checks permissions only when the move is
    # posted; its GET would show another partner's page title. Refuse both.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied(_("You may not move this page there."))


@hooks.register("construct_page_chooser_queryset")
def hide_other_partners_drafts_in_chooser(pages, request):
    """The page chooser lists live pages and the pages the user works on, no other
    partner's drafts."""
    # Each row's status otherwise costs three queries (locale, schedule, workflow).
    pages = (
        pages.select_related("locale")
        .annotate_approved_schedule()
        .prefetch_workflow_states()
    )
    user = request.user
    if user.is_superuser:
        return pages
    own = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, {"add", "change", "publish"}
    )
    return pages.filter(Q(live=True) | Q(pk__in=own.values("pk")))


# Files: partner collections, the embargo and the media chooser (editorial.media_admin).
hooks.register("before_serve_document", media_admin.refuse_embargoed_document)
hooks.register("before_serve_media_file", media_admin.refuse_embargoed_media)
hooks.register("construct_media_chooser_queryset", media_admin.add_choosable_media)
hooks.register(
    "construct_homepage_summary_items", media_admin.count_what_the_lists_show, order=100
)
