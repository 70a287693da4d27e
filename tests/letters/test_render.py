"""The letter's HTML, its PDF read back, and the fetcher that keeps WeasyPrint on our files."""

from __future__ import annotations

import http.server
import io
import threading
from collections import Counter

import pikepdf
import pytest
from django.core.cache import cache
from pypdf import PdfReader

from letters import render
from letters.ideas import idea_add, idea_move
from letters.models import Letter, PaperSize, Theme
from letters.render import StaticFilesFetcher, render_html, render_pdf, static_root
from tests.factories import LetterFactory, MatchFactory, ProfileFactory, RequirementFactory

pytestmark = pytest.mark.django_db

POINTS_PER_INCH = 72


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def structure_tags(pdf: pikepdf.Pdf) -> Counter:
    """How often each structure type (/P, /Table, /TH...) appears in the tag tree."""
    found: Counter = Counter()
    pending = list(pdf.Root.StructTreeRoot.K)
    while pending:
        node = pending.pop()
        if isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found[str(node.S)] += 1
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                pending += list(kids)
            elif isinstance(kids, pikepdf.Dictionary):
                pending.append(kids)
    return found


def add_rows(letter, count: int, words: int = 6) -> None:
    for number in range(count):
        MatchFactory(
            requirement=RequirementFactory(
                posting=letter.posting, text=f"Requirement {number} " + "detail " * words
            ),
            text="An answer that takes a few lines. " * words,
        )


@pytest.fixture
def letter():
    letter = LetterFactory()
    ProfileFactory(user=letter.posting.owner, full_name="Sam Rivera")
    posting = letter.posting
    MatchFactory(
        requirement=RequirementFactory(posting=posting, text="Experience supervising staff"),
        text="Led a team of six museum guides",
    )
    MatchFactory(
        requirement=RequirementFactory(posting=posting, text="Bachelor's degree in education"),
        text="B.A. in Elementary Education",
    )
    RequirementFactory(posting=posting, text="Fluent in Klingon")  # a gap stays off the page
    return letter


class TestHtml:
    def test_holds_both_columns_and_the_letterhead(self, letter):
        html = render_html(letter)
        assert "Your requirements" in html and "What I offer" in html
        assert "Experience supervising staff" in html
        assert "Led a team of six museum guides" in html
        assert "Sam Rivera" in html
        assert "Fluent in Klingon" not in html
        assert '<html lang="en"' in html

    def test_emphasized_requirements_come_first(self, letter):
        degree = letter.posting.requirements.get(text__startswith="Bachelor")
        degree.emphasize = True
        degree.save()
        html = render_html(letter)
        assert html.index("Bachelor&#x27;s degree") < html.index("Experience supervising")

    def test_user_text_is_escaped(self, letter):
        letter.salutation = "<script>alert(1)</script>"
        letter.opening = "Hi <img src=x onerror=alert(1)>"
        letter.save()
        html = render_html(letter)
        assert "<script>alert" not in html
        assert "onerror" not in html

    def test_standalone_links_stylesheets_and_pdf_does_not(self, letter):
        assert "letter.css" in render_html(letter, standalone=True)
        assert "letter.css" not in render_html(letter, standalone=False)


