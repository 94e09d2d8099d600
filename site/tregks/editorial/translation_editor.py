"""wagtail-localize's translation editor, with the partners' workflow in its footer.

wagtail-localize 1.14's React footer offers only Publish, Delete, Lock, Unpublish and
"Stop Synced translation", and makes the last of them the main button: "Delete" for a
translator. The editorial app's copy of its template (templates/wagtail_localize/admin/
edit_translation.html) hides that footer and renders this one, built from Wagtail's
own action-menu markup and workflow-action script:

- whoever may edit the translation: "Submit translation for approval" (main button),
  which saves the translated strings as a draft revision and starts the page's
  workflow, as the page editor's "Submit for moderation" does;
- a reviewer of the current task: the task's actions (approve, request changes with
  a comment), posted to the edit URL exactly like the page editor's, and handled by
  `handle_translation_editor_post` (a before_edit_page hook that runs before
  wagtail-localize's);
- the rest of wagtail-localize's actions in the dropdown, Publish only for those
  who may publish the page directly (guards.direct_publish_refusal).

Above the editor the translator sees the reviewer's comment after a request for
changes, and the page's English address (slug) with a field to set it.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_unicode_slug
from django.db import transaction
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .guards import direct_publish_refusal

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


def enabled_translation(page):
    """The synchronised translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


class _Discard(Exception):
    """Rolls back wagtail-localize's write to the live page row."""


def draft_from_translation(translation, page, user):
    """The translated content as a new draft revision; the live page stays as it is.

    wagtail-localize's save_target(publish=False) also writes the translated text into
    the page's own row, which is what the public site serves: an unapproved text would
    go live. So its revision content is taken and the rest of its work rolled back.
    """
    content = None
    try:
        with transaction.atomic():
            translation.save_target(user=user, publish=False)
            content = Page.objects.get(pk=page.pk).get_latest_revision().content
            raise _Discard
    except _Discard:
        pass
    draft = Page.objects.get(pk=page.pk).specific.with_content_json(content)
    return draft.save_revision(user=user, log_action=True)


# The slug -----------------------------------------------------------------------


def _segment(translation, path):
    return (
        StringSegment.objects.filter(source=translation.source, context__path=path)
        .select_related("string", "context")
        .first()
    )


def _translated(segment, locale):
    if segment is None:
        return None
    found = StringTranslation.objects.filter(
        translation_of_id=segment.string_id,
        locale=locale,
        context_id=segment.context_id,
    ).first()
    return found.data if found else None


def _set_translated(segment, locale, value, user):
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=locale,
        context_id=segment.context_id,
        defaults={
            "data": value,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": user,
            "has_error": False,
            "field_error": "",
        },
    )


def slug_state(translation):
    """(translated slug or None, suggestion from the translated title, source slug)."""
    locale = translation.target_locale
    slug_segment = _segment(translation, "slug")
    if slug_segment is None:
        return None
    title = _translated(_segment(translation, "title"), locale)
    return {
        "translated": _translated(slug_segment, locale),
        "suggestion": slugify(title) if title else "",
        "source": slug_segment.string.data,
    }


def fill_untranslated_slug(translation, user):
    """An untranslated slug becomes the slugified translated title; returns it or None.

    Otherwise the English page would keep the German address.
    """
    state = slug_state(translation)
    if state is None or state["translated"] or not state["suggestion"]:
        return None
    _set_translated(
        _segment(translation, "slug"),
        translation.target_locale,
        state["suggestion"],
        user,
    )
    return state["suggestion"]


