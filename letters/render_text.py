"""The letter as plain text for email, wrapped at 72 columns, and as an .eml draft.

User Markdown is first rendered and sanitized by render_markdown, then read back into
blocks of styled spans: the same blocks give the email text and the Word paragraphs.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from html.parser import HTMLParser
from urllib.parse import quote

from letters.markdown import render_markdown
from letters.render_content import Content, Row

WIDTH = 72
TABLE_LEFT_MAX = 30  # a wider requirement column leaves too little room for the offer
TABLE_GAP = 2
LABEL_MAX = 24


@dataclass
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """A paragraph, list item or heading of rendered Markdown."""

    kind: str = "p"  # p, li, h, pre, hr
    marker: str = ""  # "- " or "3. " for list items
    depth: int = 0  # list nesting
    quote: int = 0  # blockquote nesting
    spans: list[Span] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


class BlockParser(HTMLParser):
    """Read the small tag set render_markdown allows into blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.lists: list[list] = []  # [tag, next number]
        self.bold = 0
        self.italic = 0
        self.quote = 0
        self.pre = False
        self.href = ""
        self.link_text = ""
        self.current: Block | None = None

    def start_block(self, kind: str, marker: str = "") -> None:
        # An item sits at its list's depth; a second paragraph in it, one step further in.
        depth = len(self.lists) - 1 if kind == "li" else len(self.lists)
        self.current = Block(kind, marker, max(depth, 0), self.quote)
        self.blocks.append(self.current)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self.lists.append([tag, 1])
            self.current = None
        elif tag == "li":
            kind, number = self.lists[-1] if self.lists else ("ul", 1)
            marker = f"{number}. " if kind == "ol" else "- "
            if self.lists:
                self.lists[-1][1] += 1
            self.start_block("li", marker)
        elif tag in ("p", "h3", "h4", "pre"):
            # A loose list puts <p> inside <li>: the paragraph is the item's own text.
            if not (self.current and self.current.kind == "li" and not self.current.text.strip()):
                self.start_block("h" if tag in ("h3", "h4") else tag)
            self.pre = tag == "pre"
        elif tag == "blockquote":
            self.quote += 1
            self.current = None
        elif tag == "hr":
            self.start_block("hr")
            self.current = None
        elif tag == "br":
            self.add("\n")
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.link_text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.current = None
        elif tag in ("p", "h3", "h4", "pre", "li"):
            self.pre = False
            self.current = None
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
            self.current = None
        elif tag in ("strong", "b"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)
        elif tag == "a":
            target = self.href.removeprefix("mailto:")
            if target and target != self.link_text.strip():
                self.add(f" ({target})")
            self.href = ""

    def handle_data(self, data: str) -> None:
        if not self.pre:
            data = re.sub(r"\s+", " ", data)
        if self.href:
            self.link_text += data
        self.add(data)

    def add(self, text: str) -> None:
        if self.current is None:
            if not text.strip():
                return
            self.start_block("p")
        self.current.spans.append(Span(text, bool(self.bold), bool(self.italic)))


