"""User Markdown reaches pages and PDFs only through render_markdown: nothing active survives."""

from __future__ import annotations

import pytest

from letters.markdown import render_markdown


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("Hello <script>alert(1)</script>", "<script"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<a href="#" onclick="alert(1)">x</a>', "onclick"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ("<img src=http://127.0.0.1:9/tracker.png>", "<img"),
        ("![tracker](http://127.0.0.1:9/t.png)", "<img"),
        ('<link rel="attachment" href="file:///etc/passwd">', "<link"),
        ('<iframe src="http://example.com"></iframe>', "<iframe"),
        ('<p style="background:url(http://x/)">x</p>', "style"),
    ],
)
def test_dangerous_markup_is_removed(source, forbidden):
    assert forbidden not in render_markdown(source).lower()


def test_markdown_formatting_is_kept():
    html = render_markdown("Led **six** guides\n\n- one\n- two\n\n[site](https://example.com)")
    assert "<strong>six</strong>" in html
    assert "<li>one</li>" in html
    assert 'href="https://example.com"' in html


def test_empty_text_renders_empty():
    assert render_markdown("") == ""
