from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = "Applications"

    def ready(self) -> None:
        from followup import receivers  # noqa: F401 - connects the signal receivers
