"""Turn a pasted job description into the requirements it asks of the candidate.

Pure Python, standard library only, so views, management commands and tests share one function.
What counts as a requirement is defined by the sample postings' README (shared/samples/postings).

Three passes, each linear in the length of the input:

1. ``_Cleaner`` strips HTML tags, decodes entities and turns literal ``\\r\\n`` escapes into line
   breaks, keeping a map back to the original offsets so every span points into the pasted text.
2. ``_Parser`` reads the cleaned text line by line: headings set the current section, bullets and
   plain lines become units, lead-ins ("Bonus points for") colour the items under them.
3. ``_decide`` splits prose into sentences, trims each item, and keeps it when its section or its
   own wording shows it is asked of the candidate; then it tells required from preferred.

Every rule is about a shape or a wording that many postings share (a heading is a short line
above its content; "We offer..." is the employer talking; "Answer phones" is a task), never about
one posting. tests/letters/test_extract.py has one small case per rule; bench/extract_eval.py
scores the whole on labelled postings, some of them held out from tuning.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

REQUIRED = "required"
PREFERRED = "preferred"


@dataclass(frozen=True)
class ExtractedRequirement:
    """One requirement of a posting, with where it sits in the pasted text."""

    text: str  # verbatim, bullets/list numbers/emphasis wrapping the item/HTML tags trimmed
    kind: str  # REQUIRED or PREFERRED
    start: int  # span in the ORIGINAL input text: text[start:end] covers the item
    end: int


def extract_requirements(text: str) -> list[ExtractedRequirement]:
    """Return the requirements of a pasted job description, in the order of the text.

    Never raises on a string, and runs in time linear in its length.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    clean = _Cleaner(text).run()
    found: list[ExtractedRequirement] = []
    seen: set[str] = set()
    for a, b, kind in _decide(clean.text, _Parser(clean.text).run()):
        item = _collapse(clean.text[a:b])
        if item.lower() in seen:
            continue
        seen.add(item.lower())
        found.append(ExtractedRequirement(item, kind, clean.orig_start(a), clean.orig_end(b - 1)))
    return found


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- 1. Cleaning: markup and escapes out, offsets kept -------------------------------------

_SECTIONING_TAGS = _words(
    "p div section article header footer main aside blockquote table pre form center figure "
    "body html head template nav fieldset address details summary hr"
)
_LINE_TAGS = _words("ul ol dl tr dt dd li br tbody thead tfoot caption option")
_INLINE_TAGS = _words(
    "a abbr b big cite code em font i img input kbd label mark q s samp small span strike "
    "strong sub sup time tt u var wbr button svg path picture source meta link title iframe "
    "noscript td th col colgroup"
)
_HEADING_TAGS = frozenset(f"h{n}" for n in range(1, 7))
_SKIP_CONTENT_TAGS = _words("script style")
_KNOWN_TAGS = _SECTIONING_TAGS | _LINE_TAGS | _INLINE_TAGS | _HEADING_TAGS | _SKIP_CONTENT_TAGS
# Inside these a newline is a space, as a browser renders it.
_FLOW_TAGS = _words("p li dt dd") | _HEADING_TAGS

