"""Groups, page permissions and workflows of the editorial workflow, as data.

`setup_editorial()` is idempotent: the release command, load_demo and the
`setup_editorial` management command run it, and publishing a partner profile runs
`setup_partner()` for that partner. It reads whatever sections and pages exist and
creates what is missing; it never removes anything an administrator added.

Files (images, documents, wagtailmedia audio/video) live in collections: one per
partner, named by its short name, and "Gemeinsam" for network material
(`setup_collections()`, `setup_partner()`). The one thing setup removes is its own
earlier grant: older setups gave every editorial group add and choose permissions on
the root collection (`LEGACY_ROOT_GRANTS`); exactly those rows are deleted, every other
root permission an administrator gave stays.

The core imports no app: the partners app and the content apps say which pages a
partner owns through three Wagtail hooks, read in `tregks.editorial.partner_pages`:
`register_partner_page_types` (the partners app: profile and section page types),
`register_partner_section_index` (news, stories, events: the shared indexes below which
each partner owns a section in every language) and `register_partner_owned_pages`
(the podcast: the show of the partner that produces it).
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtailmedia.models import get_media_model

from .models import LeadSignOffTask, PartnerApprovalTask
from .partner_pages import (
    pages_owned_outright,
    partner_page_types,
    section_index_models,
)

logger = logging.getLogger(__name__)

CONSORTIUM_ROLES = ("lead", "partner")
LEAD_GROUP = "Konsortialleitung"
TRANSLATOR_GROUP = "Übersetzung"
LEAD_TASK = "Freigabe Konsortialleitung"

EDITOR_PAGE_PERMISSIONS = ("add", "change")
APPROVER_PAGE_PERMISSIONS = ("add", "change", "publish")

# The collection of network material every partner may choose from.
SHARED_COLLECTION = "Gemeinsam"
# (app label, model name) of every kind of file kept in collections. wagtailmedia has
# no "choose" permission of its own; setup_collections() adds one (CHOOSE_MEDIA).
FILE_MODELS = (
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
    ("wagtailmedia", "media"),
)
CHOOSE_MEDIA = "choose_media"
# Own collection: upload, edit any file of the partner, choose.
OWN_COLLECTION_ACTIONS = ("add", "change", "choose")
# Someone else's collection: choose only.
CHOOSE_ONLY = ("choose",)
# What setup_partner() and setup_translators() granted on the root collection before
# partner collections existed; setup deletes these rows (and only these) again.
LEGACY_ROOT_GRANTS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def editor_group_name(short_name):
    return f"Redaktion {short_name}"


def approver_group_name(short_name):
    return f"Freigabe {short_name}"


def workflow_name(short_name):
    return f"Redaktionsablauf {short_name}"


def _admin_access():
    return Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def _page_permissions(actions):
    return Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=[f"{action}_page" for action in actions],
    )


def _grant_pages(group, pages, actions):
    """The group's permissions for `actions` on every page, in one insert: a re-run
    (every publish of a consortium profile) adds only what is missing."""
    permissions = list(_page_permissions(actions))
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=permission)
            for page in pages
            for permission in permissions
        ],
        ignore_conflicts=True,
    )


def _file_permissions(actions):
    """Permission rows for the given actions on every kind of file."""
    codenames = {
        f"{action}_{model_name}"
        for _app_label, model_name in FILE_MODELS
        for action in actions
    }
    labels = [app_label for app_label, _model_name in FILE_MODELS]
    return Permission.objects.filter(
        content_type__app_label__in=labels, codename__in=codenames
    )


def _grant_files(group, collection, actions):
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(
                group=group, collection=collection, permission=permission
            )
            for permission in _file_permissions(actions)
        ],
        ignore_conflicts=True,
    )


def _choose_media_permission():
    """wagtailmedia's missing "choose" permission, so that a group can choose media it
    may not edit. Its chooser honours it through editorial.media_admin."""
    media_model = get_media_model()
    permission, _created = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(media_model),
        codename=CHOOSE_MEDIA,
        defaults={"name": "Can choose media"},
    )
    return permission


def _child_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(instance=Collection(name=name))


def shared_collection():
    return _child_collection(SHARED_COLLECTION)


def partner_collection(profile):
    """The partner's own collection, named by its short name (made if missing)."""
    return _child_collection(profile.short_name)


def _revoke_legacy_root_grants(group):
    root = Collection.get_first_root_node()
    for app_label, codename in LEGACY_ROOT_GRANTS:
        GroupCollectionPermission.objects.filter(
            group=group,
            collection=root,
            permission__content_type__app_label=app_label,
            permission__codename=codename,
        ).delete()


def setup_collections():
    """The shared collection, wagtailmedia's choose permission, the lead's and the
    translators' grants."""
    _choose_media_permission()
    shared = shared_collection()
    lead = _group(LEAD_GROUP)
    # The lead adds network material to "Gemeinsam" (administrators can anyway).
    _grant_files(lead, shared, OWN_COLLECTION_ACTIONS)
    translators = _group(TRANSLATOR_GROUP)
    _revoke_legacy_root_grants(translators)
    _grant_files(translators, shared, CHOOSE_ONLY)
    return shared


def _group(name):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_admin_access())
    return group


def consortium_partners():
    """One profile per consortium partner (lead or partner), the source language first."""
    page_types = partner_page_types()
    if page_types is None:
        return []
    default_locale = Locale.get_default()
    partners = {}
    for profile in page_types.profile.objects.filter(
        role__in=CONSORTIUM_ROLES
    ).order_by("path"):
        current = partners.get(profile.code)
        if current is None or (
            profile.locale_id == default_locale.pk
            and current.locale_id != default_locale.pk
        ):
            partners[profile.code] = profile
    return list(partners.values())


