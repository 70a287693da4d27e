"""The one path from a letter to what the user sees: HTML for the preview, then PDF bytes.

The preview page, the PDF download and the render_letter command all call this module, so what
the user previews is what they send.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from letters.markdown import render_markdown
from letters.models import Letter, PaperSize, Profile

DOCUMENT_TEMPLATE = "letters/letter_document.html"
STYLESHEETS = ("vendor/fonts/fonts.css", "css/letter.css")
PAGE_SIZES = {PaperSize.LETTER: "letter", PaperSize.A4: "A4"}


@dataclass(frozen=True)
class Row:
    requirement: str
    offer: SafeString


def static_root() -> Path:
    return Path(settings.BASE_DIR, "static").resolve()


class StaticFilesFetcher(URLFetcher):
    """Read only files inside the project's static folder; refuse every other URL.

    Letters hold user text, so nothing in them may make WeasyPrint open a network
    connection or read a file of the server's.
    """

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"Refused to fetch {url!r}: only the app's static files are read.")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(static_root()) or not path.is_file():
            raise ValueError(f"Refused to fetch {url!r}: outside the static folder.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )


@cache
def print_resources() -> tuple[FontConfiguration, tuple[CSS, ...]]:
    """Fonts and stylesheets parsed once per process: loading fonts costs more than a render."""
    font_config = FontConfiguration()
    fetcher = StaticFilesFetcher()
    stylesheets = tuple(
        CSS(filename=static_root() / name, url_fetcher=fetcher, font_config=font_config)
        for name in STYLESHEETS
    )
    return font_config, stylesheets


def profile_of(letter: Letter) -> Profile:
    owner = letter.posting.owner
    return Profile.objects.filter(user=owner).first() or Profile(user=owner)


def letter_rows(letter: Letter) -> list[Row]:
    """The answered requirements in letter order; unanswered ones stay off the page."""
    requirements = (
        letter.posting.requirements.in_letter_order()
        .select_related("match")
        .filter(match__text__gt="")
    )
    return [
        Row(
            requirement=requirement.text,
            offer=render_markdown(requirement.match.text),
        )
        for requirement in requirements
    ]


def letter_context(letter: Letter) -> dict:
    profile = profile_of(letter)
    return {
        "letter": letter,
        "posting": letter.posting,
        "profile": profile,
        "rows": letter_rows(letter),
        "page_size": PAGE_SIZES.get(profile.paper_size, "letter"),
        "opening": render_markdown(letter.opening),
        "visit": render_markdown(letter.visit_text) if letter.offer_visit else "",
        "closing": render_markdown(letter.closing),
    }


def render_html(letter: Letter, *, standalone: bool = True) -> str:
    """The letter as an HTML document; standalone links its stylesheets for a browser."""
    context = letter_context(letter) | {
        "standalone": standalone,
        "stylesheets": STYLESHEETS,
    }
    return render_to_string(DOCUMENT_TEMPLATE, context)


def render_pdf(letter: Letter) -> bytes:
    font_config, stylesheets = print_resources()
    document = HTML(
        string=render_html(letter, standalone=False),
        base_url=static_root().as_uri() + "/",
        url_fetcher=StaticFilesFetcher(),
    )
    return document.write_pdf(stylesheets=list(stylesheets), font_config=font_config)


def pdf_filename(letter: Letter) -> str:
    name = f"{letter.posting.employer} {letter.get_kind_display()}"
    safe = "".join(char if char.isalnum() else "-" for char in name).strip("-")
    return f"{'-'.join(part for part in safe.split('-') if part)}.pdf"
