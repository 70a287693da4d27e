"""The letter's HTML, its PDF read back, and the fetcher that keeps WeasyPrint on our files."""

from __future__ import annotations

import http.server
import io
import threading

import pytest
from pypdf import PdfReader

from letters.models import PaperSize
from letters.render import StaticFilesFetcher, render_html, render_pdf, static_root
from tests.factories import LetterFactory, MatchFactory, ProfileFactory, RequirementFactory

pytestmark = pytest.mark.django_db

POINTS_PER_INCH = 72


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


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
        assert '<html lang="en">' in html

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
