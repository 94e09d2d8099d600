"""The isolation walk's pieces (tests: test_isolation_walk_ids_*.py, which walk every
admin URL that takes an object id; test_isolation_walk_listings_*.py, every admin URL
without one; test_isolation_walk.py, the fillers and what each role still opens).
The walks: every admin URL that takes an object id, with another partner's objects, as
every partner role, GET and POST; every admin URL without an id, searched for the draft.

The routes come from Django's URL resolver (everything below /admin/), so a route
added later is walked without editing this test. Each id is filled with an object of
partner Gamma: a draft press release with a rejected submission (the reviewer's comment),
a message to Gamma through the contact form, a second submission waiting, a page comment, revisions, workflow and task states, a
translation source, an editing session, a redirect, a search promotion, and the
documents and images in Gamma's private collection where partners have one. As
`alpha-editor`, `alpha-approver`, `lead` and `translator`, no response body and no message
left for the next request may name the draft's title or either comment, and the
database must be as it was.

A route whose parameter this walk cannot fill fails the test: add a filler below
(or, for a route that takes no object of another partner, an allowlist entry).
"""

import hashlib
import re
import secrets

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.contrib.messages.storage.base import BaseStorage
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from wagtail.admin.models import EditingSession
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    Comment,
    GroupCollectionPermission,
    Locale,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)
from wagtail.permissions import policy_registry
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from contact.models import ContactMessage

from .conftest import make_release, section

# The walking roles: partner A's editor and approver (test_isolation_walk_*_partner.py),
# the consortium lead and the translator (test_isolation_walk_*_network.py).
PARTNER_ROLES = ["alpha-editor", "alpha-approver"]
NETWORK_ROLES = ["lead", "translator"]

# Routes that take no object of another partner. Each needs a reason.
ALLOWLIST = {
    # A one-time link of the user's own password reset; it names no page.
    "wagtailadmin_password_reset_confirm",
}


def admin_routes():
    """(route regex text, namespaced name, parameter names) of every admin URL
    pattern that takes a parameter, straight from the resolver."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(n for n in (namespace, pattern.namespace) if n)
                yield from walk(
                    pattern.url_patterns, prefix + str(pattern.pattern), inner
                )
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield prefix + str(pattern.pattern), name or "", pattern

    routes = []
    for route, name, _pattern in walk(get_resolver().url_patterns, "", ""):
        if not route.startswith("admin/"):
            continue
        parameters = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)
        parameters = [a or b for a, b in parameters]
        if parameters:
            routes.append((route, name, parameters))
    return routes


def fill(route, values):
    """The route's text with each <converter:name> and (?P<name>…) replaced."""

    def replace(match):
        return str(values[match.group(1) or match.group(2)])

    path = re.sub(
        r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)", replace, route
    )
    path = re.sub(r"\\(.)", r"\1", path)  # regex escapes such as \.
    return "/" + path.replace("^", "").replace("$", "")


