"""Admin views that send wagtail-localize's work through the partners' workflows."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .guards import direct_publish_refusal
from .translation_editor import (
    enabled_translation,
    submission_refusal,
    submit_for_approval,
)


def user_can_publish_targets(user, source):
    """True if the user may publish every page that syncing would publish."""
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if (
            isinstance(target, Page)
            and not target.permissions_for_user(user).can_publish()
        ):
            return False
    return True


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without publishing for non-publishers.

    The original view publishes every translation when "Publish immediately" is ticked,
    whatever the user's page permissions. Here the option is left out of the form unless
    the user may publish every target page, and a hand-made POST with it is refused.
    """

    def may_publish(self):
        return user_can_publish_targets(self.request.user, self.object)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            del form.fields["publish_translations"]
        return form

    def post(self, request, **kwargs):
        if "publish_translations" in request.POST and not self.may_publish():
            raise PermissionDenied(_("You may not publish these translations."))
        return super().post(request, **kwargs)

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


@require_http_methods(["GET", "POST"])
def submit_translation(request, page_id):
    """Save a synced translation as a draft and start the page's workflow on it.

    The confirmation page behind the explorer's "Submit translation for approval";
    the translation editor's footer does the same from the editor itself
    (translation_editor.py).
    """
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied(_("You may not edit this page."))
    translation = enabled_translation(page)
    if translation is None:
        return HttpResponseBadRequest(
            _("This page is not a synchronised translation.").encode()
        )
    refusal = submission_refusal(page)
    if refusal is not None:
        return HttpResponseBadRequest(refusal.encode())
    back_url = reverse("wagtailadmin_explore", args=[page.get_parent().id])
    if request.method == "GET":
        return render(
            request,
            "editorial/confirm_submit_translation.html",
            {
                "page": page,
                "page_title": _("Submit translation for approval"),
                "header_title": _("Submit translation for approval"),
                "submit_url": request.path,
                "back_url": back_url,
            },
        )
    submit_for_approval(translation, page, request.user)
    page = Page.objects.get(pk=page.pk).specific
    messages.success(
        request,
        _("The translation '%(title)s' has been submitted for approval.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect(get_valid_next_url_from_request(request) or back_url)


@require_admin_access
def confirm_workflow_cancellation(request, page_id):
    """Wagtail's "publishing cancels the workflow" dialog, for publishers of the page only.

    Wagtail 8.0.1 serves it for any page id, naming the page's workflow and task.
    site/tregks/urls.py routes the admin URL here, ahead of Wagtail's admin URLs.
    """
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied(_("You may not publish this page."))
    return page_viewset_registry.as_view(
        "confirm_workflow_cancellation", page_id_kwarg="page_id"
    )(request, page_id=page_id)


def administrators_only(view):
    """wagtail-localize's translations report lists every translation of the site with
    its source's title, drafts of every partner included, to anyone in the admin. The
    partners' editors and the translator have their own lists (the explorer, the
    "To translate" list); the whole-site report stays with the administrators."""

    @require_admin_access
    def guarded(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


translations_report = administrators_only(TranslationsReportView.as_view())
translations_report_results = administrators_only(
    TranslationsReportView.as_view(results_only=True)
)


@require_admin_access
def guarded_convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias", for those who may publish the page only.

    Converting a translation into an alias of its source mirrors the source's live
    status at once: a translator's or editor's draft would go live without approval.
    Users who cannot edit the page get wagtail-localize's own refusal.
    """
    page = get_object_or_404(Page, id=page_id)
    may_edit = page.permissions_for_user(request.user).can_edit()
    if may_edit and direct_publish_refusal(request.user, page) is not None:
        messages.error(
            request,
            _(
                "Converting a translation into an alias publishes it: only the "
                "page's approvers may do that."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return convert_to_alias(request, page_id=page_id)
