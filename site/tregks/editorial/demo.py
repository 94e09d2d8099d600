"""Demo of the editorial workflow (load_demo, order 90): accounts and pages in every state.

Accounts are created only with DEBUG on. Press releases in every workflow state are
created in the WFG and AGV sections (found by partner code), once, by the demo users.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale

from .demo_files import file_demo_files
from .setup import (
    LEAD_GROUP,
    TRANSLATOR_GROUP,
    approver_group_name,
    editor_group_name,
    setup_editorial,
)

DEMO_PASSWORD = "tregks-demo-2026"  # noqa: S105 - development only, named in the README
EMAIL_DOMAIN = "tregks.invalid"


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


def _account(username, first_name, last_name, groups, stdout):
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(
            username,
            f"{username}@{EMAIL_DOMAIN}",
            DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        stdout.write(f"Created the demo account {username}.")
    user.groups.add(*groups)
    return user


def create_accounts(partners, stdout):
    """<code>-editor and <code>-approver per consortium partner, lead and translator."""
    if not settings.DEBUG:  # never in production, whoever calls this
        raise RuntimeError("Demo accounts are only created with DEBUG on.")
    users = {}
    for profile in partners:
        short = profile.short_name
        users[f"{profile.code}-editor"] = _account(
            f"{profile.code}-editor",
            "Redaktion",
            short,
            [Group.objects.get(name=editor_group_name(short))],
            stdout,
        )
        users[f"{profile.code}-approver"] = _account(
            f"{profile.code}-approver",
            "Freigabe",
            short,
            [Group.objects.get(name=approver_group_name(short))],
            stdout,
        )
    users["lead"] = _account(
        "lead",
        "Konsortial",
        "Leitung",
        [Group.objects.get(name=LEAD_GROUP)],
        stdout,
    )
    users["translator"] = _account(
        "translator",
        "Übersetzung",
        "Demo",
        [Group.objects.get(name=TRANSLATOR_GROUP)],
        stdout,
    )
    return users


def _section(code):
    """The partner's German press section, found by partner code."""
    index_model = apps.get_model("news", "NewsIndexPage")
    section_model = apps.get_model("partners", "PartnerSectionPage")
    index = index_model.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return None
    return section_model.objects.child_of(index).filter(partner__code=code).first()


LIVE_EXAMPLE_DATE = datetime.date(2025, 3, 20)

# (slug, partner code, title, lead, network-wide, state)
DEMO_RELEASES = [
    (
        "redaktionsbeispiel-entwurf",
        "agv",
        "Redaktionsbeispiel: Entwurf einer Einladung zum Ausbildungstag",
        "Ein Entwurf, an dem die Redaktion noch arbeitet.",
        False,
        "draft",
    ),
    (
        "redaktionsbeispiel-wartet-auf-freigabe",
        "agv",
        "Redaktionsbeispiel: Betriebe teilen Erfahrungen mit Weiterbildung",
        "Diese Mitteilung wartet auf die Freigabe durch den Partner.",
        False,
        "partner",
    ),
    (
        "redaktionsbeispiel-wartet-auf-konsortialleitung",
        "agv",
        "Redaktionsbeispiel: Das Netzwerk zieht Bilanz",
        "Eine Mitteilung im Namen des ganzen Netzwerks: freigegeben vom Partner, "
        "sie wartet auf die Konsortialleitung.",
        True,
        "lead",
    ),
    (
        "redaktionsbeispiel-abgelehnt",
        "wfg",
        "Redaktionsbeispiel: Neue Termine der Fachgruppen",
        "Die Freigabe hat Änderungen erbeten; der Kommentar steht in der Historie.",
        False,
        "rejected",
    ),
    (
        "redaktionsbeispiel-veroeffentlicht",
        "wfg",
        # Live and public: reads like a real release, not like a test page.
        "Offene Sprechstunde: Kleine Betriebe fragen, das Netzwerk antwortet",
        "Einmal im Monat beantworten die Partner Fragen kleiner und mittlerer Betriebe "
        "zu Förderung, Weiterbildung und neuen Technologien, ohne Anmeldung und "
        "kostenfrei. Diese Mitteilung hat den ganzen Freigabeablauf durchlaufen.",
        False,
        "live",
    ),
    (
        "redaktionsbeispiel-geplant",
        "wfg",
        "Redaktionsbeispiel: Rückblick auf die Transformationswerkstatt",
        "Freigegeben und für die Veröffentlichung in einer Woche eingeplant.",
        False,
        "scheduled",
    ),
]


def create_workflow_pages(users, stdout):
    """Press releases in every workflow state, made by the demo accounts once."""
    try:
        release_model = apps.get_model("news", "PressReleasePage")
    except LookupError:
        return
    for slug, code, title, lead, network_wide, state in DEMO_RELEASES:
        section = _section(code)
        editor = users.get(f"{code}-editor")
        approver = users.get(f"{code}-approver")
        if section is None or editor is None or approver is None:
            stdout.write(f"No {code} press section yet: skipped the demo page {slug}.")
            continue
        if section.get_children().filter(slug=slug).exists():
            continue
        page = release_model(
            title=title,
            slug=slug,
            lead=lead,
            # The live example sits in the archive rather than on top of the home page.
            release_date=LIVE_EXAMPLE_DATE
            if state == "live"
            else datetime.date.today(),
            network_wide=network_wide,
            live=False,
            owner=editor,
        )
        if state == "scheduled":
            page.go_live_at = timezone.now() + datetime.timedelta(days=7)
        section.add_child(instance=page)
        page.save_revision(user=editor, log_action=True)
        if state != "draft":
            _run_workflow(page, state, editor, approver, users.get("lead"))
        stdout.write(f"Created the demo page {slug} ({state}).")


def _run_workflow(page, state, editor, approver, lead):
    workflow_state = page.get_workflow().start(page, editor)
    if state == "partner":
        return
    task_state = workflow_state.current_task_state.specific
    if state == "rejected":
        task_state.task.specific.on_action(
            task_state,
            approver,
            "reject",
            comment="Bitte die Termine mit der Geschäftsstelle abgleichen.",
        )
        return
    task_state.task.specific.on_action(task_state, approver, "approve", comment="")
    if state == "lead" or lead is None:
        return