def build_other_partner(users):
    """Partner Gamma's objects, none of which the walking roles may see."""
    tag = secrets.token_hex(4)
    gamma_editor, gamma_approver = users["gamma-editor"], users["gamma-approver"]
    token = f"Sperrvermerk{tag}"
    secret = {
        "title": f"{token} Wasserstoffpartnerschaft vertraulich",
        "rejection": f"Ablehnungsgrund {tag}: die Zahlen stimmen noch nicht",
        "comment": f"Randnotiz {tag} zum Vorspann",
        "document": f"Vertragsentwurf {tag}",
        "image": f"Interne Grafik {tag}",
        "token": token,
    }
    # Shared material the draft uses: usage views must not name the draft.
    shared_image = get_image_model().objects.create(
        title=f"Gemeinsames Bild {tag}", file=get_test_image_file()
    )
    draft = make_release(
        "gamma",
        f"isolation-{tag}",
        gamma_editor,
        title=secret["title"],
        image=shared_image,
    )
    draft.lead = "Zweite Fassung des Vorspanns."
    draft.save_revision(user=gamma_editor, log_action=True)
    workflow_state = draft.get_workflow().start(draft, gamma_editor)
    rejected = workflow_state.current_task_state
    rejected.task.specific.on_action(
        rejected, gamma_approver, "reject", comment=secret["rejection"]
    )
    workflow_state.refresh_from_db()
    workflow_state.resume(user=gamma_editor)
    workflow_state.refresh_from_db()
    waiting = workflow_state.current_task_state
    draft = Page.objects.get(pk=draft.pk).specific
    Comment.objects.create(
        page=draft,
        user=gamma_approver,
        text=secret["comment"],
        contentpath="lead",
        revision_created=draft.latest_revision,
    )
    page_type = ContentType.objects.get_for_model(Page)
    session = EditingSession.objects.create(
        user=gamma_editor,
        content_type=page_type,
        object_id=str(draft.pk),
        last_seen_at=timezone.now(),
    )
    source, _created = TranslationSource.get_or_create_from_instance(draft)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    segment = StringSegment.objects.filter(source=source).first()

    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    redirect = Redirect.objects.create(old_path=f"/gamma-{tag}", redirect_page=draft)
    query = Query.get(token)
    SearchPromotion.objects.create(query=query, page=draft, sort_order=0)

    # Gamma's private collection, with a document and an image in it.
    root = Collection.get_first_root_node()
    collection = root.add_child(name=f"Gamma intern {tag}")
    for group in users["gamma-editor"].groups.all():
        for permission in GroupCollectionPermission.objects.filter(
            group=group, collection=root
        ).values_list("permission", flat=True):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission_id=permission
            )
    document = get_document_model().objects.create(
        title=secret["document"],
        collection=collection,
        file=ContentFile(b"%PDF-1.4 vertraulich", name=f"vertrag-{tag}.pdf"),
        uploaded_by_user=gamma_editor,
    )
    image = get_image_model().objects.create(
        title=secret["image"],
        collection=collection,
        file=get_test_image_file(),
        uploaded_by_user=gamma_editor,
    )
    # A message to Gamma through the contact form (contact app): only Gamma's staff read it.
    contact_message = ContactMessage.objects.create(
        recipient_code="gamma",
        recipient_name="Gamma",
        name="Absenderin",
        email=f"absenderin-{tag}@example.org",
        subject=secret["title"],
        message=secret["comment"],
        language="de",
    )
    uploaded = UploadedFile.objects.create(
        file=ContentFile(b"%PDF-1.4", name=f"upload-{tag}.pdf"),
        uploaded_by_user=gamma_editor,
        for_content_type=ContentType.objects.get_for_model(get_document_model()),
    )
    # An event of Gamma with a registration (registrations app): its person's name and
    # address are as secret as the draft.
    from registrations import booking
    from tests.registrations.conftest import make_event

    secret["registrant"] = f"Anmeldeperson {tag}"
    secret["registrant_email"] = f"anmeldung-{tag}@example.org"
    event = make_event("gamma", capacity=5)
    registration = booking.register(
        event,
        {"name": secret["registrant"], "email": secret["registrant_email"]},
        "de",
    ).registration
    # The lead's barrier reports and subscriber list (barriers, newsletter apps).
    from barriers.models import BarrierReport
    from newsletter.models import Subscription

    secret["barrier_report"] = f"Barrierebericht {tag} vertraulich"
    secret["subscription"] = f"abonnent-{tag}@tregks.invalid"
    barrier_report = BarrierReport.objects.create(
        description=secret["barrier_report"], page_url=f"/de/{tag}/"
    )
    subscription = Subscription.objects.create(
        email=secret["subscription"], language="de", consent_version="2026-12"
    )
    return {
        "secret": secret,
        "event": event,
        "registration": registration,
        "barrier_report": barrier_report,
        "subscription": subscription,
        "draft": draft,
        "section": section("gamma"),
        "workflow_state": workflow_state,
        "task_states": [rejected, waiting],
        "revisions": list(draft.revisions.order_by("pk")),
        "session": session,
        "source": source,
        "translation": translation,
        "segment": segment,
        "redirect": redirect,
        "query": query,
        "collection": collection,
        "document": document,
        "image": image,
        "shared_image": shared_image,
        "uploaded": uploaded,
        "contact_message": contact_message,
    }


def private_objects(user, objects):
    """The document and image of Gamma's private collection, if the collection is
    private from `user` (partner collections, docs/editorial-workflow.md); a shared
    collection is not another partner's private scope."""
    private = {}
    for key in ("document", "image"):
        item = objects[key]
        policy = policy_registry.get_by_type(type(item))
        if not policy.user_has_any_permission_for_instance(
            user, ["add", "change", "choose", "delete"], item
        ):
            private[key] = item
    # The lead's barrier reports and subscribers: private from everyone without the
    # model's view permission (only the lead's group has it).
    for key in ("barrier_report", "subscription"):
        item = objects[key]
        policy = policy_registry.get_by_type(type(item))
        if not policy.user_has_permission(user, "view"):
            private[key] = item
    return private


