"""No partner sees another partner's drafts anywhere in the admin.

Wagtail lets every admin user explore from the common ancestor of the pages they hold
permissions on; with one German and one English tree that is the root, so any page id
opened the explorer, the chooser and the bulk action confirmations with its title. Its
side views (revisions, workflow history, previews) check permissions one by one.

Here one rule, applied before every admin view that takes an object id: a page may be
opened by those who hold a page permission on it or below it (Wagtail's explorable
pages), and by the reviewers of the task it waits for (the lead's sign-off); the page
chooser and wagtail-localize's "translate this page" also accept live pages, which are
public anyway. Anything else gets Wagtail's own refusal (the dashboard with "Sorry, you
do not have permission to access this area.", a 403 for XMLHttpRequests; a 404 from the
admin API), which names nothing. Ids of revisions, workflow and task states, editing
sessions and translations count as their page's id.

`AdminIsolationMiddleware` applies the rule (settings.MIDDLEWARE); the listings it
cannot see through ids (bulk actions' `?id=`, the page types report, the admin API's
document and image listings) are handled below and in wagtail_hooks.py.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

from wagtail.admin.auth import permission_denied
from wagtail.admin.models import EditingSession
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, TranslationSource

# URL parameters that carry a page id, whatever the view.
PAGE_PARAMETERS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
# Namespaces whose `pk` parameter is a page id.
PAGE_PK_NAMESPACES = ("wagtailadmin_pages", "wagtailadmin_api:pages")
# Views that show live pages of anyone: choosing a link target, translating.
LIVE_PAGE_VIEWS = (
    "wagtailadmin_choose_page_child",
    "wagtail_localize:submit_page_translation",
)


# The actions whose pages Wagtail's explorable_instances() starts from.
EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def may_open(user, page):
    """True if `user` may open `page` anywhere in the admin."""
    if user.is_superuser or page.is_root():
        return True
    policy = PagePermissionPolicy()
    # Most requests are for the user's own pages: a permission on the page or above it
    # is read from the permissions Wagtail keeps on the user (no query). The explorable
    # pages add the ancestors of those pages, which needs a query over the tree.
    if policy.user_has_any_permission_for_instance(user, EXPLORE_ACTIONS, page):
        return True
    if policy.explorable_instances(user).filter(pk=page.pk).exists():
        return True
    task = page.current_workflow_task
    return task is not None and task.user_can_access_editor(page, user)


def openable_page_ids(user):
    """Ids of the pages `user` may open (for listings that cannot ask page by page)."""
    ids = set(
        PagePermissionPolicy().explorable_instances(user).values_list("pk", flat=True)
    )
    return ids | reviewable_page_ids(user)


def openable_page_count(user):
    """How many pages (the tree's root not counted) `user` may open, in two counts."""
    if user.is_superuser:
        return Page.objects.filter(depth__gt=1).count()
    explorable = PagePermissionPolicy().explorable_instances(user)
    reviewable = Page.objects.filter(pk__in=reviewable_page_ids(user)).exclude(
        pk__in=explorable.values("pk")
    )
    return explorable.filter(depth__gt=1).count() + reviewable.count()


def reviewable_page_ids(user):
    """Ids of the pages waiting for a workflow task `user` may review."""
    ids = set()
    waiting = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).select_related("current_task_state__task")
    for state in waiting:
        task_state = state.current_task_state
        if task_state is None:
            continue
        page = _page(state.object_id)
        if page is not None and task_state.task.specific.user_can_access_editor(
            page, user
        ):
            ids.add(page.pk)
    return ids


def _page(page_id):
    try:
        return Page.objects.get(pk=int(page_id))
    except (ValueError, TypeError, Page.DoesNotExist):
        return None


def _page_of(obj):
    """The page an object of a page belongs to (revision, state, session), or None."""
    content_type_id = getattr(obj, "base_content_type_id", None) or getattr(
        obj, "content_type_id", None
    )
    if content_type_id is None:
        return None
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or not issubclass(model, Page):
        return None
    return _page(obj.object_id)


