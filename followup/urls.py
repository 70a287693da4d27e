from django.contrib import admin
from django.urls import include, path

from followup.views import accounts, applications, calendar, interviews, overview, steps

urlpatterns = [
    path("", applications.home, name="home"),
    path("applications/new/", applications.application_new, name="application_new"),
    path("applications/new/guess/", applications.application_guess, name="application_guess"),
    path("applications/<int:pk>/", applications.application_detail, name="application_detail"),
    path(
        "applications/<int:pk>/delete/", applications.application_delete, name="application_delete"
    ),
    path("applications/<int:pk>/move/", overview.application_move, name="application_move"),
    path("applications/<int:pk>/interviews/new/", interviews.interview_new, name="interview_new"),
    path("applications/<int:pk>/visit/", interviews.application_visit, name="application_visit"),
    path("interviews/<int:pk>/letter/", interviews.interview_letter, name="interview_letter"),
    path("steps/<int:pk>/", steps.step_edit, name="step_edit"),
    path("steps/<int:pk>/done/", steps.step_done, name="step_done"),
    path("steps/<int:pk>/snooze/", steps.step_snooze, name="step_snooze"),
    path("steps/<int:pk>/call/", steps.step_call, name="step_call"),
    path("dashboard/", overview.dashboard, name="dashboard"),
    path("board/", overview.board, name="board"),
    path("compare/", overview.compare, name="compare"),
    path("calendar/", calendar.calendar_settings, name="calendar"),
    path("calendar/regenerate/", calendar.calendar_regenerate, name="calendar_regenerate"),
    path("calendar/followup.ics", calendar.calendar_download, name="calendar_download"),
    path("calendar/feed/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("letters.urls")),
    path("admin/", admin.site.urls),
]