_MARKUP = re.compile(
    r"(?P<comment><!--)"
    r"|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>\s[^<>]*)?>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_LITERAL_CRLF = re.compile(r"\\r\\n")
_LITERAL_LF = re.compile(r"\\n(?![a-z])")  # not the "\n" of "C:\new"


@dataclass
class _Clean:
    """Cleaned text, and the pieces that map each cleaned offset back to the original."""

    text: str
    piece_starts: list[int]
    pieces: list[tuple[int, int, int, bool]]  # clean start, original start, original end, verbatim

    def _piece(self, i: int) -> tuple[int, int, int, bool]:
        return self.pieces[max(bisect.bisect_right(self.piece_starts, i) - 1, 0)]

    def orig_start(self, i: int) -> int:
        clean_start, start, _end, verbatim = self._piece(i)
        return start + i - clean_start if verbatim else start

    def orig_end(self, i: int) -> int:
        """Original end (exclusive) of the cleaned character at ``i``."""
        clean_start, start, end, verbatim = self._piece(i)
        return start + i - clean_start + 1 if verbatim else end


def _same_length_normalised(text: str) -> str:
    """Line ends, tabs, no-break spaces and literal escapes, replaced without moving offsets."""
    text = text.replace("\r\n", " \n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\xa0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    return _LITERAL_LF.sub(" \n", _LITERAL_CRLF.sub("   \n", text))


class _Cleaner:
    def __init__(self, text: str) -> None:
        self.source = _same_length_normalised(text)
        self.out: list[str] = []
        self.size = 0
        self.piece_starts: list[int] = []
        self.pieces: list[tuple[int, int, int, bool]] = []
        self.flowing = False
        self.list_depth = 0
        self.after_li = False  # only whitespace since the last <li>
        self.comments_close = True

    def run(self) -> _Clean:
        pos = 0
        for m in _MARKUP.finditer(self.source):
            if m.start() < pos:
                continue  # inside a comment or a <script> skipped below
            self._verbatim(pos, m.start())
            pos = self._markup(m)
        self._verbatim(pos, len(self.source))
        return _Clean("".join(self.out), self.piece_starts, self.pieces)

    def _emit(self, chunk: str, start: int, end: int, verbatim: bool) -> None:
        if chunk:
            self.piece_starts.append(self.size)
            self.pieces.append((self.size, start, end, verbatim))
            self.out.append(chunk)
            self.size += len(chunk)

    def _verbatim(self, start: int, end: int) -> None:
        chunk = self.source[start:end]
        if self.flowing:
            chunk = chunk.replace("\n", " ")
        if chunk.strip():
            self.after_li = False
        self._emit(chunk, start, end, True)

    def _markup(self, m: re.Match[str]) -> int:
        raw = m.group()
        if m.group("comment"):
            return self._comment(m)
        if raw[0] == "&":
            decoded = html.unescape(raw).replace("\xa0", " ")
            if decoded.strip():
                self.after_li = False
            self._emit(decoded, m.start(), m.end(), decoded == raw)
            return m.end()
        name = m.group("name").lower()
        # "<jobs@example.com>" and "<3" are text; <JobApplication job-title="x" /> is markup.
        if name not in _KNOWN_TAGS and not (m.group("attrs") or m.group("name") != name):
            self._emit(raw, m.start(), m.end(), True)
            return m.end()
        closing = bool(m.group("close"))
        if name in _SKIP_CONTENT_TAGS and not closing:
            close = re.compile(f"</{name}[^>]*>", re.IGNORECASE).search(self.source, m.end())
            return close.end() if close else len(self.source)
        self._tag(name, closing, m.start(), m.end())
        return m.end()

    def _comment(self, m: re.Match[str]) -> int:
        # After one unclosed comment no later one can close: stop searching, stay linear.
        close = self.source.find("-->", m.end()) if self.comments_close else -1
        if close < 0:
            self.comments_close = False
            self._emit(m.group(), m.start(), m.end(), True)
            return m.end()
        return close + 3

    def _tag(self, name: str, closing: bool, start: int, end: int) -> None:
        if name in ("ul", "ol"):
            self.list_depth = max(self.list_depth + (-1 if closing else 1), 0)
        if name in _HEADING_TAGS:
            self.flowing = not closing
            self._emit("\n\n" if closing else "\n\n" + "#" * int(name[1]) + " ", start, end, False)
        elif name == "li" and not closing:
            indent = "  " * min(max(self.list_depth - 1, 0), 8)
            self._emit(f"\n{indent}- ", start, end, False)
            self.flowing = self.after_li = True
        elif name == "br":
            self._emit("\n", start, end, False)
        elif name in _SECTIONING_TAGS or name in _LINE_TAGS:
            if not self.after_li:  # <li><p>text</p></li>: the text still belongs to the bullet
                self._emit("\n\n" if name in _SECTIONING_TAGS else "\n", start, end, False)
            if name == "hr":
                self._emit("---\n\n", start, end, False)
            self.flowing = self.after_li or name in _FLOW_TAGS and not closing
        elif name in ("td", "th") and not closing:
            self._emit(" ", start, end, False)


# --- Vocabulary ----------------------------------------------------------------------------
# Cue patterns are lowercase and run on lowercased text: about three times faster than
# re.IGNORECASE, which matters on a 100,000-character paste.

_REQ = "req"
_PREF = "pref"
_NEUTRAL = "neutral"  # intro, "The role", unknown headings: keep what reads as a requirement
_STRICT = "strict"  # duties, company, job facts: keep only what clearly asks something
_CLOSED = "closed"  # pay, benefits, how to apply, EEO, values: keep nothing

_HEADING_CLASSES = (
    (
        _PREF,
        r"prefer(?:red)?|nice to haves?|bonus(?:es| points?)?|desired|desirable|plus(?:es)?|"
        r"ideal(?:ly)?|(?:would|we d) love|love to see|extra (?:credit|points)|even better|"
        r"advantageous|an advantage|assets?|optional|good to have",
    ),
    (
        _REQ,
        r"requirements?|required|require|qualifications?|qualified|skills?|skill ?set|"
        r"education(?:al)?|experience|knowledge|abilit(?:y|ies)|competenc(?:y|ies)|must ?haves?|"
        r"you (?:ll |will )?(?:bring|have|need)|about you|who you are|looking for|what we need|"
        r"physical|demands|working conditions|certifications?|licen[sc](?:es?|ure)|credentials|"
        r"expertise|prerequisites?|eligibility|languages?|(?:candidate|your|ideal) profile|"
        r"attributes|traits|minimum|capabilities|criteria|^essential$|person spec(?:ification)?|"
        r"your background|what it takes|(?:is this|sounds? like) you|"
        r"^you (?:are|re|should|must|can)\b|^you$",
    ),
    (
        _CLOSED,
        r"benefits?|perks?|compensation|salary|salaries|pay|wages?|rewards?|offer|apply|"
        r"applications?|applying|equal (?:opportunity|employment)|eeo|eoe|accommodations?|values|"
        r"diversity|inclusion|disclaimer|disclosure|contact|privacy|legal|notice|insurance|"
        r"paid time off|pto|vacation|why|in it for you|next steps|(?:interview|hiring) process|"
        r"you (?:ll|will) get|we give",
    ),
    (
        _STRICT,
        r"responsibilit(?:y|ies)|duties|duty|you (?:ll |will )?do|you ll be doing|day to day|tasks|"
        r"functions?|functional|accountabilities|about us|about the (?:company|team)|who we are|"
        r"our (?:company|team|story|mission)|mission|company|culture|working at|life at|projects|"
        r"impact|the work|your role|in this role|day in the life|your mission",
    ),
    (
        _NEUTRAL,
        r"the (?:job|role|position|opportunity)|about the (?:role|job|position)|overview|summary|"
        r"description|schedule|hours|location|details",
    ),
)
_HEADING_PATTERNS = tuple((sec, re.compile(rf"\b(?:{words})\b")) for sec, words in _HEADING_CLASSES)

# Wording that alone shows an item asks something of the candidate.
_STRONG_CUE = re.compile(
    r"\byou(?:'ll|’ll| will)? need\b|\brequirement"
    r"|\b(?:ability|able|capable|willing(?:ness)?) (?:to|of)\b"
    r"|\b(?:knowledge|understanding) of\b|\bfamiliar(?:ity)? with\b|\bproficien(?:t|cy)\b"
    r"|\bfluen(?:t|cy)\b|\bbilingual\b|\bexpertise\b|\bskills\b"
    r"|\b\d+ ?(?:lbs?|pounds|kg|kilograms)\b"
    r"|\b(?:background|criminal|dbs|crb|security|credit) (?:checks?|screening|investigation)\b"
    r"|\bvetting\b|\bdrug (?:test|screen)"
    r"|\b(?:authori[sz]ed|eligible|eligibility) to work\b|\bright to work\b"
    r"|\bwork (?:authori[sz]ation|permit)\b|\bcitizen(?:ship)?\b|\bclearance\b"
    r"|\bdriver['’]?s licen[cs]e\b"
    r"|\bavailability\b|\bbe available\b|\bavailable (?:to work|during|on|for (?:shifts|work))\b"
)
# Demands that a "not" or "n't" in front cancels ("You don't have to be an expert").
_DEMAND = re.compile(r"\b(?:must|(?:have|has) to|needs? to be|requires?|(?:is|are) required)\b")
_NEGATIONS = ("not ", "n't ", "n’t ")
_EXPERIENCE = re.compile(
    r"\bexperience (?:with|in|using|of|as|working|developing|building|managing|leading|"
    r"designing)\b|\bexperienced (?:in|with)\b"
)
# "Facilitate visitor experience in..." is a duty, not experience asked of the candidate.
_NOT_CANDIDATE_EXPERIENCE = _words("gain get visitor guest customer user patient client member")
_EDUCATION = re.compile(
    r"\b(?:bachelor|master|associate|doctoral|doctorate)['’]?s?\b"
    r"|\b(?:college|university|undergraduate|graduate|technical|relevant|related|advanced|"
    r"four-year|4-year|two-year|2-year) degree\b|\bdegree (?:in|or|required|preferred|from)\b"
    r"|\bhigh school\b|\bdiploma\b|\bged\b|\bph\.? ?d\b|\bmba\b|\bgraduate (?:of|from)\b"
)
_YEARS = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) ?\+?"
    r"(?: ?(?:-|–|to|or) ?\d{1,2} ?\+?)? ?(?:years?|yrs|months?)\b"
)
_YEARS_OF = re.compile(r"\bexperience\b|\bof age\b|\bold\b")
# "5+ years in growth marketing", "at least 12 months": a minimum even without "experience".
_MIN_YEARS = re.compile(
    r"\d ?\+ ?(?:years?|yrs)\b|\b(?:at least|minimum(?: of)?) (?:\w+ )?(?:years?|months?)\b"
)
_SHIFTS = re.compile(
    r"\b(?:weekends?|evenings?|nights?|overnights?|holidays|on[- ]call|shifts?|overtime)\b"
)
_SHIFTS_DEMAND = re.compile(
    r"\b(?:required|requires?|must|as needed|flexib\w*|willing\w*|availab\w*|can work)\b"
)
# Traits and softer wording: enough in a neutral section, not in a list of duties.
_WEAK_CUE = re.compile(
    r"\b(?:passionate|energetic|enthusiastic|self-?(?:starter|motivated|directed)|motivated|"
    r"detail[- ]oriented|organi[sz]ed|personable|punctual|dependable|reliable|"
    r"team[- ]player|flexible(?! (?:schedul|hours|work|time|spending))|adaptable|proactive|"
    r"resourceful)\b"
    r"|\bshould (?:be|have|possess|demonstrate)\b|\bcertifi(?:ed|cations?)\b"
    r"|\blicen[cs](?:e|ed|ure)\b|\bcomfort(?:able)? (?:with|in|speaking|working|using)\b"
    r"|\bcertificate (?:in|of|from|within|is|required)\b"
    r"|\b(?:valid|current) (?:\w+ ){0,3}certificate\b"
    r"|\b(?:we expect you|you(?:'ll|’ll| will)? be expected|you are expected) to\b"
    r"|\btime ?zones?\b|\brelocat(?:e|ion)\b|\bcommut(?:e|ing)\b|\battention to detail\b"
    r"|\b(?:excellent|strong|good|solid|proven|demonstrated) (?:\w+ )?(?:communication|"
    r"organi[sz]ational|interpersonal|written|verbal|analytical|leadership|track record)\b"
)
_PREF_CUE = re.compile(
    r"\b(?:prefer(?:red|ably|ence)?|desired|desirable|nice[- ]to[- ]have|bonus|assets?|"
    r"(?:an?|added|distinct) advantage|advantageous|ideal(?:ly)?|"
    r"(?:right|successful|perfect) (?:candidate|person|applicant|individual|fit)s?|"
    r"(?:a|big|huge|definite|strong|great|major|real) plus|"
    r"would be (?:great|nice|helpful|ideal|good)|not (?:required|necessary|mandatory)|"
    r"optional|extra credit|(?:will|may) (?:also )?be considered)\b"
)
# Preferred cues that keep an item even outside a requirements section ("The right candidate").
_PREF_KEEP_CUE = re.compile(
    r"\b(?:prefer(?:red|ably)|nice[- ]to[- ]have|bonus points?|(?:a|an added) bonus|an asset|"
    r"advantageous|ideal(?:ly)?|(?:right|successful|perfect) (?:candidate|person|applicant|"
    r"individual)s?|(?:a|big|huge|definite|strong|great|major|real) plus)\b"
)
# "The ideal candidate must..." describes the wish list, so its "must" does not make it required.
_SUBJECT_CUE = re.compile(
    r"\bideal(?:ly)?\b|\b(?:right|successful|perfect) (?:candidate|person|applicant)"
)
_EXPLICIT_REQUIRED = re.compile(r"\b(?:must|required|requires?|mandatory|essential)\b")
_CLAUSE_BREAK = re.compile(
    r"\s\(|(?<=[.!?])\s+|\s+but\s+|\s[-–—]\s|,?\s+(?=(?:preferably|ideally)\b)"
)
# EEO text and how to apply are never requirements, whatever section they sit in.
_NEVER = re.compile(
    r"\b(?:equal (?:opportunity|employment)|eoe|eeo|affirmative action|"
    r"reasonable accommodations?|to apply|apply (?:online|now|here|at|through|via|by)|"
    r"without regard to|receive consideration|discriminat\w*|before applying|"
    r"(?:discuss|speak|talk) (?:\w+ ){0,3}with (?:the |our |a )?(?:hiring manager|recruiter)|"
    r"applications? (?:may|can|must|should|will) be|"
    r"(?:submit|send|email|upload) (?:us )?(?:your|a|an) (?:resume|résumé|cv|application)|"
    # How qualifications are counted or checked, not what they are.
    r"credited|pro-?rated|must be met by|will be used to (?:rank|screen|evaluate|determine)|"
    r"veterans['’]? preference|will receive preference|attach (?:your|a|an|the|copies)|"
    r"supplemental questions|cover letter|"
    r"address (?:each|every|all|the) (?:selection )?criteri\w*)\b"
)
_LINK_ONLY = re.compile(r"\[[^\]]*\]\([^)\s]*\)|(?:https?://|www\.)\S+")
# Outside a requirements section these read as company talk, pitch, duties or pay.
_COMPANY_VOICE = re.compile(
    r"^(?:we|we['’](?:re|ve|ll|d)|i|i['’]m|seeking|hiring|now hiring|join)\b"
    r"|\b(?:is|are) (?:currently |now |actively )?(?:seeking|hiring|searching for|"
    r"looking (?:for|to hire))\b"
)
_CANDIDATE_DEMAND = re.compile(
    r"\b(?:you|candidates?|applicants?)\b.{0,40}?\b(?:must|need|have to|should)\b"
    r"|\bwe (?:also |really |especially )?(?:require|need|expect)\b"
)
_NOT_ASKED = re.compile(
    r"\bresponsible for\b"
    r"|\b(?:send|email|e-mail|submit|forward)\b.{0,80}?\b(?:resume|résumé|cv|cover letter)"
    r"|\bbenefits\b|\$ ?\d"
)
# Pay, even under a requirements heading ("Pay is $16/hr."), unless it also asks something.
_PAY = re.compile(
    r"\b(?:salary|salaries|compensation|per hour|hourly|wages?|pay (?:is|rate|range)|"
    r"starting pay|401 ?\(?k\)?|paid time off|pto|benefits? (?:package|plan)s?)\b|/ ?h(?:ou)?r\b"
)
_PRONOUN_START = re.compile(r"(?:he or she|she or he|s/he|he|she|they|this person)\b")
_KIND_LABEL = re.compile(
    r"(?:\*\*|__)?(required|preferred|desired|desirable|optional|bonus|nice[ -]to[ -]have|"
    r"a plus|plus|must[ -]haves?|mandatory|essential)(?:\*\*|__)?\s*(?::|\s[-–—])\s*"
    r"(?:\*\*|__)?\s*(?=\S)",
    re.IGNORECASE,
)
_KIND_MARK = re.compile(
    r"\s*\((required|preferred|desired|optional|nice[ -]to[ -]have|mandatory|essential)\)$",
    re.IGNORECASE,
)
_FIELD_LABEL = re.compile(
    r"(?:\*\*|__)?([A-Za-z_][\w/&'’() -]{0,39}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(?=\S)"
)
_BULLET = re.compile(
    r"(?:[•·‣⁃→\uf0a7\uf0b7\uf0d8\uf076\uf0fc]|[-–—*+?§Ø](?=\s)|\(?[0-9]{1,3}[.)](?=\s)"
    r"|\([A-Za-z0-9]{1,4}\)(?=\s)|(?:[A-Za-z]|[ivx]{2,4})[.)](?=\s))\s*"
)
_LABEL_RANK = 9  # a "Label:" heading ranks below every other style
_PAGE_FURNITURE = re.compile(r"page \d+ of \d+|\d+ of \d+|- ?\d+ ?-", re.IGNORECASE)
_STAR_ITEM = re.compile(r"\*[^\s*]")
_INLINE_BULLET = re.compile(r"(?<=\S\s)[•▪●◦■](?=\s+\S)")
# Word's second-level bullet, pasted as text: an indented "o".
_SUB_BULLET = re.compile(r"o\s(?=\S)")
_LEAD_IN_END = re.compile(
    r"(?:looking for|the following|includes?|including|as follows|below|such as|we need|we want|"
    r"we expect|you need|you ll need|you will need|should have|must have|you have|you ll have|"
    r"you bring|you ll bring|we d love|we would love)$"
)
_ALNUM = re.compile(r"[^\W_]")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]*_]*(?=\s)")
_INTRODUCERS = _words(
    "you you're you’re youll you'll you’ll we we're we’re i here here's here’s this these the a an "
    "and or are is be will would should must have has need needs want to for of in on at with as "
    "if also like such including include includes following list looking seek seeking "
    "ability abilities able comfortable proficient proficiency knowledge knowledgeable familiar "
    "familiarity experience experienced skills skill qualifications requirements required "
    "preferred ideal ideally candidate candidates successful bonus points extra credit plus nice "
    "love areas"
)
_SMALL_WORDS = _words("a an and or of the to for in on at with by & from")
_HEADING_LEADS = _words(
    "what who about why how your our nice bonus must key minimum required preferred desired "
    "basic essential additional job position role"
)
# Verbs that open a task ("Prepare monthly reports"), not something asked of the candidate.
# Words that are also nouns or adjectives ("Clean driving record", "Track record of...",
# "Design experience") are left out: they open qualifications as often as tasks.
_DUTY_VERBS = _words(
    "manage oversee coordinate prepare perform conduct deliver monitor answer greet supervise "
    "handle operate install repair load unload administer implement develop create write assist "
    "ensure participate attend serve sell assemble inspect maintain respond collaborate mentor "
    "organize analyze evaluate assess recruit enter facilitate compile verify scan collect "
    "reconcile pour teach instruct contribute"
)
# The head nouns of job titles; a line ending in one names the job, not a section.
_ROLE_NOUNS = _words(
    "manager engineer assistant coordinator specialist teacher nurse technician director analyst "
    "designer developer representative agent operator driver officer associate clerk intern "
    "educator administrator accountant electrician scientist consultant supervisor worker cook "
    "chef server cashier advisor adviser counselor therapist pharmacist physician programmer "
    "architect writer editor librarian archivist instructor professor lecturer aide attendant "
    "mechanic installer planner recruiter generalist executive fellow apprentice trainee "
    "shelver housekeeper custodian janitor dispatcher bookkeeper controller auditor paralegal "
    "attorney lawyer receptionist secretary hygienist dentist technologist machinist welder "
    "carpenter plumber laborer helper tutor coach trainer strategist researcher investigator "
    "inspector estimator superintendent foreman barista bartender dishwasher lead head "
    "chief president vp principal"
)
_SENTENCE_OPENERS = _words(
    "the this that these those we we're we’re you you're you’re your our it it's he she they i a "
    "an if in please all candidates applicants there"
)
_ABBREVIATIONS = _words(
    "e.g i.e vs mr mrs ms dr sr jr st no inc co corp ltd dept approx incl esp fig al jan feb "
    "mar apr jun jul aug sep sept oct nov dec"
)


