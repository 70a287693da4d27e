from django.contrib import admin

from followup.models import Application, CalendarFeed, Contact, Interview, StageChange, Step


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["posting", "owner", "stage", "outcome", "priority", "updated"]
    list_filter = ["stage", "outcome", "priority"]
    search_fields = ["posting__employer", "posting__role_title", "owner__username"]
    raw_id_fields = ["posting", "owner"]
    inlines = [StageChangeInline]


@admin.register(StageChange)
class StageChangeAdmin(admin.ModelAdmin):
    list_display = ["application", "stage", "outcome", "changed_at"]
    list_filter = ["stage"]
    raw_id_fields = ["application"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "email", "application"]
    search_fields = ["name", "email"]
    raw_id_fields = ["application"]


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ["application", "when", "format", "contact"]
    list_filter = ["format"]
    raw_id_fields = ["application", "contact"]
    filter_horizontal = ["emphasize"]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["application", "kind", "due", "done_at", "reaction"]
    list_filter = ["kind", "reaction"]
    raw_id_fields = ["application", "interview"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created"]
    raw_id_fields = ["user"]
