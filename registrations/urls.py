from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "registrations"

urlpatterns = [
    path(_("registration/<int:event_id>/"), views.submit, name="submit"),
    path(_("registration/<int:event_id>/sent/"), views.sent, name="sent"),
    path(_("registration/<int:event_id>/places/"), views.places, name="places"),
    path(_("registration/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("registration/cancel/<str:token>/"), views.cancel, name="cancel"),
]
