"""The demo builder that `manage.py load_demo` runs: home pages first, then every step.

The steps are this package's builders and those that apps register through the
"load_demo_content" hook, as (order, builder) pairs run in order. Each builder is called
as `builder(context, options=..., stdout=...)`; the shared `context` holds the pages made so
far (see docs/engineering.md, "Demo content", for its keys).
"""

from django.conf import settings

from wagtail import hooks

from . import editorial, home, news, partners, podcast, stories

# (order, builder) of this package's own content types; apps' hooks slot in between.
STEPS = [
    (10, partners.build),
    (20, news.build),
    (30, stories.build),
    (40, podcast.build),
    # After every content app (podcast is 40), before accounts and workflows (90).
    (50, partners.arrange_menu),
    # Accounts, workflows and the partners' collections, once every page exists.
    (90, editorial.build),
]


def build_demo(options, stdout):
    """Build the whole demo site (call inside a transaction); returns the context."""
    context = home.build_site()
    steps = STEPS + [hook() for hook in hooks.get_hooks("load_demo_content")]
    for _order, builder in sorted(steps, key=lambda step: step[0]):
        builder(context, options=options, stdout=stdout)
    home.finish_site(context)
    if options.get("skip_accounts"):
        pass
    elif settings.DEBUG:
        home.create_admin_account(stdout)
    else:
        stdout.write("DEBUG is off: no demo accounts were created.")
    return context
