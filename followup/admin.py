from django.contrib import admin

from followup.models import Application


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["posting", "owner", "stage", "priority", "updated"]
    list_filter = ["stage", "priority"]
    search_fields = ["posting__employer", "posting__role_title", "owner__username"]
    raw_id_fields = ["posting", "owner"]
