from django.urls import path

from . import views

urlpatterns = [
    path("<int:page_id>/report/", views.submit, name="barriers_submit"),
    path("thanks/", views.thanks, name="barriers_thanks"),
]
