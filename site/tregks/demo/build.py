"""The demo builder that `manage.py load_demo` runs: home pages first, then every step.

Each step is called as `step(context, options=..., stdout=...)` and is idempotent; the
shared `context` holds the pages made so far (see docs/engineering.md, "Demo content",
for its keys). Every content type's builder is a module of this package, listed in
STEPS in the order the site needs them.
"""

from django.conf import settings

from tregks.core.funding import seed_notices

from . import (
    barriers,
    contact,
    editorial,
    events,
    expertgroups,
    home,
    news,
    newsletter,
    partners,
    podcast,
    registrations,
    stories,
)


def funding_notices(context, options=None, stdout=None):
    """The funder's notices of both phases (the core's seed data), with their logos."""
    seed_notices(with_logos=True)


# The menu follows the tree order, so the indexes are made in menu order.
STEPS = [
    funding_notices,
    partners.build,  # topics and profiles: every later step refers to them
    news.build,
    stories.build,
    podcast.build,
    events.build,
    expertgroups.build,
    partners.arrange_menu,  # the partner directory after the content indexes
    contact.build,  # the contact page right after the partner directory
    # Accounts, workflows and the partners' collections, once every page with files
    # exists (the files are filed by the pages that use them).
    editorial.build,
    newsletter.build,
    barriers.build,
    registrations.build,  # needs the upcoming events
]


def build_demo(options, stdout):
    """Build the whole demo site (call inside a transaction); returns the context."""
    context = home.build_site()
    for step in STEPS:
        step(context, options=options, stdout=stdout)
    home.finish_site(context)
    if options.get("skip_accounts"):
        pass
    elif settings.DEBUG:
        home.create_admin_account(stdout)
    else:
        stdout.write("DEBUG is off: no demo accounts were created.")
    return context