def _title_words(title: str) -> str:
    """ "What You’ll Bring:" -> "what you ll bring", the form heading patterns match."""
    return " ".join(re.sub(r"[^a-z0-9+]+", " ", title.lower()).split())


def _heading_class(title: str) -> str | None:
    norm = _title_words(title)
    if not norm or len(norm.split()) > 15 or _names_a_job(title):
        return None
    for section, pattern in _HEADING_PATTERNS:
        if pattern.search(norm):
            return section
    # "About the Museum", "About St. Brendan": the employer's own story.
    return _STRICT if norm.startswith("about ") else None


def _only_section_words(title: str) -> bool:
    """ "Skills and abilities", "Desirable": nothing but a section's name."""
    norm = _title_words(title)
    if not norm or _names_a_job(title):
        return False
    for _section, pattern in _HEADING_PATTERNS:
        norm = pattern.sub(" ", norm)
    return all(word in _SMALL_WORDS for word in norm.split())


def _names_a_job(title: str) -> bool:
    """ "Education Manager – Port City": the posting's title, whatever its words say."""
    head = re.split(r"\s[-–—|]\s|[(,:|]", title, maxsplit=1)[0].split()
    return bool(head) and head[-1].lower().rstrip("s") in _ROLE_NOUNS


def _strong(low: str) -> bool:
    if _STRONG_CUE.search(low) or _minimum(low) or _unnegated(_DEMAND, low):
        return True
    if any(
        _word_before(low, m.start()) not in _NOT_CANDIDATE_EXPERIENCE
        for m in _EXPERIENCE.finditer(low)
    ):
        return True
    return bool(_SHIFTS.search(low) and _SHIFTS_DEMAND.search(low))