class TestPdf:
    def test_text_holds_requirements_and_offers(self, letter):
        text = pdf_text(render_pdf(letter))
        assert "Experience supervising staff" in text
        assert "Led a team of six museum guides" in text
        assert "B.A. in Elementary Education" in text
        assert "Sam Rivera" in text

    @pytest.mark.parametrize(
        ("paper", "size"),
        [(PaperSize.LETTER, (8.5, 11)), (PaperSize.A4, (8.27, 11.69))],
    )
    def test_page_size_follows_the_profile(self, letter, paper, size):
        letter.posting.owner.profile.paper_size = paper
        letter.posting.owner.profile.save()
        page = PdfReader(io.BytesIO(render_pdf(letter))).pages[0]
        width, height = (float(value) / POINTS_PER_INCH for value in page.mediabox.upper_right)
        assert (round(width, 2), round(height, 2)) == size

    def test_metadata_and_embedded_fonts(self, letter):
        reader = PdfReader(io.BytesIO(render_pdf(letter)))
        assert reader.metadata.title == letter.title
        assert reader.metadata.author == "Sam Rivera"
        fonts = {
            font["/BaseFont"]
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert any("SourceSerif4" in name.replace("-", "") for name in fonts)

    def test_long_table_repeats_its_header_and_numbers_later_pages(self, letter):
        for number in range(30):
            MatchFactory(
                requirement=RequirementFactory(
                    posting=letter.posting, text=f"Requirement {number} " + "detail " * 20
                ),
                text="An answer that takes a few lines. " * 6,
            )
        reader = PdfReader(io.BytesIO(render_pdf(letter)))
        assert len(reader.pages) >= 3
        first, second = (reader.pages[i].extract_text() for i in (0, 1))
        assert "Page 1" not in first
        assert "Page 2 of" in second
        assert "YOUR REQUIREMENTS" in second.upper()

    def test_a_2000_character_requirement_still_renders(self, letter):
        word = "x" * 2000
        MatchFactory(requirement=RequirementFactory(posting=letter.posting, text=word), text="Yes.")
        text = pdf_text(render_pdf(letter)).replace(" ", "")
        assert text.count("x") >= 2000


class TestAccessiblePdf:
    def test_is_pdf_ua_1_with_title_language_and_tags(self, letter):
        pdf = pikepdf.open(io.BytesIO(render_pdf(letter)))
        assert pdf.Root.MarkInfo.Marked
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "en"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        assert str(pdf.docinfo.Title) == letter.title
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"

    def test_the_table_is_tagged_with_header_cells(self, letter):
        tags = structure_tags(pikepdf.open(io.BytesIO(render_pdf(letter))))
        assert tags["/Table"] == 1
        assert tags["/TH"] == 2
        assert tags["/TD"] == 4  # two answered rows, two cells each
        assert tags["/H1"] == 1

    def test_every_font_is_embedded(self, letter):
        letter.opening = "Café, naïve, “quotes” and an arrow → that Source Serif 4 lacks."
        letter.save()
        pdf = pikepdf.open(io.BytesIO(render_pdf(letter)))
        fonts = [font for page in pdf.pages for font in page.Resources.Font.values()]
        assert fonts
        for font in fonts:
            described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = described.FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


class TestThemes:
    @pytest.mark.parametrize("theme", Theme.values)
    def test_each_theme_renders_the_same_content(self, letter, theme):
        letter.theme = theme
        letter.save()
        html = render_html(letter)
        assert f'class="theme-{theme}"' in html
        text = pdf_text(render_pdf(letter))
        assert "Led a team of six museum guides" in text and "Sam Rivera" in text

    def test_compact_theme_holds_more_on_a_page(self, letter):
        add_rows(letter, 5)
        assert page_count(render_pdf(letter)) == 2
        letter.theme = Theme.COMPACT
        letter.save()
        assert page_count(render_pdf(letter)) == 1


class TestFitToOnePage:
    def test_a_small_spill_is_pulled_back_onto_one_page(self, letter):
        add_rows(letter, 9)
        assert page_count(render_pdf(letter)) == 2
        letter.fit_to_page = True
        letter.save()
        pdf = render_pdf(letter)
        assert page_count(pdf) == 1
        assert "Requirement 8" in pdf_text(pdf)
        assert 'class="theme-classic fit-' in render_html(letter)

    def test_a_letter_that_fits_is_left_alone(self, letter):
        letter.fit_to_page = True
        letter.save()
        assert render.fit_level(render.letter_content(letter)) == 0

    def test_a_long_letter_keeps_its_normal_size(self, letter):
        add_rows(letter, 30, words=20)
        letter.fit_to_page = True
        letter.save()
        assert render.fit_level(render.letter_content(letter)) == 0
        assert page_count(render_pdf(letter)) >= 3


class TestIdeaSheet:
    @pytest.fixture
    def ideas(self, letter):
        idea_add(
            posting=letter.posting, title="Family science club", detail="Saturdays, **monthly**."
        )
        idea_add(posting=letter.posting, title="Teacher previews", detail="- a plan\n- questions")

    def test_is_page_two_when_asked_for(self, letter, ideas):
        assert page_count(render_pdf(letter)) == 1
        letter.include_ideas = True
        letter.save()
        reader = PdfReader(io.BytesIO(render_pdf(letter)))
        assert len(reader.pages) == 2
        second = " ".join(reader.pages[1].extract_text().split())
        assert "Sam Rivera's Ideas for Harbor Children's Museum" in second
        assert second.index("Family science club") < second.index("Teacher previews")
        assert "Led a team" not in second

    def test_is_a_pdf_of_its_own(self, letter, ideas):
        pdf = render_pdf(letter, ideas_only=True)
        assert page_count(pdf) == 1
        text = pdf_text(pdf)
        assert "Ideas for Harbor Children's Museum" in text and "Saturdays, monthly." in text
        assert "Led a team" not in text
        assert str(pikepdf.open(io.BytesIO(pdf)).docinfo.Title).endswith(
            "Ideas for Harbor Children's Museum"
        )

    def test_follows_the_order_the_user_set(self, letter, ideas):
        idea_move(idea=letter.posting.ideas.get(title="Teacher previews"), offset=-1)
        text = pdf_text(render_pdf(letter, ideas_only=True))
        assert text.index("Teacher previews") < text.index("Family science club")


class TestCache:
    def test_an_unchanged_letter_is_served_from_the_cache(self, letter, monkeypatch):
        first = render_pdf(letter)
        monkeypatch.setattr(render, "weasyprint_html", None)  # any new render would fail
        assert render_pdf(letter) == first

    def test_a_change_renders_anew(self, letter):
        first = render_pdf(letter)
        letter.closing = "A different closing."
        letter.save()
        second = render_pdf(letter)
        assert second != first and "A different closing." in pdf_text(second)

    def test_the_key_is_the_content_not_the_id(self, letter, monkeypatch):
        """A second process, or a second letter with the same words, finds the same PDF."""
        first = render_pdf(letter)
        twin = Letter.objects.get(pk=letter.pk)
        twin.pk = None
        twin.save()
        monkeypatch.setattr(render, "weasyprint_html", None)
        assert render_pdf(twin) == first


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        RecordingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def listener():
    RecordingHandler.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


class TestFetcher:
    def test_hostile_letter_content_reaches_nothing(self, letter, listener):
        url = f"http://127.0.0.1:{listener}/"
        letter.opening = (
            f'<img src="{url}a.png"> ![x]({url}b.png) <link rel="attachment" href="{url}c"> '
            '<link rel="attachment" href="file:///etc/passwd"> <img src="file:///etc/passwd">'
        )
        letter.closing = f'<a rel="attachment" href="{url}d">attachment</a>'
        letter.save()
        reader = PdfReader(io.BytesIO(render_pdf(letter)))
        assert RecordingHandler.requests == []
        assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get_object().get("/Names", {}))
        assert reader.attachments == {}

    @pytest.mark.parametrize(
        "url",
        [
            "http://127.0.0.1:{port}/x.css",
            "https://example.com/x.png",
            "file:///etc/passwd",
            "file://{static}/../pyproject.toml",
            "data:text/plain,hello",
            "ftp://127.0.0.1:{port}/x",
        ],
    )
    def test_refuses_everything_but_static_files(self, listener, url):
        url = url.format(port=listener, static=static_root())
        with pytest.raises(ValueError):
            StaticFilesFetcher().fetch(url)
        assert RecordingHandler.requests == []

    def test_reads_a_static_file(self):
        response = StaticFilesFetcher().fetch((static_root() / "css" / "letter.css").as_uri())
        assert b"@page" in response.read()
        assert response.content_type == "text/css"