def markdown_blocks(source: str) -> list[Block]:
    """Sanitized Markdown as blocks, empty ones dropped and outer spaces trimmed."""
    parser = BlockParser()
    parser.feed(render_markdown(source))
    parser.close()
    blocks = []
    for block in parser.blocks:
        if block.kind != "pre" and block.spans:
            block.spans[0].text = block.spans[0].text.lstrip()
            block.spans[-1].text = block.spans[-1].text.rstrip()
        if block.text.strip() or block.kind == "hr":
            blocks.append(block)
    return blocks


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap without breaking long words or hyphens: a URL must stay clickable."""
    lines: list[str] = []
    for number, line in enumerate(text.split("\n")):
        lines += textwrap.wrap(
            " ".join(line.split()) or " ",
            width=width,
            initial_indent=first if number == 0 else rest,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [first.rstrip()]
    return [line.rstrip() for line in lines]


def block_lines(block: Block, width: int) -> list[str]:
    prefix = "> " * block.quote
    if block.kind == "hr":
        return [prefix + "-" * 20]
    if block.kind == "pre":
        return [prefix + line for line in block.text.splitlines()]
    indent = prefix + "   " * block.depth
    hang = indent + " " * len(block.marker)
    return wrap(block.text, width, indent + block.marker, hang)


def markdown_lines(source: str, width: int = WIDTH) -> list[str]:
    """Markdown as wrapped lines: a blank line between paragraphs, none between list items."""
    lines: list[str] = []
    previous: Block | None = None
    for block in markdown_blocks(source):
        if previous and not (previous.kind == block.kind == "li"):
            lines.append("")
        lines += block_lines(block, width)
        previous = block
    return lines


def table_lines(letter_headings: tuple[str, str], rows: list[Row]) -> list[str]:
    """An aligned two-column table, or [] when it cannot fit in WIDTH columns."""
    left_heading, right_heading = (heading.upper() for heading in letter_headings)
    requirements = [" ".join(row.requirement.split()) for row in rows]
    left = max(len(text) for text in [left_heading, *requirements])
    right = WIDTH - left - TABLE_GAP
    if left > TABLE_LEFT_MAX:
        return []
    cells = [markdown_lines(row.offer_markdown, right) for row in rows]
    if any(len(line) > right for cell in cells for line in cell) or len(right_heading) > right:
        return []
    gap = " " * TABLE_GAP
    lines = [
        f"{left_heading:<{left}}{gap}{right_heading}".rstrip(),
        f"{'-' * left}{gap}{'-' * right}",
    ]
    spaced = any(len(cell) > 1 for cell in cells)
    for number, (requirement, cell) in enumerate(zip(requirements, cells, strict=True)):
        if spaced and number:
            lines.append("")
        for index, line in enumerate(cell or [""]):
            lines.append(f"{requirement if index == 0 else '':<{left}}{gap}{line}".rstrip())
    return lines


def pair_lines(letter_headings: tuple[str, str], rows: list[Row]) -> list[str]:
    """Each requirement above its offer, labelled with the column headings."""
    labels = [f"{heading.strip().rstrip(':')}:" for heading in letter_headings]
    width = max(len(label) for label in labels) + 2
    beside = width <= LABEL_MAX  # a long label goes on a line of its own
    text_width = WIDTH - width if beside else WIDTH
    lines: list[str] = []
    for row in rows:
        if lines:
            lines.append("")
        bodies = (wrap(row.requirement, text_width), markdown_lines(row.offer_markdown, text_width))
        for label, body in zip(labels, bodies, strict=True):
            body = [line for line in body if line] or [""]
            if beside:
                lines += [
                    f"{label if i == 0 else '':<{width}}{line}".rstrip()
                    for i, line in enumerate(body)
                ]
            else:
                lines += [label, *body]
    return lines


def letter_text(content: Content) -> str:
    """The letter as an email body: greeting, paragraphs, the two columns, signature."""
    letter, profile = content.letter, content.profile
    sections: list[list[str]] = [wrap(letter.salutation, WIDTH), markdown_lines(letter.opening)]
    if content.rows:
        headings = (letter.left_heading, letter.right_heading)
        sections.append(table_lines(headings, content.rows) or pair_lines(headings, content.rows))
    if letter.offer_visit:
        sections.append(markdown_lines(letter.visit_text))
    sections.append(markdown_lines(letter.closing))
    sections.append([letter.sign_off, profile.display_name, *profile.contact_items])
    if content.ideas_follow_letter:
        sections.append(idea_lines(content))
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def idea_lines(content: Content) -> list[str]:
    lines = ["-" * 20, "", *wrap(content.idea_sheet_title, WIDTH)]
    for number, idea in enumerate(content.ideas, start=1):
        marker = f"{number}. "
        lines += ["", *wrap(idea.title, WIDTH, marker, " " * len(marker))]
        lines += [
            " " * len(marker) + line if line else ""
            for line in markdown_lines(idea.detail_markdown, WIDTH - len(marker))
        ]
    return lines


def single_line(text: str) -> str:
    """Header values must not break lines, whatever was typed."""
    return " ".join(text.split())


def recipient_address(content: Content) -> Address | None:
    email = single_line(content.letter.recipient_email)
    if not email:
        return None
    return Address(display_name=single_line(content.letter.recipient_name), addr_spec=email)


def letter_eml(content: Content, text: str) -> bytes:
    """An unsent message: mail programs open it as a draft, addressed and ready to send."""
    message = EmailMessage(policy=SMTP)
    if to := recipient_address(content):
        message["To"] = to
    if sender := single_line(content.profile.email):
        message["From"] = Address(single_line(content.profile.display_name), addr_spec=sender)
    message["Subject"] = single_line(content.letter.email_subject)
    message["X-Unsent"] = "1"  # Outlook's sign for a draft
    message.set_content(text)
    return bytes(message)


def mailto_url(content: Content, text: str) -> str:
    email = single_line(content.letter.recipient_email)
    body = quote(text.replace("\n", "\r\n"))  # RFC 6068 asks for CRLF line breaks
    query = f"subject={quote(single_line(content.letter.email_subject))}&body={body}"
    return f"mailto:{quote(email, safe='@')}?{query}"