def _minimum(low: str) -> bool:
    """A stated minimum: a degree, or years of experience or of age."""
    if _EDUCATION.search(low) or _MIN_YEARS.search(low):
        return True
    return bool(_YEARS.search(low) and _YEARS_OF.search(low))


def _unnegated(pattern: re.Pattern[str], low: str) -> bool:
    return any(not low.endswith(_NEGATIONS, 0, m.start()) for m in pattern.finditer(low))


def _word_before(low: str, pos: int) -> str:
    words = low[max(pos - 20, 0) : pos].split()
    return words[-1] if words else ""


# --- 2. Parsing lines into sections and units ----------------------------------------------


@dataclass(slots=True)
class _Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    indent: int
    text: str  # the stripped content
    bullet: int = 0  # length of the bullet or list number opening the text
    wrap_width: int = 0  # the width of its paragraph, when that paragraph is hard-wrapped


@dataclass(slots=True)
class _Unit:
    """A bullet, a line, or a paragraph of running prose, with what surrounds it."""

    a: int
    b: int
    section: str
    bullet: bool
    group: int  # the paragraph it belongs to
    ctx_pref: bool = False  # under a preferred lead-in ("Bonus points for")
    ctx_keep: bool = False  # under a lead-in that asks something ("3+ years with:", "Ability to:")
    lead_in: bool = False
    lines: int = 1
    single: bool = False  # the only line of its paragraph