# Each parameter name: the values of another partner's objects to walk it with.
# A route in a namespace listed in PK_BY_NAMESPACE takes that object for `pk`.
def fillers(objects, private):
    draft = objects["draft"]
    task_states = objects["task_states"]
    revisions = objects["revisions"]
    image_ids = [objects["shared_image"].pk]
    if "image" in private:
        image_ids.append(private["image"].pk)
    document_ids = [private["document"].pk] if "document" in private else [0]
    return {
        "page_id": [draft.pk],
        "parent_page_id": [draft.pk, objects["section"].pk],
        "page_to_move_id": [draft.pk],
        "destination_id": [objects["section"].pk],
        "page_pk": [draft.pk],
        "revision_id": [revisions[0].pk, revisions[-1].pk],
        "revision_id_a": ["earliest"],
        "revision_id_b": ["latest"],
        "task_state_id": [state.pk for state in task_states],
        "workflow_state_id": [objects["workflow_state"].pk],
        "task_id": [task_states[-1].task_id],
        "workflow_pk": [draft.get_workflow().pk],
        "action_name": ["approve", "reject"],
        "action": ["publish", "unpublish", "delete", "move"],
        "app_label": ["wagtailcore"],
        "model_name": ["page"],
        "app_name": ["news"],
        "content_type_app_name": ["news"],
        "content_type_model_name": ["pressreleasepage"],
        "object_id": [draft.pk],
        "session_id": [objects["session"].pk],
        "translation_source_id": [objects["source"].pk],
        "translation_id": [objects["translation"].pk],
        "string_segment_id": [objects["segment"].pk],
        "overridable_segment_id": [objects["segment"].pk],
        "mode": [""],
        "redirect_id": [objects["redirect"].pk],
        "query_id": [objects["query"].pk],
        "collection_id": [objects["collection"].pk],
        "document_id": document_ids,
        "doc_id": document_ids,
        "image_id": image_ids,
        "filter_spec": ["original"],
        "media_id": [0],  # no audio/video file exists in the walk
        "media_type": ["audio"],
        "uploaded_file_id": [objects["uploaded"].pk],
        "message_id": [objects["contact_message"].pk],
        "pk": [draft.pk],
        # registrations app: an event of Gamma and one of its registrations
        "event_id": [objects["event"].pk],
        "registration_id": [objects["registration"].pk],
    }


def pk_for(name, objects, private):
    """`pk` of a viewset: the object of that viewset's own kind."""
    if name.startswith("wagtailadmin_api:documents") or name.startswith("wagtaildocs"):
        return [private["document"].pk] if "document" in private else [0]
    if name.startswith("wagtailadmin_api:images") or name.startswith("wagtailimages"):
        return [objects["shared_image"].pk] + (
            [private["image"].pk] if "image" in private else []
        )
    if name.startswith("wagtailadmin_collections"):
        return [objects["collection"].pk]
    if name.startswith("wagtailadmin_workflows"):
        return [objects["draft"].get_workflow().pk]
    if name.startswith("barrier_reports:"):
        return [objects["barrier_report"].pk]
    if name.startswith("newsletter:"):
        return [objects["subscription"].pk]
    if name.startswith("wagtailusers_users"):
        return [objects["draft"].owner_id]
    return [objects["draft"].pk]


def api_actions(name):
    if name == "wagtailadmin_api:pages:action":
        return [
            "publish",
            "unpublish",
            "delete",
            "copy",
            "move",
            "create_alias",
            "convert_alias",
            "revert_to_page_revision",
            "copy_for_translation",
        ]
    return None


def urls_to_walk(objects, private):
    table = fillers(objects, private)
    urls, unknown = [], []
    for route, name, parameters in admin_routes():
        if name in ALLOWLIST:
            continue
        choices = []
        for parameter in parameters:
            if parameter == "pk":
                choices.append(pk_for(name, objects, private))
            elif parameter == "action_name" and api_actions(name):
                choices.append(api_actions(name))
            elif parameter in table:
                choices.append(table[parameter])
            else:
                unknown.append((name, parameter))
                choices = None
                break
        if choices is None:
            continue
        combinations = [{}]
        for parameter, values in zip(parameters, choices, strict=True):
            combinations = [
                {**combo, parameter: value}
                for combo in combinations
                for value in values
            ]
        for values in combinations:
            urls.append((name, fill(route, values)))
    return urls, unknown


