from django.urls import path

from letters import views

app_name = "letters"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile"),
    path("applications/<int:pk>/requirements/", views.requirement_list, name="requirements"),
    path("applications/<int:pk>/requirements/add/", views.requirement_add, name="requirement_add"),
    path("requirements/<int:pk>/", views.requirement_update, name="requirement_update"),
    path("strengths/", views.strength_list, name="strengths"),
    path("strengths/new/", views.strength_create, name="strength_create"),
    path("strengths/<int:pk>/", views.strength_edit, name="strength_edit"),
    path("strengths/<int:pk>/delete/", views.strength_delete, name="strength_delete"),
    path("applications/<int:pk>/match/", views.match_list, name="match"),
    path("requirements/<int:pk>/choose/", views.match_choose, name="match_choose"),
    path("requirements/<int:pk>/offer/", views.match_text, name="match_text"),
    path("requirements/<int:pk>/clear/", views.match_clear, name="match_clear"),
    path(
        "requirements/<int:pk>/new-strength/", views.match_new_strength, name="match_new_strength"
    ),
    path("applications/<int:pk>/letter/", views.letter_start, name="letter_start"),
    path("letters/<int:pk>/", views.letter_edit, name="letter_edit"),
    path("letters/<int:pk>/delete/", views.letter_delete, name="letter_delete"),
    path("letters/<int:pk>/preview/", views.letter_preview, name="letter_preview"),
    path("letters/<int:pk>/document/", views.letter_document, name="letter_document"),
    path("letters/<int:pk>/pdf/", views.letter_pdf, name="letter_pdf"),
]
