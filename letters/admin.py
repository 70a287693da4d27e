from django.contrib import admin
from django.db import models

from letters.models import (
    Dispatch,
    Idea,
    Letter,
    Match,
    Posting,
    Profile,
    Requirement,
    Strength,
)

# Match the app's forms: a link typed without a scheme is taken as https.
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "full_name", "email", "paper_size"]
    search_fields = ["user__username", "full_name", "email"]
    formfield_overrides = HTTPS_LINKS


class RequirementInline(admin.TabularInline):
    model = Requirement
    fields = ["position", "text", "kind", "emphasize"]
    extra = 0


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = ["role_title", "employer", "owner", "updated"]
    search_fields = ["role_title", "employer", "owner__username"]
    raw_id_fields = ["owner"]
    inlines = [RequirementInline]
    formfield_overrides = HTTPS_LINKS


@admin.register(Requirement)
class RequirementAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "emphasize", "posting"]
    list_filter = ["kind", "emphasize"]
    search_fields = ["text"]
    raw_id_fields = ["posting"]


@admin.register(Strength)
class StrengthAdmin(admin.ModelAdmin):
    list_display = ["title", "tags", "owner", "updated"]
    search_fields = ["title", "detail", "tags"]
    raw_id_fields = ["owner"]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["requirement", "strength", "score", "updated"]
    raw_id_fields = ["requirement", "strength"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["posting", "kind", "recipient_name", "date", "updated"]
    list_filter = ["kind"]
    raw_id_fields = ["posting"]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "posting", "position", "updated"]
    search_fields = ["title", "detail"]
    raw_id_fields = ["posting"]


@admin.register(Dispatch)
class DispatchAdmin(admin.ModelAdmin):
    list_display = ["letter", "format", "sent_to", "created"]
    list_filter = ["format"]
    raw_id_fields = ["letter"]
    readonly_fields = ["content_hash", "created"]
