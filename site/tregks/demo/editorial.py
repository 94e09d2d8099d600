"""Demo builder of the editorial workflow (order 90): accounts and pages in every state.

The names and pages are in data/editorial.yaml. Accounts are created only with DEBUG on.
Press releases in every workflow state are created in a partner's press section (found
by partner code), once, by the demo users.
"""

import datetime
import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale

from news.models import NewsIndexPage, PressReleasePage
from partners.models import PartnerSectionPage
from tregks.editorial.setup import (
    LEAD_GROUP,
    TRANSLATOR_GROUP,
    approver_group_name,
    editor_group_name,
    setup_editorial,
)

from .data import load
from .files import file_demo_files

DEMO_PASSWORD = "tregks-demo-2026"  # noqa: S105 - development only, named in the README


def build(context, options, stdout):
    partners = setup_editorial()
    file_demo_files(partners)
    if options.get("skip_accounts"):
        return
    if not settings.DEBUG:
        stdout.write(
            "DEBUG is off: the editorial demo accounts and workflow pages were not "
            "created."
        )
        return
    users = create_accounts(partners, stdout)
    create_workflow_pages(users, stdout)


@functools.cache
def _demo_password_hash():
    """The shared demo password, hashed once: a hash costs a third of a second by
    design, and all demo accounts have the same public password anyway."""
    return make_password(DEMO_PASSWORD)


def _account(spec, groups, stdout, **names):
    user_model = get_user_model()
    username = spec["username"].format(**names)
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(
            username,
            f"{username}@{load('editorial')['email_domain']}",
            first_name=spec["first_name"].format(**names),
            last_name=spec["last_name"].format(**names),
        )
        user.password = _demo_password_hash()
        user.save(update_fields=["password"])
        stdout.write(f"Created the demo account {username}.")
    user.groups.add(*groups)
    return user


def create_accounts(partners, stdout):
    """<code>-editor and <code>-approver per consortium partner, lead and translator."""
    if not settings.DEBUG:  # never in production, whoever calls this
        raise RuntimeError("Demo accounts are only created with DEBUG on.")
    accounts = load("editorial")["accounts"]
    users = {}
    for profile in partners:
        names = {"code": profile.code, "short_name": profile.short_name}
        users[("editor", profile.code)] = _account(
            accounts["partner_editor"],
            [Group.objects.get(name=editor_group_name(profile.short_name))],
            stdout,
            **names,
        )
        users[("approver", profile.code)] = _account(
            accounts["partner_approver"],
            [Group.objects.get(name=approver_group_name(profile.short_name))],
            stdout,
            **names,
        )
    users["lead"] = _account(
        accounts["lead"], [Group.objects.get(name=LEAD_GROUP)], stdout
    )
    users["translator"] = _account(
        accounts["translator"], [Group.objects.get(name=TRANSLATOR_GROUP)], stdout
    )
    return users


def _section(code):
    """The partner's German press section, found by partner code."""
    index = NewsIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return None
    return PartnerSectionPage.objects.child_of(index).filter(partner__code=code).first()


def create_workflow_pages(users, stdout):
    """Press releases in every workflow state, made by the demo accounts once."""
    data = load("editorial")
    for spec in data["workflow_pages"]:
        slug, code, state = spec["slug"], spec["partner"], spec["state"]
        section = _section(code)
        editor = users.get(("editor", code))
        approver = users.get(("approver", code))
        if section is None or editor is None or approver is None:
            stdout.write(f"No {code} press section yet: skipped the demo page {slug}.")
            continue
        if section.get_children().filter(slug=slug).exists():
            continue
        page = PressReleasePage(
            title=spec["title"],
            slug=slug,
            lead=spec["lead"],
            # The live example sits in the archive rather than on top of the home page.
            release_date=data["live_example_date"]
            if state == "live"
            else datetime.date.today(),
            network_wide=spec["network_wide"],
            live=False,
            owner=editor,
        )
        if state == "scheduled":
            page.go_live_at = timezone.now() + datetime.timedelta(
                days=data["scheduled_in_days"]
            )
        section.add_child(instance=page)
        page.save_revision(user=editor, log_action=True)
        if state != "draft":
            _run_workflow(page, state, editor, approver, data)
        stdout.write(f"Created the demo page {slug} ({state}).")


def _run_workflow(page, state, editor, approver, data):
    workflow_state = page.get_workflow().start(page, editor)
    if state == "partner":
        return
    task_state = workflow_state.current_task_state.specific
    if state == "rejected":
        task_state.task.specific.on_action(
            task_state, approver, "reject", comment=data["reject_comment"]
        )
        return
    # Approved by the partner: a network-wide page now waits for the lead; any other
    # page skips the lead's task and is published (or scheduled).
    task_state.task.specific.on_action(task_state, approver, "approve", comment="")