def lead_task():
    """The lead's sign-off task, shared by every partner's workflow."""
    group = _group(LEAD_GROUP)
    task = LeadSignOffTask.objects.filter(name=LEAD_TASK).first()
    if task is None:
        task = LeadSignOffTask.objects.create(name=LEAD_TASK)
    task.groups.add(group)
    # The lead holds no page permission: its task lets it open, preview and approve
    # what waits for it, and the approval publishes (editorial.workflows).
    return task


def setup_translators():
    """Translators: wagtail-localize's translate permission, add/change in other languages."""
    group = _group(TRANSLATOR_GROUP)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )
    default_locale = Locale.get_default()
    # The top pages of every non-default language tree (the English home page).
    top_pages = Page.objects.filter(depth=2).exclude(locale=default_locale)
    _grant_pages(group, top_pages, EDITOR_PAGE_PERMISSIONS)
    return group


def _section_for(section_model, index, code):
    for section in section_model.objects.child_of(index).select_related("partner"):
        if section.partner.code == code:
            return section
    return None


def _profile_in(profile, locale):
    return (
        type(profile)
        .objects.filter(translation_key=profile.translation_key)
        .filter(locale=locale)
        .first()
    )


def ensure_sections(profile):
    """The partner's section below every shared index in every language (made if missing).

    A missing section in another language is made as the translation of the section in
    the source language, so translated pages find their translated parent.
    """
    page_types = partner_page_types()
    if page_types is None:
        return []
    section_model = page_types.section
    sections = []
    for index_model in section_index_models():
        indexes = sorted(
            index_model.objects.all(),
            key=lambda page: page.locale_id != Locale.get_default().pk,
        )
        source = None
        for index in indexes:
            section = _section_for(section_model, index, profile.code)
            if section is None:
                section = _create_section(section_model, index, profile, source)
            else:
                _fix_partner_language(section, profile)
            if section is not None:
                sections.append(section)
                source = source or section
    return sections


def _fix_partner_language(section, profile):
    """A section made before the profile's translation existed points at the German
    profile; point it at the profile in its own language once that exists."""
    if section.partner.locale_id == section.locale_id:
        return
    partner = _profile_in(profile, section.locale)
    if partner is None:
        return
    section.partner = partner
    revision = section.save_revision()
    if section.live:
        revision.publish()


def _create_section(section_model, index, profile, source):
    partner = _profile_in(profile, index.locale) or profile
    if source is not None and source.locale_id != index.locale_id:
        # A translation of the source section keeps the shared translation_key.
        section = source.copy_for_translation(index.locale, copy_parents=False)
        # The partner in this language is written by the publish below (a revision's
        # content becomes the page), so the copy needs no save of its own.
        section = section.specific
        section.partner = partner
    else:
        slug = slugify(profile.code) or "partner"
        section = section_model(
            title=partner.short_name, slug=slug, partner=partner, locale=index.locale
        )
        index.add_child(instance=section)
    section.save_revision().publish()
    section.refresh_from_db()
    logger.info("Created the partner section %s below %s.", section, index)
    return section


def owned_pages(profile):
    """Every page whose subtree the partner owns, in every language."""
    pages = list(ensure_sections(profile))
    pages += list(type(profile).objects.filter(translation_key=profile.translation_key))
    pages += pages_owned_outright(profile)
    # Each page once: the workflow assignment below is one upsert per page.
    return list({page.pk: page for page in pages}.values())


@transaction.atomic
def setup_partner(profile, task_for_lead=None):
    """Groups, permissions, sections and workflow of one consortium partner."""
    if profile.role not in CONSORTIUM_ROLES:
        return None
    task_for_lead = task_for_lead or lead_task()
    short = profile.short_name
    editors = _group(editor_group_name(short))
    approvers = _group(approver_group_name(short))
    shared = setup_collections()
    own = partner_collection(profile)
    for group in (editors, approvers):
        _revoke_legacy_root_grants(group)
        _grant_files(group, own, OWN_COLLECTION_ACTIONS)
        _grant_files(group, shared, CHOOSE_ONLY)
    # The lead reads what it may be asked to sign off (embargoed attachments included).
    _grant_files(_group(LEAD_GROUP), own, CHOOSE_ONLY)

    approval = PartnerApprovalTask.objects.filter(
        name=approver_group_name(short)
    ).first()
    if approval is None:
        approval = PartnerApprovalTask.objects.create(name=approver_group_name(short))
    approval.groups.add(approvers)

    workflow, _created = Workflow.objects.get_or_create(name=workflow_name(short))
    for order, task in enumerate((approval, task_for_lead)):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )

    pages = owned_pages(profile)
    _grant_pages(editors, pages, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(approvers, pages, APPROVER_PAGE_PERMISSIONS)
    # Both language trees get the same workflow: each locale is its own tree.
    WorkflowPage.objects.bulk_create(
        [WorkflowPage(page=page, workflow=workflow) for page in pages],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["workflow"],
    )
    return {
        "editors": editors,
        "approvers": approvers,
        "collection": own,
        "workflow": workflow,
        "pages": pages,
    }


def setup_editorial(stdout=None):
    """Everything, for every consortium partner that exists. Safe to run again."""
    with transaction.atomic():
        task_for_lead = lead_task()
        setup_translators()
        setup_collections()
        partners = consortium_partners()
        for profile in partners:
            setup_partner(profile, task_for_lead)
    if stdout is not None:
        stdout.write(
            f"Editorial groups and workflows are set up for {len(partners)} partner(s)."
        )
    return partners
