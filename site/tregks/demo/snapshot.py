"""A comparable picture of the built demo site, to prove a refactoring changes nothing.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python manage.py shell -c \
        "from tregks.demo.snapshot import dump; dump('/tmp/demo.json')"

Ids, random keys (translation keys, block ids, podcast GUIDs, tokens) and the timestamps
of pages are left out; files are named by their title, so the picture is the same for any
build order. The records the demo dates back from the day it runs (registrations,
subscriptions, contact messages, barrier reports) show their times as an age at the
moment of the snapshot ("36 d 0 h ago", or at the `now` given), so two builds compare
equal when each is dumped within the hour it was built.
"""

import datetime
import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtailmedia.models import get_media_model

from tregks.core.models import FooterLinks

LEFT_OUT = {
    "pk",
    "id",
    "translation_key",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "go_live_at",
    "feed_guid",
    "owner",
    "locked_by",
    "locked_at",
    "path",
    "content_type",
    "locale",
    "alias_of",
    "page_ptr",
    "token_hash",
}

# Form records the demo makes (not pages, not snippets), by model label.
RECORD_MODELS = [
    "registrations.Registration",
    "newsletter.Subscription",
    "contact.ContactMessage",
    "barriers.BarrierReport",
]


def _file_titles():
    titles = {}
    for model in (get_image_model(), get_document_model(), get_media_model()):
        for pk, title in model.objects.values_list("pk", "title"):
            titles[(model._meta.label_lower, pk)] = title
    return titles


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in sorted(value.items()) if k not in LEFT_OUT}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _page_label(pk):
    page = Page.objects.filter(pk=pk).first()
    return f"{page.locale.language_code}:{page.url_path}" if page else None


def _age(value, now):
    """How long before `now` a time or day lies, in whole days and hours."""
    if isinstance(value, datetime.datetime):
        hours = int((now - value).total_seconds() // 3600)
        return f"{hours // 24} d {hours % 24} h ago"
    return f"{(timezone.localdate(now) - value).days} d ago"


def _fields(instance, now=None):
    """Field values with foreign keys written as something stable (a title or URL path).

    With `now`, times and days are written as their age (see the module's docstring).
    """
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in LEFT_OUT or field.name.endswith("_ptr"):
            continue
        value = getattr(instance, field.attname)
        if field.is_relation and value is not None:
            target = field.related_model
            if issubclass(target, Page):
                value = _page_label(value)
            elif hasattr(target, "title"):
                value = str(
                    target.objects.filter(pk=value)
                    .values_list("title", flat=True)
                    .first()
                )
            else:
                value = str(target.objects.filter(pk=value).first())
        elif now is not None and isinstance(value, datetime.date):
            value = _age(value, now)
        elif hasattr(value, "raw_data"):  # StreamField
            value = _clean(json.loads(json.dumps(list(value.raw_data), default=str)))
        elif not isinstance(value, (str, int, float, bool, type(None))):
            value = str(value)
        data[field.name] = value
    for relation in instance._meta.many_to_many:
        data[relation.name] = sorted(
            str(o) for o in getattr(instance, relation.name).all()
        )
    for relation in instance._meta.related_objects:
        # modelcluster child relations (ParentalKey), e.g. issuing partners, guests.
        if (
            relation.one_to_many
            and getattr(relation.field, "__class__", None).__name__ == "ParentalKey"
        ):
            rows = getattr(instance, relation.get_accessor_name()).all()
            data[relation.name] = [
                {
                    f.name: (
                        str(getattr(row, f.name))
                        if f.is_relation
                        else getattr(row, f.attname)
                    )
                    for f in row._meta.concrete_fields
                    if f.name not in LEFT_OUT and f.name != relation.field.name
                }
                for row in rows
            ]
    return data


def _workflow(page):
    states = WorkflowState.objects.filter(
        base_content_type__isnull=False, object_id=str(page.pk)
    )
    return [
        {
            "workflow": state.workflow.name,
            "status": state.status,
            "task": state.current_task_state.task.name
            if state.current_task_state
            else None,
            "task_states": [
                (ts.task.name, ts.status, ts.comment)
                for ts in state.task_states.order_by("pk")
            ],
        }
        for state in states.order_by("pk")
    ]


def _records(now):
    return {
        label.lower(): sorted(
            json.dumps(_fields(obj, now=now), sort_keys=True, default=str)
            for obj in apps.get_model(label).objects.all()
        )
        for label in RECORD_MODELS
    }


def snapshot(now=None):
    """The demo as plain data; times of form records as their age at `now` (or now)."""
    pages = []
    for page in Page.objects.order_by("path").select_related("locale"):
        specific = page.specific
        pages.append(
            {
                "depth": page.depth,
                "type": page.specific_class._meta.label_lower
                if page.specific_class
                else None,
                "locale": page.locale.language_code,
                "url_path": page.url_path,
                "slug": page.slug,
                "title": page.title,
                "live": page.live,
                "has_unpublished_changes": page.has_unpublished_changes,
                "alias": bool(page.alias_of_id),
                "workflow": _workflow(page),
                "fields": _fields(specific),
            }
        )
    snippets = {}
    for model in get_snippet_models():
        snippets[model._meta.label_lower] = sorted(
            json.dumps(_fields(obj), sort_keys=True, default=str)
            for obj in model.objects.all()
        )
    footers = [
        json.dumps(_fields(f), sort_keys=True, default=str)
        for f in FooterLinks.objects.all()
    ]
    users = [
        {
            "username": u.username,
            "email": u.email,
            "name": [u.first_name, u.last_name],
            "superuser": u.is_superuser,
            "staff": u.is_staff,
            "groups": sorted(g.name for g in u.groups.all()),
        }
        for u in get_user_model().objects.order_by("username")
    ]
    groups = [
        {
            "name": g.name,
            "permissions": sorted(p.codename for p in g.permissions.all()),
            "pages": sorted(
                f"{gp.permission.codename}@{_page_label(gp.page_id)}"
                for gp in GroupPagePermission.objects.filter(group=g)
            ),
            "collections": sorted(
                f"{cp.permission.codename}@{cp.collection.name}"
                for cp in g.collection_permissions.all()
            ),
        }
        for g in Group.objects.order_by("name")
    ]
    files = {}
    for model in (get_image_model(), get_document_model(), get_media_model()):
        files[model._meta.label_lower] = sorted(
            [
                obj.title,
                obj.collection.name,
                getattr(obj, "file_hash", ""),
                getattr(obj, "width", None),
                getattr(obj, "height", None),
                str(getattr(obj, "duration", "")),
                getattr(obj, "description", ""),
            ]
            for obj in model.objects.select_related("collection")
        )
    collections = [
        ("  " * c.depth) + c.name for c in Collection.objects.order_by("path")
    ]
    return {
        "pages": pages,
        "snippets": snippets,
        "records": _records(now or timezone.now()),
        "footer_links": footers,
        "users": users,
        "groups": groups,
        "files": files,
        "collections": collections,
    }


def dump(path):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(
            snapshot(),
            handle,
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
            default=str,
        )
