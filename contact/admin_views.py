"""The messages in the admin: each partner's staff read and answer their own.

Every view starts from ContactMessage.objects.visible_to(user): a message addressed to
another partner is a 404 that names nothing, whatever the id.
"""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import ContactMessage, MessageStatus
from .recipients import may_read_messages

PAGE_SIZE = 25


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), choices=MessageStatus.choices
    )


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_read_messages(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class MessageIndexView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "contact/admin/index.html"
    page_title = gettext_lazy("Contact messages")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        found = ContactMessage.objects.visible_to(self.request.user).select_related(
            "expert_group"
        )
        if status in MessageStatus.values:
            found = found.filter(status=status)
        page = Paginator(found, PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            page_obj=page,
            status=status,
            statuses=MessageStatus.choices,
        )
        return context


class MessageDetailView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "contact/admin/detail.html"
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = None

    def get_object(self):
        found = (
            ContactMessage.objects.visible_to(self.request.user)
            .select_related("expert_group", "status_changed_by")
            .filter(pk=self.kwargs["message_id"])
            .first()
        )
        if found is None:
            raise Http404
        return found

    def get_page_title(self):
        return _("Contact message")

    def get_page_subtitle(self):
        return self.object.subject if self.object else ""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("contact_messages:index"),
                "label": _("Contact messages"),
            },
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if "delete" in request.POST:
            self.object.delete()
            messages.success(request, _("The message has been deleted."))
            return redirect("contact_messages:index")
        form = StatusForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(status_form=form), status=400
            )
        self.object.set_status(form.cleaned_data["status"], request.user)
        messages.success(
            request,
            _("Status set to “%(status)s”.")
            % {"status": self.object.get_status_display()},
        )
        return redirect("contact_messages:detail", message_id=self.object.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["message"] = self.object
        context.setdefault(
            "status_form", StatusForm(initial={"status": self.object.status})
        )
        return context
