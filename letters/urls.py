from django.urls import path

from letters.views import ideas, letter, matches, profile, requirements, strengths

app_name = "letters"

urlpatterns = [
    path("profile/", profile.profile_edit, name="profile"),
    path("applications/<int:pk>/requirements/", requirements.requirement_list, name="requirements"),
    path(
        "applications/<int:pk>/requirements/add/",
        requirements.requirement_add,
        name="requirement_add",
    ),
    path("requirements/<int:pk>/", requirements.requirement_update, name="requirement_update"),
    path("strengths/", strengths.strength_list, name="strengths"),
    path("strengths/new/", strengths.strength_create, name="strength_create"),
    path("strengths/import/", strengths.strength_import, name="strength_import"),
    path("strengths/<int:pk>/", strengths.strength_edit, name="strength_edit"),
    path("strengths/<int:pk>/delete/", strengths.strength_delete, name="strength_delete"),
    path("applications/<int:pk>/match/", matches.match_list, name="match"),
    path("applications/<int:pk>/match/auto/", matches.match_auto, name="match_auto"),
    path("requirements/<int:pk>/choose/", matches.match_choose, name="match_choose"),
    path("requirements/<int:pk>/offer/", matches.match_text, name="match_text"),
    path("requirements/<int:pk>/clear/", matches.match_clear, name="match_clear"),
    path(
        "requirements/<int:pk>/new-strength/", matches.match_new_strength, name="match_new_strength"
    ),
    path("applications/<int:pk>/letter/", letter.letter_start, name="letter_start"),
    path("letters/<int:pk>/", letter.letter_edit, name="letter_edit"),
    path("letters/<int:pk>/delete/", letter.letter_delete, name="letter_delete"),
    path("letters/<int:pk>/preview/", letter.letter_preview, name="letter_preview"),
    path("letters/<int:pk>/document/", letter.letter_document, name="letter_document"),
    path("letters/<int:pk>/pdf/", letter.letter_download, {"fmt": "pdf"}, name="letter_pdf"),
    path("letters/<int:pk>/download/<slug:fmt>/", letter.letter_download, name="letter_download"),
    path("letters/<int:pk>/copy/", letter.letter_copy, name="letter_copy"),
    path("sent/<int:pk>/", letter.letter_sent, name="letter_sent"),
    path("applications/<int:pk>/ideas/", ideas.idea_list, name="ideas"),
    path("ideas/<int:pk>/", ideas.idea_update, name="idea_update"),
]
