"""Certificates for placed entries: one A4 landscape page each, on a fixed canvas layout.

The parts every certificate shares (border, seal or logo, heading, signature lines, date) are
drawn once as a PDF form and stamped on each page, so a stack of a thousand prints quickly and
the file stays small. The design comes from a TOML file a coordinator can edit
(resources/certificates/default.toml is the built-in one).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.progress import Progress
from judgepanel.core.reports.layout import Target, safe_filename, target_for, unique_filenames
from judgepanel.core.reports.model import PLACEMENT_LABELS, PLACEMENTS, ReportData, long_date
from judgepanel.core.reports.script_fonts import draw_line, line_width
from judgepanel.core.reports.styles import SANS, SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from judgepanel.core.resources import resource_path
from judgepanel.core.safe_files import replacing, write_text
from judgepanel.core.spreadsheet_safety import printable
from judgepanel.core.tomlfiles import read_toml

PAGE = landscape(A4)
COLOUR_KEYS = ("primary", "accent", "text")
TOP_KEYS = {"programme", "heading", "presented_to", "date", "logo", "colours", "placements",
            "signatures"}


@dataclass(frozen=True)
class Signature:
    name: str
    role: str


@dataclass(frozen=True)
class CertificateDesign:
    """Colours, wording, logo and signatures of a certificate (see default.toml)."""

    heading: str = "Certificate of Award"
    presented_to: str = "presented to"
    programme: str = ""
    date: str = ""
    logo: Path | None = None
    colours: dict[str, str] = field(default_factory=lambda: {
        "primary": "#1d3557", "accent": "#a8842c", "text": "#1f2933"})
    placements: dict[str, str] = field(default_factory=lambda: {
        p: PLACEMENT_LABELS[p] for p in PLACEMENTS})
    signatures: tuple[Signature, ...] = ()

    def colour(self, key: str) -> colors.Color:
        return colors.HexColor(self.colours[key])


@dataclass(frozen=True)
class Certificate:
    """What one certificate says."""

    entry: str
    award: str
    placement: str
    nominee: str
    organisation: str = ""
    title: str = ""


def default_design() -> CertificateDesign:
    """The built-in design."""
    return load_design(resource_path("certificates", "default.toml"))


def load_design(path: Path | str) -> CertificateDesign:
    """Read a design file; a bad value is refused with the file and the field named."""
    path = Path(path)
    raw = read_toml(path, "design file")

    def fail(where: str, problem: str) -> JudgePanelError:
        return JudgePanelError(f"{path}: field '{where}': {problem}")

    base = CertificateDesign()
    if unknown := sorted(set(raw) - TOP_KEYS):
        raise fail(unknown[0], f"unknown setting (known: {', '.join(sorted(TOP_KEYS))})")
    texts = {}
    for key in ("programme", "heading", "presented_to", "date", "logo"):
        value = raw.get(key, getattr(base, key) if key != "logo" else "")
        if not isinstance(value, str):
            raise fail(key, "must be text in quotes")
        texts[key] = value.strip()
    colours = dict(base.colours)
    for key, value in (raw.get("colours") or {}).items():
        if key not in COLOUR_KEYS:
            raise fail(f"colours.{key}", f"unknown colour (known: {', '.join(COLOUR_KEYS)})")
        if not (isinstance(value, str) and len(value) == 7 and value.startswith("#")
                and all(c in "0123456789abcdefABCDEF" for c in value[1:])):
            raise fail(f"colours.{key}", f"'{value}' is not a colour like \"#1d3557\"")
        colours[key] = value
    placements = dict(base.placements)
    for key, value in (raw.get("placements") or {}).items():
        if key not in PLACEMENTS:
            raise fail(f"placements.{key}", f"unknown placement (known: {', '.join(PLACEMENTS)})")
        if not isinstance(value, str) or not value.strip():
            raise fail(f"placements.{key}", "must be non-empty text")
        placements[key] = value.strip()
    signatures = raw.get("signatures", [])
    if not isinstance(signatures, list) or len(signatures) > 2:
        raise fail("signatures", "give at most two [[signatures]] tables")
    found: list[Signature] = []
    for number, sig in enumerate(signatures, start=1):
        if not isinstance(sig, dict) or set(sig) - {"name", "role"}:
            raise fail(f"signatures[{number}]", "takes only name and role")
        name, role = sig.get("name", ""), sig.get("role", "")
        if not isinstance(name, str) or not isinstance(role, str):
            raise fail(f"signatures[{number}]", "name and role must be text in quotes")
        found.append(Signature(name.strip(), role.strip()))
    logo = None
    if texts["logo"]:
        logo = (path.parent / texts["logo"]).resolve()
        if not logo.is_file():
            raise fail("logo", f"no image file at {logo}")
        if logo.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            raise fail("logo", "use a PNG or JPEG image")
    return CertificateDesign(heading=texts["heading"], presented_to=texts["presented_to"],
                             programme=texts["programme"], date=texts["date"], logo=logo,
                             colours=colours, placements=placements, signatures=tuple(found))


def _toml_text(value: str) -> str:
    """A TOML basic string (JSON's escaping is valid TOML for these characters)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def design_to_toml(design: CertificateDesign) -> str:
    """The design as a file `load_design` reads back, so an edited design can be kept."""
    lines = [f"programme = {_toml_text(design.programme)}",
             f"heading = {_toml_text(design.heading)}",
             f"presented_to = {_toml_text(design.presented_to)}",
             f"date = {_toml_text(design.date)}",
             f"logo = {_toml_text(str(design.logo) if design.logo else '')}", "", "[colours]"]
    lines += [f"{key} = {_toml_text(design.colours[key])}" for key in COLOUR_KEYS]
    lines += ["", "[placements]"]
    lines += [f"{key} = {_toml_text(value)}" for key, value in design.placements.items()]
    for signature in design.signatures:
        lines += ["", "[[signatures]]", f"name = {_toml_text(signature.name)}",
                  f"role = {_toml_text(signature.role)}"]
    return "\n".join(lines) + "\n"


def save_design(design: CertificateDesign, path: Path | str) -> Path:
    """Write a design file (the logo is kept as an absolute path)."""
    return write_text(Path(path), design_to_toml(design))


def certificates_from(data: ReportData, placement: str | None = None) -> list[Certificate]:
    """Certificates for every placed entry (or one placement), winners first in each award."""
    if placement is not None and placement not in PLACEMENTS:
        raise JudgePanelError(f"placement must be one of {', '.join(PLACEMENTS)}, "
                              f"not '{placement}'")
    return [Certificate(e.entry, award.name, e.placement or "", e.nominee, e.organisation,
                        e.title)
            for award in data.awards for e in award.placed
            if placement is None or e.placement == placement]


def fit_lines(text: str, font: str, largest: float, smallest: float,
              width: float) -> tuple[list[str], float]:
    """Shrink a line to fit `width`; below `smallest`, split it in two at a space; if two
    lines at `smallest` still do not fit (a whole team's names), shorten with an ellipsis."""
    text = " ".join(printable(text).split())
    natural = line_width(text, font, largest) or 1.0
    size = min(largest, largest * width / natural)
    if size >= smallest:
        return [text], size
    if " " in text:
        words = text.split()
        best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i]))
                                                           - len(" ".join(words[i:]))))
        lines = [" ".join(words[:best]), " ".join(words[best:])]
        widest = max(line_width(line, font, largest) for line in lines) or 1.0
        size = min(largest, largest * width / widest)
        if size >= smallest:
            return lines, size
    first = _longest_start(text, font, smallest, width)
    rest = text[len(first):].strip()
    lines = [first.rstrip()]
    if rest:
        second = _longest_start(rest, font, smallest, width, ellipsis="…")
        lines.append(second if second == rest else second.rstrip(" ,;:-") + "…")
    return lines, smallest


