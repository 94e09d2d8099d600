"""Demo builder of the home pages, the closing content pages and the footer links.

The texts are in data/home.yaml (German and English).
"""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Site

from home.models import ContentPage, HomePage
from tregks.core.models import FooterLinks

from .data import body_items, load, pair
from .pages import (
    Phrasebook,
    body,
    demo_image,
    get_locale,
    get_or_create_child,
    root_page,
    translate,
)


def build_site():
    """German home page as the site root, its English translation, and the shared context."""
    german = get_locale("de")
    get_locale("en")
    root = root_page()
    t = Phrasebook()
    home = HomePage.objects.filter(locale=german).first()
    if home is None:
        data = load("home")["home"]
        image = data["hero_image"]
        hero = demo_image(
            image["title"],
            image["text"],
            colour=image["colour"],
            alt_text=image["alt_text"],
        )
        home = get_or_create_child(
            root,
            HomePage,
            data["slug"]["de"],
            title=pair(t, data["title"]),
            hero_title=pair(t, data["hero_title"]),
            hero_text=pair(t, data["hero_text"]),
            hero_image=hero,
            hero_image_alt=pair(t, data["hero_image_alt"]),
            intro="".join(f"<p>{pair(t, text)}</p>" for text in data["intro"]),
            timeline_title=pair(t, data["timeline_title"]),
            timeline=[
                (
                    "milestone",
                    {
                        "date": milestone["date"],
                        "title": pair(t, milestone["title"]),
                        "text": pair(t, milestone["text"]),
                    },
                )
                for milestone in data["milestones"]
            ],
            search_description=pair(t, data["search_description"]),
        )

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="tregks",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "tregks"
        site.save()
        # Wagtail's own placeholder page from its first migration.
        if (
            not isinstance(old_root.specific, HomePage)
            and not old_root.get_children().exists()
        ):
            old_root.delete()
    if home.get_translation_or_none(get_locale("en")) is None:
        pair(t, load("home")["home"]["slug"])
        translate(home, t)
    english_home = home.get_translation(get_locale("en"))
    call_command("sync_site", verbosity=0, stdout=io.StringIO())
    site.refresh_from_db()
    return {"home_de": home.specific, "home_en": english_home.specific, "site": site}


def finish_site(context):
    """Pages that come last in the menu, and the footer links, once the apps are built."""
    home = context["home_de"]
    pages = {
        name: _content_page(home, spec)
        for name, spec in load("home")["content_pages"].items()
    }
    footer = FooterLinks.for_site(context["site"])
    footer.imprint_page = pages["imprint"]
    footer.privacy_page = pages["privacy"]
    footer.accessibility_page = pages["accessibility"]
    footer.contact_page = pages["contact"]
    footer.save()


def _content_page(home, spec):
    t = Phrasebook()
    page = get_or_create_child(
        home,
        ContentPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        lead=pair(t, spec["lead"]),
        body=body(t, *body_items(spec["body"], find_page=_child_finder(home))),
        show_in_menus=spec.get("show_in_menus", False),
    )
    pair(t, spec["slug"])
    translate(page, t)
    return page


def _child_finder(home):
    """Looks up a page below the home page by its slug (targets of calls to action)."""
    return lambda slug: home.get_children().filter(slug=slug).first()


DEMO_PASSWORD = "tregks-demo-2026"  # noqa: S105 - development only, named in the README


def create_admin_account(stdout):
    """The site administrator of the demo (only ever called with DEBUG on)."""
    user_model = get_user_model()
    if not user_model.objects.filter(username="admin").exists():
        user_model.objects.create_superuser(
            "admin",
            "admin@tregks.invalid",
            DEMO_PASSWORD,
            first_name="Demo",
            last_name="Admin",
        )
        stdout.write("Created the demo account admin.")