@dataclass(slots=True)
class _Context:
    """A lead-in and how far it reaches: deeper bullets, or same-level ones after a colon."""

    indent: int
    colon: bool
    pref: bool
    keep: bool


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if _bullet_end(stripped + " ") > len(stripped) and not _is_rule(stripped):
            stripped = ""  # an empty list item ("<li></li>", a lone "•") ends what came before
        lead = len(raw) - len(raw.lstrip())
        start = pos + lead
        bullet = _bullet_end(stripped) or (2 if lead and _SUB_BULLET.match(stripped) else 0)
        lines.append(_Line(start, start + len(stripped), lead, stripped, bullet))
        pos += len(raw) + 1
    _mark_wrapped(lines)
    # "*At least a year of serving experience": a bullet when its neighbours have one too;
    # alone, "*Essential functions" is a footnote's legend.
    for i, line in enumerate(lines):
        if not line.bullet and _STAR_ITEM.match(line.text):
            neighbours = lines[max(i - 1, 0) : i] + lines[i + 1 : i + 2]
            if any(_STAR_ITEM.match(other.text) for other in neighbours):
                line.bullet = 1
    return [part for line in lines for part in _split_inline_bullets(line)]


def _split_inline_bullets(line: _Line) -> list[_Line]:
    """ "SQL • Python • dbt": a list whose line breaks were lost, one line per item."""
    cuts = [m.start() for m in _INLINE_BULLET.finditer(line.text)]
    if not cuts:
        return [line]
    parts = []
    for a, b in zip([0, *cuts], [*cuts, len(line.text)], strict=True):
        piece = line.text[a:b].rstrip()
        if piece:
            start = line.start + a
            # the first piece keeps the line's own bullet ("o SQL • Python"); the rest open on "•"
            bullet = line.bullet if a == 0 else _bullet_end(piece)
            parts.append(
                replace(line, start=start, end=start + len(piece), text=piece, bullet=bullet)
            )
    return parts