def database_fingerprint(extra_models=()):
    """Rows of every table a refused request must leave alone, hashed (with the lead's
    reports and subscribers where they are private from the walking user)."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from registrations.models import Registration

    models = [
        Page,
        Revision,
        WorkflowState,
        TaskState,
        Comment,
        PageLogEntry,
        PageViewRestriction,
        Collection,
        get_document_model(),
        get_image_model(),
        UploadedFile,
        Redirect,
        SearchPromotion,
        Translation,
        TranslationSource,
        StringTranslation,
        ContactMessage,
        get_user_model(),
        Registration,
        *extra_models,
    ]
    fingerprint = {}
    for model in models:
        rows = model.objects.order_by("pk").values_list()
        digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
        fingerprint[model._meta.label] = digest
    return fingerprint


POST_DATA = {
    "title": "Gekapert",
    "slug": "gekapert",
    "comment": "Übernommen.",
    "action-publish": "1",
    "action-submit": "1",
    "new_title": "Kopie",
    "new_slug": "kopie",
    "value": "Gekapert",
    "restriction_type": "password",
    "password": "geheim123",
    "include_descendants": "on",
}


def secrets_for(private):
    """What no response may name: the draft's title and comments always, the files
    only where they sit in a collection private from the user."""
    return [
        "title",
        "rejection",
        "comment",
        "registrant",
        "registrant_email",
        *sorted(private),
    ]


def leaked(text, secret, keys):
    return [key for key in keys if secret[key] in text]


PARAMETERLESS_SKIP = {
    # Ends the session the walk needs; names nothing.
    "wagtailadmin_logout",
    # Raise on purpose (Wagtail's error page test).
    "wagtailadmin_error_test",
}


def parameterless_admin_urls():
    urls = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(n for n in (namespace, pattern.namespace) if n)
                yield from walk(
                    pattern.url_patterns, prefix + str(pattern.pattern), inner
                )
            else:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield prefix + str(pattern.pattern), name or ""

    for route, name in walk(get_resolver().url_patterns, "", ""):
        if not route.startswith("admin/") or name in PARAMETERLESS_SKIP:
            continue
        if re.search(r"<|\(\?P|\.\*", route):
            continue
        urls.append((name, "/" + route.replace("^", "").replace("$", "")))
    return urls


def walk_ids(users, other_partner, username):
    """Every admin URL that takes an object id, GET and POST, filled with Gamma's
    objects, as `username`: nothing named, nothing changed, no 5xx."""
    user = users[username]
    private = private_objects(user, other_partner)
    urls, unknown = urls_to_walk(other_partner, private)
    assert not unknown, f"admin parameters without a filler: {unknown}"
    assert len(urls) > 100  # the resolver was walked, not a hand-made list
    secret, keys = other_partner["secret"], secrets_for(private)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    lead_models = [
        type(private[key])
        for key in ("barrier_report", "subscription")
        if key in private
    ]
    before = database_fingerprint(lead_models)
    leaks = []
    query = f"?id={other_partner['draft'].pk}&q={secret['token']}&next=/admin/"
    for name, url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(
                url + query, POST_DATA if method == "post" else None
            )
            body = b"" if response.streaming else response.content
            text = body.decode(errors="replace")
            stored = get_messages(response.wsgi_request)
            if isinstance(stored, BaseStorage):
                text += " ".join(str(message) for message in stored)
                stored.used = True  # shown once; the next check starts afresh
            for key in leaked(text, secret, keys):
                leaks.append((method.upper(), name, url, response.status_code, key))
            if response.status_code >= 500:
                leaks.append((method.upper(), name, url, response.status_code, "5xx"))
    after = database_fingerprint(lead_models)
    changed = [label for label in before if before[label] != after[label]]
    assert not leaks and not changed, "\n".join(map(repr, [*leaks, changed]))


def walk_listings(users, other_partner, username):
    """Every admin URL without an id (dashboard, explorer root, reports, searches,
    choosers, the API listings), with the draft's distinctive word as search term."""
    client = Client(raise_request_exception=False)
    client.force_login(users[username])
    secret = other_partner["secret"]
    keys = secrets_for(private_objects(users[username], other_partner))
    urls = parameterless_admin_urls()
    assert len(urls) > 50
    leaks = []
    for name, url in urls:
        # Both search parameters in one request (each view reads its own), and
        # the listing unfiltered.
        token = secret["token"]
        for query in (f"?q={token}&search={token}", ""):
            response = client.get(url + query)
            text = (
                "" if response.streaming else response.content.decode(errors="replace")
            )
            for key in leaked(text, secret, keys):
                leaks.append((name, url + query, response.status_code, key))
            if response.status_code >= 500:
                leaks.append((name, url + query, response.status_code, "5xx"))
    assert not leaks, "\n".join(map(repr, leaks))
