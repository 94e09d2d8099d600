from django.urls import path

from .views import join_submit

urlpatterns = [
    path("forms/expert-group/<int:page_id>/", join_submit, name="expertgroups_join"),
]