def _mark_wrapped(lines: list[_Line]) -> None:
    """Find hard-wrapped paragraphs: an even width, and most lines go on in lowercase."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].text:
            end += 1
        block = lines[start:end]
        if len(block) > 1:
            width = max(line.indent + len(line.text) for line in block)
            lower = sum(line.text[0].islower() for line in block[1:])
            if 40 <= width <= 120 and lower >= 0.4 * (len(block) - 1):
                for line in block:
                    line.wrap_width = width
        start = end + 1


def _bullet_end(s: str) -> int:
    """Length of the bullet or list number that opens ``s``, or 0."""
    if s.startswith(("â", "Â")):
        # A bullet whose UTF-8 bytes were read as Windows-1252: "â€¢" is "•", "Â·" is "·".
        for size in (3, 2):
            try:
                char = s[:size].encode("cp1252").decode("utf-8")
            except UnicodeError:
                continue
            if len(char) == 1:
                n = _bullet_end(char + s[size:])
                return n + size - 1 if n else 0
        return 0
    m = _BULLET.match(s)
    if m:
        return m.end()
    # Symbol bullets (▪ ● ➢ ✓ ✅), with or without a space after.
    if s and unicodedata.category(s[0]) == "So" and s[0] not in "©®™°":
        return len(s) - len(s[1:].lstrip("\ufe0f "))
    return 0


def _atx_title(s: str) -> str | None:
    """The title of a Markdown "## Title" heading; None for "#hashtag"."""
    hashes = len(s) - len(s.lstrip("#"))
    if hashes > 6 or len(s) > hashes and s[hashes] != " ":
        return None
    return s[hashes:].strip().rstrip("#")


def _is_rule(s: str) -> bool:
    chars = s.replace(" ", "")
    return len(chars) >= 3 and chars[0] in "-*_=" and chars == chars[0] * len(chars)


def _unwrap_bold(s: str) -> str:
    for mark in ("**", "__"):
        if len(s) > 4 and s.startswith(mark) and s.endswith(mark) and mark not in s[2:-2]:
            return s[2:-2].strip()
    return s


def _is_title_case(words: list[str]) -> bool:
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _SMALL_WORDS for w in words)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        self.section = _NEUTRAL
        self.rank = 0  # of the heading that opened the section
        self.units: list[_Unit] = []
        self.group = 0
        self.open: _Unit | None = None  # the unit that may take continuation lines
        self.open_indent = 0
        self.paragraph = False  # the next plain line continues the current paragraph
        self.contexts: list[_Context] = []
        self.after_break = True  # the previous line was blank, a heading, or the start
        self.in_list = False  # the last item was a bullet: prose after a blank line leaves the list
        self.abilities = False  # under "Ability to:", where "Provide excellent service" is asked
        self.before_label: tuple[str, bool, bool] | None = None  # restored after "Key: value" lines

    def run(self) -> list[_Unit]:
        i = 0
        while i < len(self.lines):
            i = self._line(i)
        sizes: dict[int, int] = {}
        for unit in self.units:
            sizes[unit.group] = sizes.get(unit.group, 0) + 1
        for unit in self.units:
            unit.single = not unit.bullet and sizes[unit.group] == 1
        return self.units

    def _break(self) -> None:
        self.open = None
        self.paragraph = False
        self.group += 1
        self.after_break = True

    def _line(self, i: int) -> int:
        line = self.lines[i]
        s = line.text
        if not s:
            self.open = None
            self.paragraph = False
            self.after_break = True
            if self.before_label:
                self.section, self.abilities, self.in_list = self.before_label
                self.before_label = None
        elif _PAGE_FURNITURE.fullmatch(s):
            pass  # "Page 2 of 2" from a PDF: an item may go on after it
        elif _is_rule(s):
            self._heading("", rank=0)
        elif s.startswith("|"):  # a markdown table row: facts about the job
            self._break()
        elif s.startswith("#") and (title := _atx_title(s)) is not None:
            self._heading(title, rank=len(s) - len(s.lstrip("#")))
        elif s.startswith(("!!!", "???")):  # a documentation admonition
            quoted = re.search(r'"([^"]*)"', s)
            self._heading(quoted.group(1) if quoted else s[3:], rank=0)
        elif s[0] in "†‡" or not line.bullet and _STAR_ITEM.match(s) and s.count("*") == 1:
            self._break()  # a footnote legend: "*Essential functions", "† needed on day one"
        elif 0 < line.bullet < len(s) and self._is_symbol_heading(i, line):
            self._heading(s[line.bullet :], rank=2)
        elif 0 < line.bullet < len(s):
            self._bullet(i, line, line.start + line.bullet)
        else:
            return self._plain(i, line)
        return i + 1

    def _heading(self, title: str, *, rank: int | None) -> None:
        """Start a section, or a sub-section of the current one.

        ``rank`` orders heading styles: 0 a rule, 1 ALL CAPS or setext, n a Markdown "#" * n,
        3 a plain or bold line, None a "Label:" line. A heading whose words name no section
        ("Work Environment") ends the current section unless it ranks below the heading that
        opened it ("### Technical" under "## Requirements") or is only a label ("IMPORTANT:").
        """
        self._break()
        self.contexts = []
        self.in_list = False
        self.before_label = None
        self.abilities = title.rstrip(" :*_").lower().endswith(" to")
        section = _heading_class(title)
        if section:
            self.section, self.rank = section, _LABEL_RANK if rank is None else rank
        elif rank is not None and rank <= self.rank:
            self.section, self.rank = _NEUTRAL, rank

    def _bullet(self, i: int, line: _Line, a: int) -> None:
        colon = line.text.rstrip("*_ ").endswith(":")
        lead_in = colon or self._next_is_deeper_bullet(i, line.indent)
        self.contexts = [
            c
            for c in self.contexts
            if c.indent < line.indent or c.indent == line.indent and c.colon and not lead_in
        ]
        pref = any(c.pref for c in self.contexts)
        keep = self.abilities or any(c.keep for c in self.contexts)
        unit = _Unit(a, line.end, self.section, True, self.group, pref, keep, lead_in)
        self.units.append(unit)
        if lead_in:
            own = self.text[a : line.end].lower()
            self.contexts.append(
                _Context(
                    line.indent,
                    colon,
                    pref or bool(_PREF_CUE.search(own)),
                    keep or self.section in (_REQ, _PREF) or _strong(own),
                )
            )
        self.open, self.open_indent = unit, line.indent
        self.paragraph = False
        self.after_break = False
        self.in_list = True

    def _is_symbol_heading(self, i: int, line: _Line) -> bool:
        """ "🚀 What you'll do": an emoji before a section's name, not one of a list's bullets."""
        s, rest = line.text, line.text[line.bullet :]
        if unicodedata.category(s[0]) != "So" or len(rest.split()) > 6 or rest[-1] in ".!?,;":
            return False
        after = (self.lines[j].text for j in range(i + 1, len(self.lines)))
        before = (self.lines[j].text for j in range(i - 1, -1, -1))
        neighbours = (next((t for t in side if t), "") for side in (before, after))
        return not any(t.startswith(s[0]) for t in neighbours) and _heading_class(rest) is not None

    def _next_is_deeper_bullet(self, i: int, indent: int) -> bool:
        for j in range(i + 1, len(self.lines)):
            line = self.lines[j]
            if line.text:
                return line.bullet > 0 and line.indent > indent
        return False

    def _plain(self, i: int, line: _Line) -> int:
        s = line.text
        if self._continues(i, line):
            self.open.b = line.end
            self.open.lines += 1
            return i + 1
        underline = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        if _is_rule(underline) and underline[0] in "=-" and " " not in underline:
            self._heading(_unwrap_bold(s), rank=1)  # a setext heading
            return i + 2
        core = _unwrap_bold(s)
        if core.endswith(":") and self._is_colon_heading(core):
            self._heading(core[:-1], rank=None)
        elif self._looks_like_heading(s, core):
            caps = not any(ch.islower() for ch in core)
            self._heading(core, rank=1 if caps else 3)
        elif self._stands_alone(i, core):
            self._heading(core, rank=3)
        else:
            self._add_line(line, core)
        return i + 1

    def _continues(self, i: int, line: _Line) -> bool:
        if self.open is None:
            return False
        if line.indent > self.open_indent:
            return True
        # "key: value" lines (front matter, "Hours: ...") start their own item even in lowercase.
        if _FIELD_LABEL.match(line.text):
            return False
        if line.text[0].islower():
            return True
        # In a hard-wrapped paragraph a line breaks early only when its next word did not fit.
        prev = self.lines[i - 1]
        first_word = len(line.text.split(None, 1)[0])
        return 0 < prev.wrap_width < prev.indent + len(prev.text) + 1 + first_word

    def _add_line(self, line: _Line, core: str) -> None:
        self.contexts = []
        a = line.start
        label = _FIELD_LABEL.match(line.text)
        if label and not _KIND_LABEL.match(line.text) and len(label.group(1).split()) <= 5:
            self._break()
            # "Location:", "Hours:" or "Supervision Received:" introduce a fact about the job,
            # and only until the paragraph ends.
            if self.before_label is None:
                self.before_label = (self.section, self.abilities, self.in_list)
            section = _heading_class(label.group(1).replace("_", " "))
            self.section = _STRICT if section in (None, _NEUTRAL) else section
            self.abilities = False
            a += label.end()
        else:
            if self.in_list and self.after_break:
                # Prose after a list and a blank line has left the list's section: the closing
                # "We offer..." or EEO paragraph under the last list of the posting.
                self.section = _NEUTRAL
            if not self.paragraph:
                self._break()
        self.in_list = False
        unit = _Unit(
            a,
            line.end,
            self.section,
            False,
            self.group,
            ctx_keep=self.abilities,
            lead_in=core.endswith(":"),
        )
        self.units.append(unit)
        if unit.lead_in:
            low = core.lower()
            self.contexts.append(_Context(-1, True, bool(_PREF_CUE.search(low)), _strong(low)))
        self.open, self.open_indent = unit, line.indent
        self.paragraph = True
        self.after_break = False

    @staticmethod
    def _is_colon_heading(core: str) -> bool:
        low = core.lower()
        if _YEARS.search(low) or re.search(r"\bdegree\b", low):
            return False  # "3+ years of experience in:" says something itself
        if len(core.split()) <= 5 and not any(ch.isdigit() for ch in core):
            return True
        return bool(_LEAD_IN_END.search(" ".join(re.sub(r"[^a-z]+", " ", low[:-1]).split())))

    def _stands_alone(self, i: int, core: str) -> bool:
        """A short Title Case line after a blank line and right above text: a heading in words
        we don't know ("Where You'll Work"), unless it reads as a requirement itself."""
        words = core.split()
        if not 0 < len(words) <= 6 or core[-1] in ".!?,;:" or not _is_title_case(words):
            return False
        if i > 0 and self.lines[i - 1].text or i + 1 >= len(self.lines):
            return False
        low = core.lower()
        return bool(self.lines[i + 1].text) and not (_strong(low) or _WEAK_CUE.search(low))

    def _looks_like_heading(self, s: str, core: str) -> bool:
        """ALL CAPS, bold-only, or a short line after a break that names a section or the job."""
        words = core.split()
        if not words or core[-1] in ".!,;" or any(ch.isdigit() for ch in core):
            return False
        letters = [ch for ch in core if ch.isalpha()]
        if len(letters) >= 3 and all(ch.isupper() for ch in letters) and len(words) <= 8:
            return True
        if core != s and len(words) <= 10:
            return True
        if len(words) <= 6 and _only_section_words(core):
            return True  # "Desirable", "Skills and abilities", even right under a list
        if (
            len(words) > 6
            or not self.after_break
            or not (_heading_class(core) or _names_a_job(core))
        ):
            return False
        if _is_title_case(words) or words[0].lower() in _HEADING_LEADS:
            return True
        low = core.lower()
        return not (_strong(low) or _WEAK_CUE.search(low))  # "Selection criteria", not "SQL skills"


