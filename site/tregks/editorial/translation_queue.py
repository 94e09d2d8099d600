"""What waits for translation: the translator's list, its dashboard panel and menu item.

A live page of the source language (German) waits when the target language has no
page for it, when the source was published again after wagtail-localize last read it
("Sync translated pages" not done yet), when the approvers asked for changes to its
translation, or when its translation is a draft nobody has submitted. Translations
waiting for approval are not listed: the translator has nothing to do there.

The list holds only pages the user may translate: pages below the source-language
counterpart of a page where the user may add pages in the target language (for the
translators' group: the English home page, so every German page).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Length, Substr
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"
PER_PAGE = 25
PANEL_ROWS = 5

# Why a page waits.
MISSING = "missing"
OUTDATED = "outdated"
CHANGES_REQUESTED = "changes_requested"
DRAFT = "draft"
STATUS_LABELS = {
    MISSING: gettext_lazy("Not translated yet"),
    OUTDATED: gettext_lazy("Source changed since the last sync"),
    CHANGES_REQUESTED: gettext_lazy("Changes requested"),
    DRAFT: gettext_lazy("Started, not submitted yet"),
}


def may_translate(user):
    return user.is_active and user.has_perm(TRANSLATE_PERMISSION)


def target_locales():
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")


def _translatable_paths(user, source_locale, target_locale):
    """Paths of the source pages whose subtrees the user may translate (None: all)."""
    if user.is_superuser:
        return None
    target_keys = GroupPagePermission.objects.filter(
        group__user=user,
        permission__codename="add_page",
        page__locale=target_locale,
    ).values("page__translation_key")
    return list(
        Page.objects.filter(
            locale=source_locale, translation_key__in=target_keys
        ).values_list("path", flat=True)
    )


def pages_to_translate(user, target_locale):
    """Live source-language pages waiting for a translation into `target_locale`.

    Each page is annotated with `waiting` (one of the statuses above), `target_id`
    (the translated page, if any) and `parent_title`; newest publication first. The
    checks are correlated subqueries on indexed columns (translation_key and locale,
    path, object_id), so one page of the list costs a few queries at any size.
    """
    source_locale = Locale.get_default()
    paths = _translatable_paths(user, source_locale, target_locale)
    if paths is not None and not paths:
        return Page.objects.none()
    pages = (
        _annotated(source_locale, target_locale)
        .filter(_candidates(source_locale, target_locale))
        .filter(waiting__isnull=False)
        .order_by(F("last_published_at").desc(nulls_last=True), "-pk")
    )
    if paths is not None:
        within = Q()
        for path in paths:
            within |= Q(path__startswith=path)
        pages = pages.filter(within)
    return pages


def _annotated(source_locale, target_locale):
    """Live source pages with `waiting`, `target_id` and `parent_title` (unfiltered)."""
    target = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=target_locale
    )
    source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale=source_locale
    )
    synced = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale=source_locale,
        target_locale=target_locale,
        enabled=True,
    )
    target_workflow = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("target_id"), output_field=CharField()),
        status__in=(
            WorkflowState.STATUS_IN_PROGRESS,
            WorkflowState.STATUS_NEEDS_CHANGES,
        ),
    )
    parent = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    )
    return (
        Page.objects.live()
        .filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .annotate(
            target_id=Subquery(target.values("pk")[:1]),
            target_live=Subquery(target.values("live")[:1]),
            synced_at=Subquery(source.values("last_updated_at")[:1]),
            is_synced=Exists(synced),
        )
        .annotate(target_workflow=Subquery(target_workflow.values("status")[:1]))
        .annotate(
            waiting=Case(
                When(target_id__isnull=True, then=Value(MISSING)),
                When(
                    target_workflow=WorkflowState.STATUS_IN_PROGRESS, then=Value(None)
                ),
                When(
                    target_workflow=WorkflowState.STATUS_NEEDS_CHANGES,
                    then=Value(CHANGES_REQUESTED),
                ),
                When(
                    is_synced=True,
                    last_published_at__gt=F("synced_at"),
                    then=Value(OUTDATED),
                ),
                When(is_synced=True, target_live=False, then=Value(DRAFT)),
                default=Value(None),
                output_field=CharField(),
            )
        )
        .annotate(parent_title=Subquery(parent.values("title")[:1]))
    )


class WaitingPages:
    """The waiting pages for a paginator, the rule evaluated once per request.

    Counting and slicing the queryset ran the whole rule twice (the count and the
    rows; at 10,000 releases per language each run reads every source page). Here
    one query reads the ordered ids, and a slice reads its rows by id.
    """

    def __init__(self, user, target_locale):
        self.target_locale = target_locale
        self.ids = list(
            pages_to_translate(user, target_locale).values_list("pk", flat=True)
        )

    def __len__(self):
        return len(self.ids)

    def count(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index]
        if not isinstance(index, slice):
            ids = [ids]
        if not ids:
            return []
        source_locale = Locale.get_default()
        rows = _annotated(source_locale, self.target_locale).in_bulk(ids)
        pages = [rows[pk] for pk in ids if pk in rows]
        return pages if isinstance(index, slice) else pages[0]


def _candidates(source_locale, target_locale):
    """A cheap superset of the waiting pages, as uncorrelated subqueries.

    The `waiting` annotation asks five correlated questions of every row; at 10,000
    releases per language that is some 50,000 index probes per request (about 1 s).
    These sets are computed once each (an anti-join and three small lookups), and the
    exact rule then runs only on the few rows they leave.
    """
    has_target = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=target_locale
    )
    missing = Page.objects.filter(locale=source_locale).filter(~Exists(has_target))
    target_pages = Page.objects.filter(locale=target_locale)
    reviewed = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        status=WorkflowState.STATUS_NEEDS_CHANGES,
    ).values("object_id")
    changes_requested = target_pages.annotate(
        text_id=Cast("pk", output_field=CharField())
    ).filter(text_id__in=reviewed)
    republished_source = Page.objects.filter(
        translation_key=OuterRef("object_id"),
        locale=source_locale,
        last_published_at__gt=OuterRef("last_updated_at"),
    )
    outdated = TranslationSource.objects.filter(
        locale=source_locale,
        translations__target_locale=target_locale,
        translations__enabled=True,
    ).filter(Exists(republished_source))
    return (
        Q(pk__in=missing.values("pk"))
        | Q(
            translation_key__in=target_pages.filter(live=False).values(
                "translation_key"
            )
        )
        | Q(translation_key__in=changes_requested.values("translation_key"))
        | Q(translation_key__in=outdated.values("object_id"))
    )


def _source_ids(pages):
    """{page id: TranslationSource id} for the listed pages (one query)."""
    keys = {page.translation_key: page.pk for page in pages}
    sources = TranslationSource.objects.filter(
        object_id__in=keys, locale=Locale.get_default()
    ).values_list("object_id", "pk")
    return {keys[object_id]: pk for object_id, pk in sources}


class QueueRow:
    """One waiting page with the one-click action that starts or continues its work."""

    def __init__(self, page, target_locale, source_id):
        self.page = page
        self.status = page.waiting
        self.status_label = STATUS_LABELS[page.waiting]
        self.target_locale = target_locale
        editor_url = (
            reverse("wagtailadmin_pages:edit", args=[page.target_id])
            if page.target_id
            else None
        )
        self.preview_url = page.url
        if self.status == MISSING:
            # wagtail-localize's own submit view, posted: it creates the draft and
            # opens its translation editor.
            self.action_label = _("Translate")
            self.action_url = reverse(
                "wagtail_localize:submit_page_translation", args=[page.pk]
            )
            self.action_fields = {"locales": target_locale.pk}
            self.action_method = "post"
        elif self.status == OUTDATED and source_id is not None:
            # "Sync translated pages" (the guarded view), then the translation editor.
            self.action_label = _("Update translation")
            self.action_url = reverse(
                "wagtail_localize:update_translations", args=[source_id]
            )
            self.action_fields = {"next": editor_url}
            self.action_method = "post"
        else:
            self.action_label = _("Continue translation")
            self.action_url = editor_url
            self.action_fields = {}
            self.action_method = "get"


def queue_rows(pages, target_locale):
    pages = list(pages)
    source_ids = _source_ids(pages)
    return [QueueRow(page, target_locale, source_ids.get(page.pk)) for page in pages]


def _chosen_locale(request):
    locales = list(target_locales())
    code = request.GET.get("locale")
    for locale in locales:
        if locale.language_code == code:
            return locale, locales
    return (locales[0] if locales else None), locales


def translation_queue(request):
    """The full list, paginated: admin URL editorial/translations/."""
    if not may_translate(request.user):
        raise PermissionDenied(_("Only translators may open this list."))
    target_locale, locales = _chosen_locale(request)
    pages = WaitingPages(request.user, target_locale) if target_locale else []
    paginator = Paginator(pages, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("p"))
    return render(
        request,
        "editorial/translation_queue.html",
        {
            "page_title": _("To translate"),
            "header_title": _("To translate"),
            "header_icon": "wagtail-localize-language",
            "rows": queue_rows(page_obj.object_list, target_locale),
            "page_obj": page_obj,
            "paginator": paginator,
            "target_locale": target_locale,
            "locales": locales,
        },
    )


class TranslationQueuePanel(Component):
    """The first waiting pages on the translator's dashboard, with the way to the list."""

    name = "editorial_translation_queue"
    order = 90
    template_name = "editorial/includes/translation_queue_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        target_locale, _locales = _chosen_locale(self.request)
        pages = WaitingPages(self.request.user, target_locale)
        return {
            "rows": queue_rows(pages[:PANEL_ROWS], target_locale),
            "total": len(pages),
            "target_locale": target_locale,
            "csrf_token": parent_context.get("csrf_token"),
            "request": self.request,
        }


class TranslationQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return may_translate(request.user)


def dashboard_panel(request, panels):
    if may_translate(request.user) and target_locales().exists():
        panels.append(TranslationQueuePanel(request))


def menu_item():
    return TranslationQueueMenuItem(
        gettext_lazy("To translate"),
        reverse("editorial_translation_queue"),
        icon_name="wagtail-localize-language",
        order=250,
    )
