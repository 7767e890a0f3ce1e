"""Charts drawn with reportlab graphics: vector shapes, so they print sharply at any size.

Drawn by hand from shapes rather than through reportlab's chart classes: long section titles
need a label column, and a strip plot of each judge's totals has no ready-made class.
"""

from __future__ import annotations

from statistics import fmean

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors

from judgepanel.core.reports.model import SectionInfo
from judgepanel.core.reports.script_fonts import chart_label, line_width
from judgepanel.core.reports.styles import ACCENT, INK, MUTED, RULE, SANS, register_fonts

SERIES_COLOURS = [ACCENT, colors.HexColor("#b08d3c"), colors.HexColor("#2a7f62"),
                  colors.HexColor("#7b4b94"), colors.HexColor("#b5523b"),
                  colors.HexColor("#3b8ea5")]
AVERAGE_COLOUR = colors.HexColor("#a7b0bb")
LABEL_WIDTH = 150.0


class ChartDrawing(Drawing):
    """A Drawing whose starting font is ours, so no unembedded Helvetica enters the PDF."""

    initialFontName = SANS
    initialFontSize = 7.0


def percent_of_scale(value: float | None, section: SectionInfo) -> float | None:
    """A section average as a percentage of its scale, so sections on other scales compare."""
    if value is None:
        return None
    span = section.scale_max - section.scale_min
    return 0.0 if span <= 0 else 100.0 * (value - section.scale_min) / span


def fit_text(text: str, width: float, font: str = SANS, size: float = 7.5) -> str:
    """Cut a label with an ellipsis so it fits `width` points."""
    if line_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start that fits with its ellipsis, by bisection
        middle = (low + high + 1) // 2
        if line_width(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _axis(drawing: Drawing, x0: float, x1: float, y0: float, y1: float, caption: str) -> None:
    """Vertical grid lines at 0, 25, 50, 75, 100 and their labels under the plot."""
    for tick in (0, 25, 50, 75, 100):
        x = x0 + (x1 - x0) * tick / 100
        drawing.add(Line(x, y0, x, y1, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(x, y0 - 9, str(tick), fontName=SANS, fontSize=6.5,
                           fillColor=MUTED, textAnchor="middle"))
    drawing.add(String((x0 + x1) / 2, y0 - 19, caption, fontName=SANS, fontSize=6.5,
                       fillColor=MUTED, textAnchor="middle"))


def _legend_rows(labels: list[str], width: float) -> list[list[tuple[int, float]]]:
    """Lay the legend out in as many rows as it needs: (series index, x) per item."""
    rows: list[list[tuple[int, float]]] = [[]]
    x = LABEL_WIDTH
    for index, label in enumerate(labels):
        span = 12 + line_width(fit_text(label, 140, size=7), SANS, 7) + 14
        if rows[-1] and x + span > width:
            rows.append([])
            x = LABEL_WIDTH
        rows[-1].append((index, x))
        x += span
    return rows


def _legend(drawing: Drawing, top: float, labels: list[str], colours: list[object],
            width: float) -> None:
    for row, items in enumerate(_legend_rows(labels, width)):
        y = top - row * 11
        for index, x in items:
            drawing.add(Rect(x, y, 8, 8, fillColor=colours[index], strokeColor=None))
            drawing.add(chart_label(x + 11, y + 1, fit_text(labels[index], 140, size=7), SANS, 7,
                              INK))


def section_profile(sections: list[SectionInfo],
                    series: list[tuple[str, dict[str, float | None]]],
                    average: dict[str, float | None] | None = None,
                    width: float = 480.0, average_label: str = "Award average") -> ChartDrawing:
    """Horizontal grouped bars: each series' section averages as a % of the section's scale."""
    register_fonts()
    bars = list(series)
    colours = SERIES_COLOURS[: len(bars)]
    if average is not None:
        bars.append((average_label, average))
        colours = [*colours, AVERAGE_COLOUR]
    bar_h = 7.0 if len(bars) <= 3 else 5.0
    group_h = bar_h * len(bars) + 8
    plot_h = group_h * max(len(sections), 1)
    labels = [label for label, _ in bars]
    legend_h = 11 * len(_legend_rows(labels, width))
    height = plot_h + 37 + legend_h
    drawing = ChartDrawing(width, height)
    x0, x1 = LABEL_WIDTH, width - 10
    y_top = height - 9 - legend_h
    _legend(drawing, height - 11, labels, colours, width)
    _axis(drawing, x0, x1, y_top - plot_h, y_top, "score as a percentage of the section's scale")
    for row, section in enumerate(sections):
        top = y_top - row * group_h - 4
        title = fit_text(f"{section.id}  {section.title}", LABEL_WIDTH - 8)
        drawing.add(chart_label(4, top - group_h / 2 + 1, title, SANS, 7.5, INK))
        for index, ((_, values), colour) in enumerate(zip(bars, colours, strict=True)):
            value = percent_of_scale(values.get(section.id), section)
            y = top - (index + 1) * bar_h
            if value is None:
                drawing.add(String(x0 + 2, y + 1, "no score", fontName=SANS, fontSize=5.5,
                                   fillColor=MUTED))
                continue
            drawing.add(Rect(x0, y, (x1 - x0) * max(0.0, min(value, 100.0)) / 100,
                             bar_h - 1, fillColor=colour, strokeColor=None))
    return drawing


def judge_distributions(judge_totals: dict[str, list[float]], width: float = 480.0) -> ChartDrawing:
    """A strip plot: each judge's totals as dots on 0–100, their mean as a bar, the panel's
    mean as a dashed line, so a lenient or harsh judge shows at a glance."""
    register_fonts()
    judges = [(name, totals) for name, totals in judge_totals.items() if totals]
    row_h = 16.0
    plot_h = row_h * max(len(judges), 1)
    height = plot_h + 34
    drawing = ChartDrawing(width, height)
    x0, x1 = LABEL_WIDTH, width - 70
    y_top = height - 6
    _axis(drawing, x0, x1, y_top - plot_h, y_top, "judge's total for an entry (0–100)")
    every = [value for _, totals in judges for value in totals]
    if every:
        panel_x = x0 + (x1 - x0) * fmean(every) / 100
        drawing.add(Line(panel_x, y_top - plot_h, panel_x, y_top, strokeColor=INK,
                         strokeWidth=0.6, strokeDashArray=[2, 2]))
    dot = colors.Color(ACCENT.red, ACCENT.green, ACCENT.blue, alpha=0.45)
    for row, (name, totals) in enumerate(judges):
        mid = y_top - row * row_h - row_h / 2
        drawing.add(chart_label(4, mid - 2.5, fit_text(name, LABEL_WIDTH - 8), SANS, 7.5, INK))
        for value in totals:
            x = x0 + (x1 - x0) * max(0.0, min(value, 100.0)) / 100
            drawing.add(Circle(x, mid, 2.2, fillColor=dot, strokeColor=None))
        mean_x = x0 + (x1 - x0) * fmean(totals) / 100
        drawing.add(Line(mean_x, mid - 5.5, mean_x, mid + 5.5, strokeColor=colors.HexColor(
            "#b5523b"), strokeWidth=1.6))
        drawing.add(String(x1 + 6, mid - 2.5, f"n={len(totals)}, mean {fmean(totals):.1f}",
                           fontName=SANS, fontSize=6.5, fillColor=MUTED))
    return drawing
