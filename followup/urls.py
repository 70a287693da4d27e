from django.contrib import admin
from django.urls import include, path

from followup import views

urlpatterns = [
    path("", views.home, name="home"),
    path("applications/new/", views.application_new, name="application_new"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/delete/", views.application_delete, name="application_delete"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("letters.urls")),
    path("admin/", admin.site.urls),
]