def _object_page(model, object_id):
    try:
        return _page_of(model.objects.get(pk=int(object_id)))
    except (ValueError, TypeError, ObjectDoesNotExist):
        return None


def _translation_pages(translation_id=None, source_id=None):
    """(page to open, source page) of a wagtail-localize translation or source."""
    try:
        if translation_id is not None:
            translation = Translation.objects.select_related("source").get(
                pk=int(translation_id)
            )
            source = translation.source
        else:
            translation, source = None, TranslationSource.objects.get(pk=int(source_id))
    except (ValueError, TypeError, ObjectDoesNotExist):
        return None, None
    model = source.specific_content_type.model_class()
    if model is None or not issubclass(model, Page):
        return None, None
    pages = Page.objects.filter(translation_key=source.object_id)
    source_page = pages.filter(locale_id=source.locale_id).first()
    target = None
    if translation is not None:
        target = pages.filter(locale_id=translation.target_locale_id).first()
    return target, source_page


def pages_named_by(match, query):
    """Every page the resolved admin URL (and a bulk action's ?id=) refers to.

    Yields (page or None, live_is_enough); None stands for an object that belongs to
    a page which no longer exists, which refuses nothing.
    """
    kwargs = match.kwargs
    live_ok = match.view_name in LIVE_PAGE_VIEWS
    for name in PAGE_PARAMETERS:
        if name in kwargs:
            yield _page(kwargs[name]), live_ok
    if "pk" in kwargs and match.namespace in PAGE_PK_NAMESPACES:
        yield _page(kwargs["pk"]), False
    if str(kwargs.get("revision_id", "")).isdigit():
        yield _object_page(Revision, kwargs["revision_id"]), False
    if "workflow_state_id" in kwargs:
        yield _object_page(WorkflowState, kwargs["workflow_state_id"]), False
    if "task_state_id" in kwargs:
        try:
            state = TaskState.objects.get(pk=int(kwargs["task_state_id"]))
            yield _page_of(state.workflow_state), False
        except (ValueError, TaskState.DoesNotExist):
            pass
    if "session_id" in kwargs:
        yield _object_page(EditingSession, kwargs["session_id"]), False
    if "object_id" in kwargs and "app_label" in kwargs:
        try:
            model = ContentType.objects.get_by_natural_key(
                kwargs["app_label"], kwargs["model_name"]
            ).model_class()
        except ContentType.DoesNotExist:
            model = None
        if model is not None and issubclass(model, Page):
            yield _page(kwargs["object_id"]), False
    if "translation_id" in kwargs:
        target, source = _translation_pages(translation_id=kwargs["translation_id"])
        # The translator works on the target; without one, the source must be public.
        yield (target, False) if target is not None else (source, True)
    if "translation_source_id" in kwargs:
        # "Sync translated pages" of a live source is the translator's work.
        _target, source = _translation_pages(source_id=kwargs["translation_source_id"])
        yield source, True
    if match.url_name == "wagtail_bulk_action" and (
        kwargs.get("app_label"),
        kwargs.get("model_name"),
    ) == ("wagtailcore", "page"):
        for page_id in query.getlist("id"):
            yield _page(page_id), False


def refuses(user, match, query):
    for page, live_ok in pages_named_by(match, query):
        if page is None or (live_ok and page.live):
            continue
        if not may_open(user, page):
            return True
    return False


class AdminIsolationMiddleware:
    """Refuses an admin request naming a page the user may not open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        if user.is_superuser or not request.path_info.startswith("/admin/"):
            return None
        if not refuses(user, match, request.GET):
            return None
        if match.namespace.startswith("wagtailadmin_api"):
            raise Http404  # what the API answers for pages outside its queryset
        # Wagtail's own refusal: back to the dashboard with "Sorry, you do not have
        # permission to access this area." (a 403 for XMLHttpRequests).
        return permission_denied(request)