def _longest_start(text: str, font: str, size: float, width: float, ellipsis: str = "") -> str:
    """The longest start of `text` (ending at a word where possible) that fits `width`."""
    low, high = 0, len(text)
    while low < high:  # the most characters that fit, by bisection
        middle = (low + high + 1) // 2
        if line_width(text[:middle] + (ellipsis if middle < len(text) else ""), font,
                       size) <= width:
            low = middle
        else:
            high = middle - 1
    if low >= len(text):
        return text
    space = text.rfind(" ", 0, low + 1)
    return text[:space] if space > low // 2 else text[:low]


class CertificateRenderer:
    """Draw certificates on a reportlab canvas, A4 landscape, one page each."""

    pagesize = PAGE
    margin = 28.0
    text_width = 600.0

    def __init__(self, design: CertificateDesign, programme: str = "", chair: str = "",
                 day: date | None = None) -> None:
        register_fonts()
        self.design = design
        self.programme = design.programme or programme
        self.chair = chair
        self.day_text = design.date or long_date(day or date.today())

    def render(self, certificates: list[Certificate], target: Target,
               progress: Progress | None = None) -> None:
        """Write the certificates to one PDF at a path or into a binary buffer."""
        canvas = Canvas(target_for(target), pagesize=self.pagesize, initialFontName=SERIF)
        canvas.setTitle(f"{self.programme}: certificates")
        canvas.setAuthor(self.programme)
        canvas.setCreator("JudgePanel")
        canvas.beginForm("certificate-frame")
        self.draw_frame(canvas)
        canvas.endForm()
        for done, certificate in enumerate(certificates, start=1):
            canvas.doForm("certificate-frame")
            self.draw_certificate(canvas, certificate)
            canvas.showPage()
            if progress:
                progress(done, len(certificates), certificate.entry)
        canvas.save()

    # ----- the shared frame --------------------------------------------------------------

    def draw_frame(self, canvas: Canvas) -> None:
        width, height = self.pagesize
        primary, accent, ink = (self.design.colour(k) for k in COLOUR_KEYS)
        m = self.margin
        canvas.setFillColor(colors.HexColor("#fdfbf6"))
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.setStrokeColor(primary)
        canvas.setLineWidth(5)
        canvas.rect(m, m, width - 2 * m, height - 2 * m)
        canvas.setLineWidth(0.8)
        canvas.rect(m + 8, m + 8, width - 2 * m - 16, height - 2 * m - 16)
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(0.6)
        canvas.rect(m + 13, m + 13, width - 2 * m - 26, height - 2 * m - 26)
        canvas.setFillColor(accent)
        for x, y in ((m + 8, m + 8), (width - m - 8, m + 8), (m + 8, height - m - 8),
                     (width - m - 8, height - m - 8)):
            self._diamond(canvas, x, y, 7)
        if self.design.logo:
            canvas.drawImage(str(self.design.logo), width / 2 - 45, height - 150, 90, 80,
                             preserveAspectRatio=True, anchor="c", mask="auto")
        else:
            self.draw_seal(canvas, width / 2, height - 100, 30, primary, accent)
        canvas.setFillColor(ink)
        canvas.setFont(SERIF, 11)
        canvas.drawCentredString(width / 2, height - 200, self.design.heading.upper(),
                                 charSpace=2)
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(0.8)
        canvas.line(width / 2 - 70, height - 210, width / 2 + 70, height - 210)
        self.draw_signatures(canvas, ink)

    def _diamond(self, canvas: Canvas, x: float, y: float, r: float) -> None:
        path = canvas.beginPath()
        path.moveTo(x, y + r)
        path.lineTo(x + r, y)
        path.lineTo(x, y - r)
        path.lineTo(x - r, y)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)

    def draw_seal(self, canvas: Canvas, cx: float, cy: float, r: float,
                  primary: colors.Color, accent: colors.Color) -> None:
        """The built-in emblem: a rosette with ribbon tails, drawn as vectors."""
        canvas.setFillColor(primary)
        for side in (-1, 1):
            tail = canvas.beginPath()
            tail.moveTo(cx + side * 6, cy - 8)
            tail.lineTo(cx + side * 22, cy - r - 22)
            tail.lineTo(cx + side * 14, cy - r - 17)
            tail.lineTo(cx + side * 9, cy - r - 26)
            tail.lineTo(cx - side * 4, cy - 10)
            tail.close()
            canvas.drawPath(tail, stroke=0, fill=1)
        star = canvas.beginPath()
        points = 32
        for i in range(points * 2):
            radius = r if i % 2 == 0 else r * 0.86
            angle = math.pi * i / points
            x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
            star.moveTo(x, y) if i == 0 else star.lineTo(x, y)
        star.close()
        canvas.setFillColor(accent)
        canvas.drawPath(star, stroke=0, fill=1)
        canvas.setFillColor(primary)
        canvas.circle(cx, cy, r * 0.72, stroke=0, fill=1)
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(0.8)
        canvas.circle(cx, cy, r * 0.62, stroke=1, fill=0)
        canvas.setFillColor(accent)
        star = canvas.beginPath()
        for i in range(10):
            radius = r * 0.42 if i % 2 == 0 else r * 0.17
            angle = math.pi / 2 + math.pi * i / 5
            x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
            star.moveTo(x, y) if i == 0 else star.lineTo(x, y)
        star.close()
        canvas.drawPath(star, stroke=0, fill=1)

    def draw_signatures(self, canvas: Canvas, ink: colors.Color) -> None:
        width, _ = self.pagesize
        signatures = list(self.design.signatures)
        if signatures and not signatures[0].name and self.chair:
            signatures[0] = Signature(self.chair, signatures[0].role)
        slots = {0: [], 1: [width * 0.72], 2: [width * 0.25, width * 0.75]}[len(signatures)]
        date_x = width / 2 if len(signatures) != 1 else width * 0.28
        base = 118.0
        for x, signature in zip(slots, signatures, strict=True):
            canvas.setStrokeColor(ink)
            canvas.setLineWidth(0.6)
            canvas.line(x - 95, base, x + 95, base)
            canvas.setFillColor(ink)
            lines, size = fit_lines(signature.name, SERIF_BOLD, 11, 8, 200)
            draw_line(canvas, x, base - 15, " ".join(lines), SERIF_BOLD, size, align="centre")
            lines, size = fit_lines(signature.role, SERIF_ITALIC, 9.5, 7, 210)
            draw_line(canvas, x, base - 28, " ".join(lines), SERIF_ITALIC, size,
                      align="centre")
        canvas.setFillColor(ink)
        canvas.setFont(SERIF, 11)
        canvas.drawCentredString(date_x, base - 15, self.day_text)
        canvas.setFont(SANS, 7)
        canvas.drawCentredString(date_x, base - 27, "DATE")

    # ----- one certificate ---------------------------------------------------------------

    def _centred(self, canvas: Canvas, text: str, font: str, largest: float, smallest: float,
                 y: float, width: float | None = None) -> float:
        """Draw shrink-to-fit centred text; return the y below it."""
        lines, size = fit_lines(text, font, largest, smallest, width or self.text_width)
        for line in lines:
            draw_line(canvas, self.pagesize[0] / 2, y, line, font, size, align="centre")
            y -= size * 1.15
        return y

    def draw_certificate(self, canvas: Canvas, certificate: Certificate) -> None:
        _, height = self.pagesize
        primary, accent, ink = (self.design.colour(k) for k in COLOUR_KEYS)
        canvas.setFillColor(primary)
        self._centred(canvas, self.programme, SERIF_BOLD, 22, 12, height - 178)
        canvas.setFillColor(accent)
        placement = self.design.placements.get(certificate.placement, certificate.placement)
        self._centred(canvas, placement, SERIF_BOLD, 42, 20, height - 256)
        canvas.setFillColor(ink)
        self._centred(canvas, certificate.award, SERIF_ITALIC, 17, 10, height - 284)
        draw_line(canvas, self.pagesize[0] / 2, height - 314, self.design.presented_to,
                  SERIF_ITALIC, 11, align="centre")
        y = self._centred(canvas, certificate.nominee or certificate.title, SERIF_BOLD, 32, 18,
                          height - 352)
        if certificate.organisation:
            self._centred(canvas, certificate.organisation, SERIF, 15, 9, min(y - 6, height - 384))


