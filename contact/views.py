"""Where the contact form posts to: a view outside the page tree.

Pages are served through a view with CSRF protection; the form sets no cookie before
it is sent (the page stays in the page cache), so it posts here instead, through the
core's public_form_view (same-origin check, token, honeypot, rate limit).
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from tregks.core.form_protection import public_form_view, screen

from .delivery import deliver
from .forms import ContactForm
from .models import ContactPage


def render_with_form(page, request, form, status):
    """The page itself with the form's errors (no redirect: nothing is lost)."""
    response = page.render(request, context_overrides={"form": form})
    response.status_code = status
    return response


@public_form_view
def contact_submit(request, page_id):
    page = ContactPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("This contact page does not exist."))
    form = ContactForm(request.POST, locale_id=page.locale_id)
    if not form.is_valid():
        return render_with_form(page, request, form, 400)
    verdict = screen(
        request, form, rate_keys=[form.cleaned_data["email"]], scope_suffix=str(page.pk)
    )
    if verdict.rejected:
        return render_with_form(page, request, form, verdict.status)
    if verdict.accepted:
        deliver(
            form,
            profiles=[form.chosen_profile],
            subject=form.cleaned_data["subject"],
        )
    # A bot (honeypot, too fast) is told the same as a person; nothing was kept.
    return redirect(page.url + page.reverse_subpage("thanks"))
