"""The idea sheet's page: ideas added, edited, reordered, deleted, and kept to their owner."""

from __future__ import annotations

import pytest
from django.urls import reverse

from letters.ideas import idea_add
from tests.factories import ApplicationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posting(user):
    return ApplicationFactory(posting__owner=user).posting


def titles(posting) -> list[str]:
    return list(posting.ideas.values_list("title", flat=True))


def test_add_appends_in_order(client_of, posting):
    url = reverse("letters:ideas", args=[posting.pk])
    for title in ("Family science club", "Teacher previews"):
        response = client_of.post(url, {"add-title": title, "add-detail": "Why it helps."})
        assert response.status_code == 302
    assert titles(posting) == ["Family science club", "Teacher previews"]
    body = client_of.get(url).content.decode()
    assert body.index("Family science club") < body.index("Teacher previews")


def test_add_without_title_keeps_the_detail(client_of, posting):
    response = client_of.post(
        reverse("letters:ideas", args=[posting.pk]), {"add-title": "", "add-detail": "My plan"}
    )
    body = response.content.decode()
    assert "This field is required" in body and "My plan</textarea>" in body
    assert not posting.ideas.exists()


def move(client, idea, direction: str, title: str | None = None):
    """Press up or down as the page does: the row's own fields come along."""
    data = {f"i{idea.pk}-title": title or idea.title, f"i{idea.pk}-detail": "", direction: ""}
    return client.post(reverse("letters:idea_update", args=[idea.pk]), data)


def test_move_up_and_down(client_of, posting):
    first = idea_add(posting=posting, title="First")
    second = idea_add(posting=posting, title="Second")
    idea_add(posting=posting, title="Third")
    move(client_of, second, "up")
    assert titles(posting) == ["Second", "First", "Third"]
    move(client_of, first, "down")
    assert titles(posting) == ["Second", "Third", "First"]
    move(client_of, first, "down")
    assert titles(posting) == ["Second", "Third", "First"]


def test_moving_keeps_a_typed_edit(client_of, posting):
    idea_add(posting=posting, title="First")
    second = idea_add(posting=posting, title="Second")
    move(client_of, second, "up", title="Second, reworded")
    assert titles(posting) == ["Second, reworded", "First"]


def test_edit_and_delete(client_of, posting):
    idea = idea_add(posting=posting, title="Old")
    prefix = f"i{idea.pk}"
    url = reverse("letters:idea_update", args=[idea.pk])
    client_of.post(url, {f"{prefix}-title": "New", f"{prefix}-detail": "More", "save": ""})
    idea.refresh_from_db()
    assert (idea.title, idea.detail) == ("New", "More")
    response = client_of.post(url, {f"{prefix}-title": "", f"{prefix}-detail": "Kept", "save": ""})
    assert "This field is required" in response.content.decode()
    assert "Kept</textarea>" in response.content.decode()
    client_of.post(url, {"delete": ""})
    assert not posting.ideas.exists()


def test_another_users_ideas_are_a_404(client, posting):
    idea = idea_add(posting=posting, title="Mine")
    client.force_login(UserFactory())
    assert client.get(reverse("letters:ideas", args=[posting.pk])).status_code == 404
    for action in ({"delete": ""}, {"up": ""}):
        response = client.post(reverse("letters:idea_update", args=[idea.pk]), action)
        assert response.status_code == 404
    assert titles(posting) == ["Mine"]
