"""Messages are deleted CONTACT_RETENTION_DAYS after they arrived (docs/privacy.md)."""

from django.utils.translation import gettext as _

from .models import ContactMessage


def purge_old_messages():
    """Delete what is past the retention period; cheap when nothing is due."""
    count, _by_model = ContactMessage.objects.due_for_deletion().delete()
    return _("%(count)d contact messages deleted") % {"count": count}
