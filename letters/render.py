"""The one path from a letter to every output: HTML for the preview, PDF, text, email, Word.

The preview page, the downloads and the render_letter command all call this module, so what
the user previews is what they send. Plain text and .eml live in render_text.py, Word in
render_docx.py; all read the letter once through render_content.py.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from letters.markdown import render_markdown
from letters.models import Letter, OutputFormat, PaperSize, Theme
from letters.render_content import Content, letter_content
from letters.render_docx import letter_docx
from letters.render_text import letter_eml, letter_text, mailto_url

DOCUMENT_TEMPLATE = "letters/letter_document.html"
STYLESHEETS = ("vendor/fonts/fonts.css", "css/letter.css")
PAGE_SIZES = {PaperSize.LETTER: "letter", PaperSize.A4: "A4"}
PDF_VARIANT = "pdf/ua-1"
CACHE_SECONDS = 7 * 24 * 60 * 60
# Page margins in inches (top, sides, bottom). They live here, not in letter.css, because
# @page is out of reach of the classes and variables that set each theme's type.
MARGINS = {
    Theme.CLASSIC: (0.85, 0.9, 0.9),
    Theme.MODERN: (0.8, 0.85, 0.85),
    Theme.COMPACT: (0.6, 0.7, 0.65),
}
# "Fit to one page" level N scales the margins by FIT_MARGINS[N]; letter.css tightens type
# and spacing for .fit-N. Level 3 is as far as a letter may be squeezed and stay readable.
FIT_MARGINS = (1.0, 0.9, 0.8, 0.7)
CONTENT_TYPES = {
    OutputFormat.PDF: "application/pdf",
    OutputFormat.IDEAS: "application/pdf",
    OutputFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    OutputFormat.TXT: "text/plain; charset=utf-8",
    OutputFormat.EML: "message/rfc822",
}
EXTENSIONS = {OutputFormat.IDEAS: "pdf"}


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


@cache
def style_version() -> str:
    """What else shapes a PDF besides its HTML: a new stylesheet or WeasyPrint voids the cache."""
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for name in STYLESHEETS:
        digest.update((static_root() / name).read_bytes())
    return digest.hexdigest()


def cache_key(kind: str, *parts: str) -> str:
    """A key on content, not ids, shared by every process through Django's cache."""
    digest = hashlib.sha256("\0".join((style_version(), *parts)).encode()).hexdigest()
    return f"letters:{kind}:{digest}"


def page_html(
    content: Content,
    *,
    standalone: bool,
    show_letter: bool = True,
    show_ideas: bool = False,
    fit: int = 0,
) -> str:
    """The HTML document: the letter, its idea sheet, or both; standalone links its CSS."""
    top, sides, bottom = (
        inches * FIT_MARGINS[fit]
        for inches in MARGINS.get(content.letter.theme, MARGINS[Theme.CLASSIC])
    )
    context = {
        "letter": content.letter,
        "posting": content.posting,
        "profile": content.profile,
        "rows": content.rows,
        "ideas": content.ideas,
        "show_letter": show_letter,
        "show_ideas": show_ideas,
        "title": content.letter.title if show_letter else content.idea_sheet_title,
        "idea_sheet_title": content.idea_sheet_title,
        "page_size": PAGE_SIZES.get(content.profile.paper_size, "letter"),
        "page_margin": f"{top:.2f}in {sides:.2f}in {bottom:.2f}in",
        "fit": fit,
        "opening": render_markdown(content.letter.opening),
        "visit": render_markdown(content.letter.visit_text) if content.letter.offer_visit else "",
        "closing": render_markdown(content.letter.closing),
        "standalone": standalone,
        "stylesheets": STYLESHEETS,
    }
    return render_to_string(DOCUMENT_TEMPLATE, context)


def weasyprint_html(html: str) -> HTML:
    return HTML(
        string=html, base_url=static_root().as_uri() + "/", url_fetcher=StaticFilesFetcher()
    )


def page_count(html: str) -> int:
    font_config, stylesheets = print_resources()
    return len(weasyprint_html(html).render(font_config, stylesheets=stylesheets).pages)


