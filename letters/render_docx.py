"""The letter as a Word file: the same content and letterhead, the columns as a real table."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from letters.models import PaperSize, Theme
from letters.render_content import Content
from letters.render_text import Block, markdown_blocks

ACCENT = RGBColor(0x1D, 0x4E, 0x89)
MUTED = RGBColor(0x4B, 0x55, 0x63)
REQUIREMENT_FILL = "F3F6FA"
RULE = "D5DCE6"
LEFT_SHARE = 0.38  # as in letter.css


@dataclass(frozen=True)
class Look:
    """Word has no web fonts: each theme names fonts that Word and LibreOffice have."""

    body_font: str
    heading_font: str
    size: float
    margin: float


LOOKS = {
    Theme.CLASSIC: Look("Georgia", "Arial", 10.5, 0.9),
    Theme.MODERN: Look("Calibri", "Calibri", 10.5, 0.85),
    Theme.COMPACT: Look("Calibri", "Calibri", 9.5, 0.7),
}


def letter_docx(content: Content) -> bytes:
    letter, profile = content.letter, content.profile
    look = LOOKS.get(letter.theme, LOOKS[Theme.CLASSIC])
    document = Document()
    set_up(document, content, look)
    letterhead(document, content, look)
    paragraph(document, f"{letter.date:%B} {letter.date.day}, {letter.date.year}")
    recipient = [letter.recipient_name, content.posting.employer, content.posting.location]
    paragraph(document, "\n".join(line for line in recipient if line))
    paragraph(document, f"Re: {content.posting.role_title}", bold=True)
    paragraph(document, letter.salutation)
    markdown(document, letter.opening)
    if content.rows:
        offers_table(document, content, look)
    if letter.offer_visit:
        markdown(document, letter.visit_text)
    markdown(document, letter.closing)
    sign_off = paragraph(document, letter.sign_off)
    sign_off.paragraph_format.space_after = Pt(24)
    sign_off.paragraph_format.keep_with_next = True
    paragraph(document, profile.display_name, bold=True)
    if content.ideas_follow_letter:
        document.add_page_break()
        idea_sheet(document, content, look)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_up(document: DocxDocument, content: Content, look: Look) -> None:
    section = document.sections[0]
    if content.profile.paper_size == PaperSize.A4:
        section.page_width, section.page_height = Mm(210), Mm(297)
    else:
        section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(look.margin))
    normal = document.styles["Normal"]
    normal.font.name = look.body_font
    normal.font.size = Pt(look.size)
    normal.paragraph_format.space_after = Pt(look.size * 0.7)
    normal.paragraph_format.line_spacing = 1.15
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name = look.heading_font
        style.font.color.rgb = ACCENT
    properties = document.core_properties
    properties.title = content.letter.title
    properties.author = content.profile.display_name
    properties.language = "en-US"


def paragraph(container, text: str = "", *, bold: bool = False) -> Paragraph:
    """A paragraph whose line breaks stay line breaks."""
    para = container.add_paragraph()
    for number, line in enumerate(text.split("\n")):
        run = para.add_run()
        if number:
            run.add_break()
        run.add_text(line)
        run.bold = bold or None
    return para


def fill_blocks(first: Paragraph, container, blocks: list[Block]) -> None:
    """Write blocks as paragraphs, starting in `first` and adding the rest to `container`."""
    para = first
    for number, block in enumerate(blocks):
        if number:
            para = container.add_paragraph()
        if block.kind == "li":
            indent = Inches(0.25 * (block.depth + 1))
            para.paragraph_format.left_indent = indent
            para.paragraph_format.first_line_indent = -Inches(0.2)
            para.paragraph_format.tab_stops.add_tab_stop(indent)
            para.add_run(("•" if block.marker == "- " else block.marker.strip()) + "\t")
        elif block.depth:
            para.paragraph_format.left_indent = Inches(0.25 * block.depth)
        for span in block.spans:
            for index, line in enumerate(span.text.split("\n")):
                run = para.add_run()
                if index:
                    run.add_break()
                run.add_text(line.lstrip() if index else line)
                run.bold = span.bold or block.kind == "h" or None
                run.italic = span.italic or None


def markdown(document: DocxDocument, source: str) -> None:
    blocks = markdown_blocks(source)
    if blocks:
        fill_blocks(document.add_paragraph(), document, blocks)


def letterhead(document: DocxDocument, content: Content, look: Look) -> None:
    name = document.add_paragraph()
    name.paragraph_format.space_after = Pt(2)
    run = name.add_run(content.profile.display_name)
    run.font.name, run.font.size, run.font.color.rgb = look.heading_font, Pt(21), ACCENT
    run.bold = True
    contact = document.add_paragraph()
    contact.paragraph_format.space_after = Pt(18)
    run = contact.add_run("  ·  ".join(content.profile.contact_items))
    run.font.name, run.font.size, run.font.color.rgb = look.heading_font, Pt(9), MUTED
    bottom_border(contact)


def bottom_border(para: Paragraph) -> None:
    borders = element("pBdr")
    borders.append(element("bottom", val="single", sz="16", space="4", color=str(ACCENT)))
    para._p.get_or_add_pPr().append(borders)


def element(tag: str, **attributes: str):
    made = OxmlElement(f"w:{tag}")
    for key, value in attributes.items():
        made.set(qn(f"w:{key}"), value)
    return made


def shade(cell: _Cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(element("shd", val="clear", color="auto", fill=fill))


def rule_lines(table) -> None:
    """Light rules between rows and roomy cells, as in the PDF, instead of a full grid."""
    borders = element("tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        ruled = edge in ("bottom", "insideH")
        borders.append(
            element(edge, val="single", sz="6", space="0", color=RULE)
            if ruled
            else element(edge, val="nil")
        )
    margins = element("tblCellMar")
    for side, twips in (("top", "80"), ("left", "110"), ("bottom", "80"), ("right", "110")):
        margins.append(element(side, w=twips, type="dxa"))
    table._tbl.tblPr.append(borders)
    table._tbl.tblPr.append(margins)


def row_flag(row, name: str) -> None:
    """Set a row property such as tblHeader (repeat on each page) or cantSplit."""
    row._tr.get_or_add_trPr().append(element(name, val="true"))


def offers_table(document: DocxDocument, content: Content, look: Look) -> None:
    letter = content.letter
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    widths = (int(text_width * LEFT_SHARE), int(text_width * (1 - LEFT_SHARE)))
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    rule_lines(table)
    header = table.rows[0]
    row_flag(header, "tblHeader")
    row_flag(header, "cantSplit")
    for cell, heading in zip(
        header.cells, (letter.left_heading, letter.right_heading), strict=True
    ):
        shade(cell, str(ACCENT))
        run = cell.paragraphs[0].add_run(heading.upper())
        run.bold = True
        run.font.name, run.font.size = look.heading_font, Pt(look.size - 1.5)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    for item in content.rows:
        row = table.add_row()
        row_flag(row, "cantSplit")
        requirement, offer = row.cells
        shade(requirement, REQUIREMENT_FILL)
        run = requirement.paragraphs[0].add_run(" ".join(item.requirement.split()))
        run.bold = True
        run.font.name = look.heading_font
        fill_blocks(offer.paragraphs[0], offer, markdown_blocks(item.offer_markdown))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for para in cell.paragraphs:
                para.paragraph_format.space_after = Pt(3)
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def idea_sheet(document: DocxDocument, content: Content, look: Look) -> None:
    letterhead(document, content, look)
    document.add_heading(content.idea_sheet_title, level=1)
    intro = f"For the {content.posting.role_title} role"
    paragraph(document, intro).runs[0].italic = True
    for number, idea in enumerate(content.ideas, start=1):
        document.add_heading(f"{number}. {idea.title}", level=2)
        markdown(document, idea.detail_markdown)
