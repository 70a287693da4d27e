"""Site-wide behaviour: accounts, the admin, error pages and production settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import ApplicationFactory, LetterFactory, MatchFactory, ProfileFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_log_in_change_password_and_log_out(client, user):
    response = client.post(
        reverse("login"),
        {"username": user.username, "password": "correct horse battery staple"},
    )
    assert response.url == reverse("home")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "correct horse battery staple",
            "new_password1": "another long phrase 7",
            "new_password2": "another long phrase 7",
        },
    )
    assert response.url == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password("another long phrase 7")
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_admin_lists_every_model(admin_client):
    letter = LetterFactory(posting=ApplicationFactory().posting)
    MatchFactory(requirement__posting=letter.posting)
    ProfileFactory(user=letter.posting.owner)
    models = ["followup/application"] + [
        f"letters/{name}"
        for name in ("profile", "posting", "requirement", "strength", "match", "letter")
    ]
    for model in models:
        assert admin_client.get(f"/admin/{model}/").status_code == 200, model
        assert admin_client.get(f"/admin/{model}/add/").status_code == 200, model


def test_unexpected_error_shows_a_friendly_page_and_keeps_data(client_of, user, monkeypatch):
    letter = LetterFactory(posting=ApplicationFactory(posting__owner=user).posting)

    def broken(*_args):
        raise RuntimeError("renderer down")

    monkeypatch.setattr("letters.render.pdf_from_html", broken)
    client_of.raise_request_exception = False
    response = client_of.post(reverse("letters:letter_pdf", args=[letter.pk]))
    assert response.status_code == 500
    assert "Everything you had already saved is safe" in response.content.decode()
    assert get_user_model().objects.get(pk=user.pk).postings.get().letters.count() == 1


def test_unknown_page_is_a_friendly_404(client_of):
    response = client_of.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean | {"DJANGO_SETTINGS_MODULE": "followup.settings"} | env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="x" * 60 + "-a-long-random-production-secret",
        DJANGO_ALLOWED_HOSTS="followup.example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_key_stops_with_a_clear_message():
    result = run_manage("check", DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="example.com")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr
