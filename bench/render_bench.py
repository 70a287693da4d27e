"""Time the letter's PDF through letters/render.py beside a naive WeasyPrint render of it.

Run with `make bench`. It prints figures and asserts nothing: machines here are shared.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from weasyprint import CSS, HTML  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

from letters import render  # noqa: E402
from letters.drafting import letter_create  # noqa: E402
from letters.matching import matches_fill_best  # noqa: E402
from letters.models import Letter, Match, Profile, Requirement, Strength  # noqa: E402
from letters.postings import posting_create  # noqa: E402

DEMO = ROOT / "followup" / "demo"
RUNS = 20
WARM_UP = 3


def demo_letter(username: str, *, answers: int) -> Letter:
    """The demo's thank-you letter with its first few answers: four fit on one page."""
    user = get_user_model().objects.create_user(username)
    Profile.objects.create(
        user=user, full_name="Sam Rivera", email="sam@example.com", address="Baltimore, MD"
    )
    for item in json.loads((DEMO / "strengths.json").read_text()):
        Strength.objects.create(owner=user, **item)
    posting = posting_create(
        owner=user,
        employer="Port City Children's Museum",
        role_title="Education Manager",
        description=(DEMO / "posting.txt").read_text(),
    )
    posting.requirements.filter(text__icontains="supervising").update(emphasize=True)
    matches_fill_best(posting=posting)
    extra = Match.objects.filter(requirement__posting=posting).order_by(
        "-requirement__emphasize", "requirement__position"
    )[answers:]
    Match.objects.filter(pk__in=[match.pk for match in extra]).delete()
    return letter_create(posting=posting, recipient_name="Ms. Dana Whitfield")


def three_page_letter() -> Letter:
    letter = demo_letter("long", answers=8)
    for number in range(10):
        requirement = Requirement.objects.create(
            posting=letter.posting,
            text=f"Requirement {number}: " + "a qualification the posting spells out " * 2,
            position=100 + number,
        )
        Match.objects.create(requirement=requirement, text="What I offer, told in full. " * 8)
    return letter


def naive_pdf(html: str) -> bytes:
    """What a first attempt does: new fonts and freshly parsed stylesheets for every PDF."""
    font_config = FontConfiguration()
    fetcher = render.StaticFilesFetcher()
    stylesheets = [
        CSS(filename=render.static_root() / name, url_fetcher=fetcher, font_config=font_config)
        for name in render.STYLESHEETS
    ]
    document = HTML(string=html, base_url=render.static_root().as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=stylesheets, font_config=font_config, pdf_variant=render.PDF_VARIANT
    )


def median_ms(function, *, fresh: bool) -> tuple[float, float, float]:
    """Median, min and max over RUNS after WARM_UP; fresh empties the cache before each run."""
    samples = []
    for run in range(WARM_UP + RUNS):
        if fresh:
            cache.clear()
        start = time.perf_counter()
        function()
        if run >= WARM_UP:
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples), max(samples)


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    short, long = demo_letter("demo", answers=4), three_page_letter()
    cache.clear()
    start = time.perf_counter()
    render.render_pdf(short)
    first = (time.perf_counter() - start) * 1000
    html = render.render_html(short, standalone=False)
    # label, what to time, whether the cache is emptied before each run, the PDF it makes
    rows = [
        ("render.py PDF, one page", lambda: render.render_pdf(short), True),
        ("naive WeasyPrint, same HTML", lambda: naive_pdf(html), True),
        ("render.py PDF, long letter", lambda: render.render_pdf(long), True),
        ("cached download, one page", lambda: render.render_pdf(short), False),
        ("letter HTML (preview)", lambda: render.render_html(short), True),
        ("email text", lambda: render.render_text(short), True),
        ("Word file", lambda: render.render_docx(short), True),
    ]
    print(f"PDF/UA-1 letters, median of {RUNS} runs after {WARM_UP} to warm up.")
    print(f"The first PDF of the process, which loads fonts and stylesheets: {first:.1f} ms")
    print(f"{'':<30}{'median':>10}{'min':>10}{'max':>10}  pages")
    for label, function, fresh in rows:
        median, low, high = median_ms(function, fresh=fresh)
        made = function()
        shown = str(pages(made)) if isinstance(made, bytes) and made[:4] == b"%PDF" else ""
        print(f"{label:<30}{median:>8.1f}ms{low:>8.1f}ms{high:>8.1f}ms  {shown}")


if __name__ == "__main__":
    main()
