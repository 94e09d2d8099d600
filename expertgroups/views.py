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
        # Every partner leading the group hears of it; without one, the lead does.
        codes = [partner.code for partner in page.leading_partners()]
        profiles = [p for p in map(profile_for_code, codes) if p is not None]
        # The partners' staff read the subject in German, the site's first language.
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Taking part in the expert group “%(group)s”") % {
                "group": page.topic.name
            }
        if profiles:
            deliver(form, profiles=profiles, subject=subject, expert_group=page.topic)
    return redirect(page.url + page.reverse_subpage("thanks"))
