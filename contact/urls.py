from django.urls import path

from .views import contact_submit

urlpatterns = [
    path("forms/contact/<int:page_id>/", contact_submit, name="contact_submit"),
]
