"""German wording of Wagtail's admin that the project's catalogue replaces.

Wagtail's German catalogue builds sentences such as "Dieses %(model_name)s-Objekt …"
from the lower-cased model name, which reads "Dieses seite-Objekt wurde …", and
leaves "Locale" untranslated. Django looks in LOCALE_PATHS (site/tregks/locale) before
any app, so the German translations of these message ids there win. They are marked
here so that `make messages` keeps them in the project catalogue; the German texts
leave the model name out, so they are not checked as format strings.
"""

from django.utils.translation import gettext_noop

OVERRIDDEN = [
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    # xgettext:no-python-format
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    gettext_noop(
        # xgettext:no-python-format
        "This %(model_name)s was marked as needing changes at <strong>%(task)s"
        "</strong> in <strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        # xgettext:no-python-format
        "This %(model_name)s is currently at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    # xgettext:no-python-format
    gettext_noop("Publishing this %(model_name)s will cancel the current workflow."),
    # xgettext:no-python-format
    gettext_noop("Would you still like to publish this %(model_name)s?"),
    # xgettext:no-python-format
    gettext_noop("You can edit the %(model_name)s here:"),
    # xgettext:no-python-format
    gettext_noop("You can preview the %(model_name)s here:"),
    # xgettext:no-python-format
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop(
        # xgettext:no-python-format
        "Anyone can edit this %(model_name)s – lock it to prevent others from editing"
    ),
    # xgettext:no-python-format
    gettext_noop("Anyone can edit this %(model_name)s"),
    # xgettext:no-python-format
    gettext_noop("This %(model_name)s hasn't been submitted for moderation yet"),
    # xgettext:no-python-format
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    # xgettext:no-python-format
    gettext_noop("Are you sure you want to delete this %(model_name)s?"),
    gettext_noop(
        # xgettext:no-python-format
        "One or more references to this %(model_name)s prevent it from being deleted."
    ),
]
