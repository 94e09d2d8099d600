"""Where an expert group's "Mitmachen" form posts to (outside the page tree, like the
contact form: no cookie before sending, see contact.views)."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from contact.delivery import deliver
from contact.recipients import profile_for_code
from contact.views import render_with_form
from tregks.core.form_protection import public_form_view, screen

from .forms import JoinGroupForm
from .models import ExpertGroupPage


@public_form_view
def join_submit(request, page_id):
    page = (
        ExpertGroupPage.objects.live()
        .public()
        .select_related("topic")
        .filter(pk=page_id)
        .first()
    )
    if page is None:
        raise Http404(_("This expert group does not exist."))
    form = JoinGroupForm(request.POST)
    if not form.is_valid():
        return render_with_form(page, request, form, 400)
    verdict = screen(
        request, form, rate_keys=[form.cleaned_data["email"]], scope_suffix=str(page.pk)
    )
    if verdict.rejected:
        return render_with_form(page, request, form, verdict.status)
    if verdict.accepted:
        leads = page.leading_partners()
        # The partner's staff read the subject in German, the site's first language.
        profile = profile_for_code(leads[0].code) if leads else None
        with translation.override(settings.LANGUAGE_CODE):
            german = page.topic
            subject = _("Taking part in the expert group “%(group)s”") % {
                "group": german.name
            }
        if profile is not None:
            deliver(form, profile=profile, subject=subject, expert_group=page.topic)
    return redirect(page.url + page.reverse_subpage("thanks"))