def fit_level(content: Content) -> int:
    """The gentlest tightening that keeps the letter on one page: 0 if none is asked or none does.

    A letter far too long for one page keeps its normal size rather than becoming unreadable.
    """
    if not content.letter.fit_to_page:
        return 0
    loose = page_html(content, standalone=False)
    key = cache_key("fit", loose)
    level = shared_cache.get(key)
    if level is None:
        level = next(
            (
                level
                for level in range(len(FIT_MARGINS))
                if page_count(page_html(content, standalone=False, fit=level)) == 1
            ),
            0,
        )
        shared_cache.set(key, level, CACHE_SECONDS)
    return level


def document_html(content: Content, *, standalone: bool, ideas_only: bool = False) -> str:
    """What a download holds: the letter with its idea sheet if asked for, or the sheet alone."""
    if ideas_only:
        return page_html(content, standalone=standalone, show_letter=False, show_ideas=True)
    return page_html(
        content,
        standalone=standalone,
        show_ideas=content.ideas_follow_letter,
        fit=fit_level(content),
    )


def render_html(letter: Letter, *, standalone: bool = True, ideas_only: bool = False) -> str:
    return document_html(letter_content(letter), standalone=standalone, ideas_only=ideas_only)


def pdf_from_html(html: str, theme: str) -> bytes:
    """A tagged PDF/UA-1 file, served from the cache while the HTML is unchanged."""
    key = cache_key("pdf", html, theme, PDF_VARIANT)
    pdf = shared_cache.get(key)
    if pdf is None:
        font_config, stylesheets = print_resources()
        pdf = weasyprint_html(html).write_pdf(
            stylesheets=list(stylesheets), font_config=font_config, pdf_variant=PDF_VARIANT
        )
        shared_cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def render_pdf(letter: Letter, *, ideas_only: bool = False) -> bytes:
    content = letter_content(letter)
    html = document_html(content, standalone=False, ideas_only=ideas_only)
    return pdf_from_html(html, letter.theme)


def render_text(letter: Letter) -> str:
    return letter_text(letter_content(letter))


def render_docx(letter: Letter) -> bytes:
    return letter_docx(letter_content(letter))


def render_eml(letter: Letter) -> bytes:
    content = letter_content(letter)
    return letter_eml(content, letter_text(content))


@dataclass(frozen=True)
class Email:
    subject: str
    text: str
    mailto: str


def render_email(letter: Letter) -> Email:
    """What the letter page offers to copy or open in a mail program."""
    content = letter_content(letter)
    text = letter_text(content)
    return Email(subject=letter.email_subject, text=text, mailto=mailto_url(content, text))


@dataclass(frozen=True)
class Output:
    body: bytes
    filename: str
    content_type: str
    snapshot: str  # what the user can read again later: the HTML, the text or the message


def render_output(letter: Letter, fmt: str) -> Output:
    """One download in any format, with the snapshot kept of what it held; reads the letter once."""
    fmt = OutputFormat(fmt)
    content = letter_content(letter)
    if fmt in (OutputFormat.PDF, OutputFormat.IDEAS):
        ideas_only = fmt == OutputFormat.IDEAS
        snapshot = document_html(content, standalone=True, ideas_only=ideas_only)
        html = document_html(content, standalone=False, ideas_only=ideas_only)
        body = pdf_from_html(html, letter.theme)
    elif fmt == OutputFormat.DOCX:
        body = letter_docx(content)
        snapshot = document_html(content, standalone=True)
    elif fmt == OutputFormat.TXT:
        snapshot = letter_text(content)
        body = snapshot.encode()
    else:
        body = letter_eml(content, letter_text(content))
        snapshot = body.decode()
    return Output(body, filename(letter, fmt), CONTENT_TYPES[fmt], snapshot)


def filename(letter: Letter, fmt: str) -> str:
    label = "Ideas" if fmt == OutputFormat.IDEAS else letter.get_kind_display()
    words = "".join(
        char if char.isalnum() else " " for char in f"{letter.posting.employer} {label}"
    )
    return f"{'-'.join(words.split())}.{EXTENSIONS.get(fmt, fmt)}"
