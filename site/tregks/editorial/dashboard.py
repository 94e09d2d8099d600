"""Dashboard panels for a partner's editors: start new content, act on requested changes.

Registered through Wagtail's `construct_homepage_panels` hook (wagtail_hooks.py).
"""

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowState


def shortcut_parents(user):
    """The pages below which the user's groups may add pages, in the default language.

    Partners write German originals in their own sections and shows; translations
    come through wagtail-localize, so the English tree gets no shortcut.
    """
    if not user.is_active:
        return []
    add = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="add_page"
    )
    page_ids = GroupPagePermission.objects.filter(
        group__in=user.groups.all(), permission__in=add
    ).values("page_id")
    return list(
        Page.objects.filter(pk__in=page_ids, locale=Locale.get_default())
        .specific()
        .order_by("path")
    )


def new_content_shortcuts(user):
    """[{label, parent, url}] for every page type the user may add to their sections."""
    shortcuts = []
    for parent in shortcut_parents(user):
        if not parent.permissions_for_user(user).can_add_subpage():
            continue
        for model in type(parent).creatable_subpage_models():
            if not model.can_create_at(parent):
                continue
            shortcuts.append(
                {
                    "label": model.get_verbose_name(),
                    "parent": parent.get_admin_display_title(),
                    "url": reverse(
                        "wagtailadmin_pages:add",
                        args=(model._meta.app_label, model._meta.model_name, parent.pk),
                    ),
                }
            )
    return shortcuts


class NewContentPanel(Component):
    """ "Neu anlegen": one link per content type of the user's own sections."""

    name = "editorial_new_content"
    template_name = "editorial/dashboard/new_content.html"
    order = 50

    def __init__(self, shortcuts):
        self.shortcuts = shortcuts

    def get_context_data(self, parent_context):
        return {"shortcuts": self.shortcuts}


def changes_requested(user, limit=20):
    """[{page, task_state}] of pages the user may edit whose reviewers asked for
    changes, newest request first; the task state holds who asked, when and why."""
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by", "current_task_state__task")
        .order_by("-current_task_state__finished_at")
    )
    rows = []
    for state in states:
        page = state.content_object
        if not isinstance(page, Page):
            continue
        if not page.permissions_for_user(user).can_edit():
            continue
        task_state = state.current_task_state
        rows.append(
            {
                "page": page,
                "task_state": task_state,
                "reviewer": reviewer_name(task_state),
                "comment": task_state.get_comment(),
            }
        )
        if len(rows) >= limit:
            break
    return rows


class ChangesRequestedPanel(Component):
    """ "Änderungen angefordert": the reviewer's comment next to the page to fix."""

    name = "editorial_changes_requested"
    template_name = "editorial/dashboard/changes_requested.html"
    order = 60

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows}


def reviewer_name(task_state):
    user = task_state.finished_by
    if user is None:
        return _("a reviewer")
    return user.get_full_name() or user.get_username()


def add_editor_panels(request, panels):
    user = request.user
    rows = changes_requested(user)
    if rows:
        panels.append(ChangesRequestedPanel(rows))
    shortcuts = new_content_shortcuts(user)
    if shortcuts:
        panels.append(NewContentPanel(shortcuts))