@require_POST
def save_slug(request, page_id):
    """Sets the translated slug from the field above the translation editor."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied(_("You may not edit this page."))
    translation = enabled_translation(page)
    segment = _segment(translation, "slug") if translation else None
    if segment is None:
        return HttpResponseBadRequest(
            _("This page has no translated address.").encode()
        )
    value = slugify(request.POST.get("slug", "").strip())
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    try:
        validate_unicode_slug(value)
    except ValidationError:
        messages.error(
            request,
            _(
                "The address needs at least one letter or digit; use lower-case "
                "letters, digits and hyphens."
            ),
        )
        return redirect(edit_url)
    _set_translated(segment, translation.target_locale, value, request.user)
    messages.success(
        request, _("The address “%(slug)s” has been saved.") % {"slug": value}
    )
    return redirect(edit_url)


# Submitting and reviewing ---------------------------------------------------------


def submit_for_approval(translation, page, user):
    """Saves the translation as a draft and starts the page's workflow on it.

    After a request for changes the workflow starts afresh, so the partner's
    approvers see the corrected translation first. Returns the filled-in slug, if the
    translator left it untranslated.
    """
    filled_slug = fill_untranslated_slug(translation, user)
    draft_from_translation(translation, page, user)
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    page.get_workflow().start(page, user)
    return filled_slug


def submission_refusal(page):
    """Why the translation cannot be submitted now, or None."""
    if page.get_workflow() is None:
        return _("This page has no workflow.")
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("This translation is already waiting for approval.")
    return None


def strings_changed_since(translation, moment):
    """True if a translated string of this translation changed after `moment`."""
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        updated_at__gt=moment,
    ).exists()


def _workflow_actions(page, user):
    task = page.current_workflow_task
    if task is None:
        return []
    return list(task.get_actions(page, user))


def review_message(page, action_name):
    """What happened, in words: approved and published, or waiting for the next task."""
    title = page.get_admin_display_title()
    if action_name == "reject":
        return _(
            "Changes to the translation “%(title)s” have been requested; the "
            "translator has been notified."
        ) % {"title": title}
    if action_name != "approve":
        return _("The translation “%(title)s” has been updated.") % {"title": title}
    page = Page.objects.get(pk=page.pk)
    task = page.current_workflow_task
    if task is not None:
        return _(
            "The translation “%(title)s” has been approved and now waits for "
            "“%(task)s”."
        ) % {"title": title, "task": task.name}
    if page.live and not page.has_unpublished_changes:
        return _("The translation “%(title)s” has been approved and published.") % {
            "title": title
        }
    scheduled = page.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at:
        return _(
            "The translation “%(title)s” has been approved; it goes live on %(date)s."
        ) % {
            "title": title,
            "date": scheduled.approved_go_live_at.strftime("%d.%m.%Y %H:%M"),
        }
    return _("The translation “%(title)s” has been approved.") % {"title": title}


def _after_submit_url(request, page):
    if request.user.has_perm(TRANSLATE_PERMISSION):
        return reverse("editorial_translation_queue")
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _submit(request, page, translation):
    refusal = submission_refusal(page)
    if refusal is not None:
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:edit", page.pk)
    filled_slug = submit_for_approval(translation, page, request.user)
    message = _("The translation “%(title)s” has been submitted for approval.") % {
        "title": Page.objects.get(pk=page.pk).get_admin_display_title()
    }
    if filled_slug:
        message += " " + _(
            "Its address was taken from the translated title: “%(slug)s”."
        ) % {"slug": filled_slug}
    messages.success(request, message)
    return redirect(
        get_valid_next_url_from_request(request) or _after_submit_url(request, page)
    )


def _review(request, page, translation):
    action_name = request.POST.get("workflow-action-name", "")
    names = [name for name, _label, _modal in _workflow_actions(page, request.user)]
    if action_name not in names:
        messages.error(
            request,
            _("This translation is not waiting for this action from you any more."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = None
    if not isinstance(extra, dict):
        return HttpResponseBadRequest(
            _("The review's details are unreadable.").encode()
        )
    latest = page.get_latest_revision()
    if latest is None or strings_changed_since(translation, latest.created_at):
        # As in the page editor: what the reviewer sees on screen is what is acted on.
        draft_from_translation(translation, page, request.user)
        page = Page.objects.get(pk=page.pk).specific
    page.current_workflow_task.on_action(
        page.current_workflow_task_state, request.user, action_name, **extra
    )
    messages.success(request, review_message(page, action_name))
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


def handle_translation_editor_post(request, page):
    """before_edit_page hook: the translation editor footer's POSTs.

    Runs before wagtail-localize's own hook (this app comes first), which would
    otherwise answer every POST to a translation's edit URL.
    """
    if request.method != "POST":
        return None
    translation = enabled_translation(page)
    if translation is None:
        return None
    if request.POST.get("action-submit"):
        return _submit(request, page.specific, translation)
    if request.POST.get("action-workflow-action"):
        return _review(request, page.specific, translation)
    if request.POST.get("action") == "publish":
        # wagtail-localize's Publish checks only publish permission: a partner's
        # approver could publish a network-wide translation around the lead.
        # Without publish permission wagtail-localize refuses by itself (403).
        may_publish = page.permissions_for_user(request.user).can_publish()
        refusal = direct_publish_refusal(request.user, page)
        if may_publish and refusal is not None:
            messages.error(request, refusal)
            return redirect("wagtailadmin_pages:edit", page.pk)
    return None


# What the template shows -------------------------------------------------------------


def last_request_for_changes(page):
    """The rejected task state of a workflow that needs changes, or None."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return (
        TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
        .select_related("finished_by", "task")
        .order_by("-finished_at")
        .first()
    )


def editor_context(request, translation, page):
    """Everything the footer and the notices above the editor need."""
    user = request.user
    page = page.specific
    permissions = page.permissions_for_user(user)
    state = page.current_workflow_state
    in_progress = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    can_edit = permissions.can_edit()
    workflow_actions = [
        {
            "name": name,
            "label": label,
            "modal_url": reverse(
                "wagtailadmin_pages:collect_workflow_action_data",
                args=[page.pk, name, state.current_task_state.pk],
            )
            if modal
            else None,
        }
        for name, label, modal in _workflow_actions(page, user)
    ]
    slug = slug_state(translation)
    parent_url = page.get_parent().specific.get_url(request=request)
    return {
        "page": page,
        "translation": translation,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "can_submit": can_edit and submission_refusal(page) is None,
        "resubmit": state is not None
        and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "in_progress": in_progress,
        "waiting_for": state.current_task_state.task.name
        if in_progress and state.current_task_state
        else None,
        "workflow_actions": workflow_actions,
        "may_publish": direct_publish_refusal(user, page) is None,
        "can_unpublish": page.live and permissions.can_unpublish(),
        "can_delete": permissions.can_delete(),
        "can_edit": can_edit,
        "rejection": last_request_for_changes(page),
        "slug": slug,
        "slug_value": (slug["translated"] or slug["suggestion"] or slug["source"])
        if slug
        else "",
        "parent_url": parent_url,
        "preview_url": reverse(
            "wagtail_localize:preview_translation", args=[translation.pk]
        ),
        "stop_url": reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        "delete_url": reverse("wagtailadmin_pages:delete", args=[page.pk]),
        "unpublish_url": reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        "slug_url": reverse("editorial_translation_slug", args=[page.pk]),
        "queue_url": reverse("editorial_translation_queue")
        if user.has_perm(TRANSLATE_PERMISSION)
        else None,
    }