# --- 3. Deciding which units are requirements, and of which kind ---------------------------


def _decide(text: str, units: list[_Unit]) -> Iterator[tuple[int, int, str]]:
    for unit in units:
        if unit.section == _CLOSED:
            continue
        carried: str | None = None  # the kind of the sentence before, for "He or she is also..."
        for start, end in _pieces(text, unit):
            a, b, label = _trim(text, start, end)
            low = _collapse(text[a:b]).lower()
            if carried and _PRONOUN_START.match(low):
                yield a, b, label or carried
            elif _keep(low, unit, label):
                carried = label or _kind(low, unit)
                yield a, b, carried
            else:
                carried = None


def _pieces(text: str, unit: _Unit) -> Iterator[tuple[int, int]]:
    """One item per bullet or line; one per sentence in running prose."""
    if unit.bullet:
        yield unit.a, unit.b
        return
    sentences = list(_sentences(text, unit.a, unit.b))
    if unit.single or unit.lines > 1 or len(sentences) >= 3 and unit.b - unit.a > 200:
        yield from sentences
    else:
        yield unit.a, unit.b


def _sentences(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """Split running prose into sentences, keeping "e.g.", "B.A." and "U.S." whole."""
    start = a
    for m in _SENTENCE_END.finditer(text, a, b):
        nxt = m.end()
        while nxt < b and text[nxt].isspace():
            nxt += 1
        if nxt >= b or text[nxt].islower():
            continue
        if m.group().rstrip("\"'”’)]*_") == "." and _is_abbreviation(text, start, m.start(), nxt):
            continue
        yield start, m.end()
        start = nxt
    if start < b:
        yield start, b


def _is_abbreviation(text: str, floor: int, dot: int, nxt: int) -> bool:
    """Whether the dot at ``dot`` closes an abbreviation inside the sentence, not the sentence."""
    word_start = dot
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip("([*_\"'“‘").lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial
    if word in _ABBREVIATIONS:
        return True
    if "." not in word or not all(0 < len(p) <= 3 and p.isalpha() for p in word.split(".")):
        return False
    # "B.A. Degree", "N.C. State Board" go on; "in the U.S. We sponsor..." ends.
    next_word = text[nxt : nxt + 12].split(None, 1)[0].rstrip(",;:").lower()
    return next_word not in _SENTENCE_OPENERS


def _trim(text: str, a: int, b: int) -> tuple[int, int, str | None]:
    """Narrow [a, b) to the item: no footnote mark, kind label, wrapping emphasis or stray quote."""
    a, b = _strip_space(text, a, b)
    while a < b and text[a] in "†‡":
        a, b = _strip_space(text, a + 1, b)
    while a < b and text[b - 1] in "†‡":
        a, b = _strip_space(text, a, b - 1)
    if b - a > 1 and text[a] == "*" and text[a + 1] not in "* " and text.count("*", a, b) % 2:
        a, b = _strip_space(text, a + 1, b)  # "*Shelve library materials"
    kind = None
    label = _KIND_LABEL.match(text, a, b)
    if label:
        kind = REQUIRED if label.group(1)[0].lower() in "rme" else PREFERRED
        a = label.end()
    marker = _KIND_MARK.search(text, a, b)
    if marker and marker.start() > a:  # "CDL A (Required)", as job boards list them
        kind = REQUIRED if marker.group(1)[0].lower() in "rme" else PREFERRED
        b = marker.start()
    for mark in ("***", "**", "__", "*", "_"):
        n = len(mark)
        if b - a > 2 * n and text.startswith(mark, a) and text.endswith(mark, a, b):
            inner = text[a + n : b - n]
            if mark not in inner and inner.strip():
                a, b = _strip_space(text, a + n, b - n)
                break
    if text.count('"', a, b) % 2:  # the other half of the quote is outside the item
        if text.startswith('"', a):
            a, b = _strip_space(text, a + 1, b)
        elif text.endswith('"', a, b):
            a, b = _strip_space(text, a, b - 1)
    return a, b, kind


def _strip_space(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _keep(low: str, unit: _Unit, label: str | None) -> bool:
    if not _ALNUM.search(low) or _NEVER.search(low) or _LINK_ONLY.fullmatch(low):
        return False
    if unit.lead_in and _is_bare_lead_in(low):
        return False
    if label is not None or unit.ctx_keep:
        return True
    if _PAY.search(low) and not _strong(low):
        return False
    if unit.section in (_REQ, _PREF):
        return not _is_duty(low, unit) and not _company_voice(low)
    return _asked(low, unit)


def _is_duty(low: str, unit: _Unit) -> bool:
    """ "Answer phones" under "Requirements": a task, unless it also asks something."""
    first = low.split(None, 1)[0] if low else ""
    verb = first if first in _DUTY_VERBS else first.removesuffix("s")
    return verb in _DUTY_VERBS and not unit.lead_in and not _strong(low)


def _is_bare_lead_in(low: str) -> bool:
    """ "Ability to:", "You are", "Bonus points for": a lead-in made only of introducing words."""
    return all(word in _INTRODUCERS for word in re.findall(r"[\w'’]+", low))


def _company_voice(low: str) -> bool:
    """ "We offer...", "We're hiring...": the employer talking, unless it asks something of you."""
    return bool(_COMPANY_VOICE.search(low) and not _CANDIDATE_DEMAND.search(low))


def _asked(low: str, unit: _Unit) -> bool:
    """Whether an item outside a requirements section still asks something of the candidate."""
    if _company_voice(low) or _NOT_ASKED.search(low):
        return False
    if _strong(low) or _PREF_KEEP_CUE.search(low):
        return True
    return unit.section == _NEUTRAL and bool(_WEAK_CUE.search(low))


def _kind(low: str, unit: _Unit) -> str:
    if unit.section == _PREF or unit.ctx_pref:
        return PREFERRED
    if _PREF_CUE.search(low) and _only_optional_parts(low):
        return PREFERRED
    return REQUIRED


def _only_optional_parts(low: str) -> bool:
    """False when part of the item is a plain requirement ("Diploma; training preferred")."""
    parts = low.split(";")
    if len(parts) > 1 and any(not _PREF_CUE.search(part) for part in parts):
        return False  # "OSHA 10 card; OSHA 30 preferred": each listed part stands on its own
    for clause in _CLAUSE_BREAK.split(low):
        cue = _PREF_CUE.search(clause)
        if cue is None:
            if _strong(clause) or _WEAK_CUE.search(clause):
                return False
        elif _unnegated(_EXPLICIT_REQUIRED, clause) and not _SUBJECT_CUE.search(clause):
            return False
        elif _minimum(clause[: cue.start()].rpartition(",")[0]):
            return False  # "1+ year of front office experience, dental experience preferred"
    return True
