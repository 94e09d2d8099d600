"""Where the barrier report form posts to, and the thanks page."""

import logging

from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from tregks.core.form_protection import public_form_view, screen

from .forms import BarrierReportForm
from .models import BarrierReport, BarrierReportPage
from .notify import send_report_to_lead

logger = logging.getLogger(__name__)


def _form_page(page_id):
    page = BarrierReportPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


@public_form_view
def submit(request, page_id):
    page = _form_page(page_id)
    if request.method != "POST":
        return redirect(page.url)
    form = BarrierReportForm(request.POST)

    def again(status):
        context = page.get_context(request, form=form)
        context["form"] = form
        return TemplateResponse(
            request, page.get_template(request), context, status=status
        )

    if not form.is_valid():
        return again(400)
    data = form.cleaned_data
    verdict = screen(request, form, rate_keys=[data["email"]] if data["email"] else [])
    if verdict.rejected:
        return again(verdict.status)
    if verdict.accepted:
        report = BarrierReport.objects.create(
            page_url=data["page"],
            description=data["description"],
            name=data["name"],
            email=data["email"],
            language=get_language(),
        )
        # Stored first: a failing mail server loses nothing, the admin shows it.
        send_report_to_lead(report)
    return redirect("barriers_thanks")


def thanks(request):
    return render(request, "barriers/thanks.html")