def certificate_filename(certificate: Certificate, design: CertificateDesign) -> str:
    """`E-101 Winner certificate.pdf`, made safe for Windows."""
    label = design.placements.get(certificate.placement, certificate.placement)
    return safe_filename(f"{certificate.entry} {label} certificate") + ".pdf"


def write_certificates(data: ReportData, target: Path | str, design: CertificateDesign | None
                       = None, placement: str | None = None, separate: bool = False,
                       progress: Progress | None = None,
                       chosen: list[Certificate] | None = None) -> list[Path]:
    """Certificates for the placed entries (or the `chosen` ones, e.g. everyone promoted
    into a round): one PDF, or (`separate`) one file each in a folder."""
    design = design or default_design()
    found = certificates_from(data, placement) if chosen is None else chosen
    if chosen is not None and not found:
        raise JudgePanelError("no entries have been promoted into that round yet "
                              "(judgepanel promote)")
    if not found:
        which = f" as {PLACEMENT_LABELS[placement]}" if placement else ""
        raise JudgePanelError(f"no entries are placed{which} yet: record decisions first "
                              "(judgepanel decide)")
    renderer = CertificateRenderer(design, data.programme, data.chair, data.day)
    target = Path(target)
    if not separate:
        with replacing(target) as partial:
            renderer.render(found, partial, progress)
        return [target]
    if target.exists() and not target.is_dir():
        raise JudgePanelError(f"{target}: is a file; give a folder for separate certificates")
    if not target.parent.exists():
        raise JudgePanelError(f"{target.parent}: no such folder")
    target.mkdir(exist_ok=True)
    written = []
    names = unique_filenames([(c.entry, certificate_filename(c, design)) for c in found])
    for done, (certificate, name) in enumerate(zip(found, names, strict=True), start=1):
        path = target / name
        with replacing(path) as partial:
            renderer.render([certificate], partial)
        written.append(path)
        if progress:
            progress(done, len(found), certificate.entry)
    return written
