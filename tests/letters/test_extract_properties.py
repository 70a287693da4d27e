"""Properties of the extractor on any input: total, deterministic, spans that point at the item."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from letters.extract import PREFERRED, REQUIRED, extract_requirements

# Pieces of real postings, so that random input reaches sections, lists and sentences.
PIECES = [
    "\n", "\n\n", "  ", "- ", "• ", "* ", "1. ", "2) ", "(a) ", "â€¢ ", "? ", "o ", "▪ ", "# ",
    "**", "_", ":", ".", ",", ";", "Requirements:", "Qualifications", "Preferred", "Nice to have",
    "Responsibilities", "Benefits", "About Us", "What You'll Bring", "must", "required", "a plus",
    "ideally", "e.g.", "U.S. ", "B.A. ", "Ph.D. ", "3+ years of experience", "Experience with SQL",
    "Ability to lift 50 lbs", "He or she", "We offer", "|", "!!! ", "---", '"', "†", "Hours: ",
    "Required: ", "(Preferred)", "The ideal candidate", "Manage the team", " • ", "Ø ", "\uf0b7 ",
]  # fmt: skip
HTML_PIECES = [
    "<li>", "</li>", "<ul>", "</ul>", "<ol>", "<p>", "</p>", "<br>", "<h2>", "</h2>", "<b>",
    "</b>", "<div>", "</div>", "&amp;", "&nbsp;", "&#x27;", "&bull;", "&ndash;", "<!-- note -->",
    "<!--StartFragment-->", "\\r\\n", "<strong>", "</strong>",
]  # fmt: skip
PLAIN = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6))).map("".join)
MARKUP = st.lists(st.one_of(st.sampled_from(PIECES + HTML_PIECES), st.text(max_size=6))).map(
    "".join
)
TAG = re.compile(r"<!--.*?-->|</?[a-z][a-z0-9]*>", re.DOTALL)
INLINE = re.compile(r"<!--.*?-->|</?(?:b|strong)>", re.DOTALL)
# Front matter holds line breaks as literal escapes; the extractor reads them as line breaks.
ESCAPED_BREAK = re.compile(r"\\r\\n|\\n(?![a-z])")


def normalised(text: str) -> str:
    """Whitespace collapsed, so a wrapped item reads as its joined text."""
    return " ".join(text.split())


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), MARKUP))
def test_any_input_gives_valid_deterministic_items(text):
    found = extract_requirements(text)
    assert found == extract_requirements(text)
    for item in found:
        assert 0 <= item.start < item.end <= len(text)
        assert item.kind in (REQUIRED, PREFERRED)
        assert item.text and item.text == normalised(item.text)


@settings(max_examples=400, deadline=None)
@given(PLAIN.filter(lambda text: "<" not in text and "&" not in text and "\\" not in text))
def test_in_plain_text_each_span_reads_as_its_item(text):
    for item in extract_requirements(text):
        assert normalised(text[item.start : item.end]) == item.text


@settings(max_examples=400, deadline=None)
@given(MARKUP.filter(lambda text: "<" not in TAG.sub("", text)))
def test_in_html_each_span_reads_as_its_item_once_tags_and_entities_are_out(text):
    for item in extract_requirements(text):
        span = ESCAPED_BREAK.sub(" ", text[item.start : item.end])
        assert normalised(html.unescape(TAG.sub(" ", INLINE.sub("", span)))) == item.text
