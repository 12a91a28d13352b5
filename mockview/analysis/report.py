"""A plain-text report of an analysis, for the terminal and screen readers.

It reads the JSON form (:meth:`Analysis.to_dict`), so a stored attempt is
reported exactly as it was scored. Only words and numbers are used, no bars
or colours: the same text serves ``mockview score``, the line-mode practice
front end and exports.
"""

from __future__ import annotations

from typing import Any

from mockview.analysis.delivery import PLAUSIBLE_TYPING_WPM
from mockview.analysis.lexicon import PARTS
from mockview.text import clock, plural, times


def format_report(analysis: dict[str, Any]) -> str:
    """The analysis as readable lines of text."""
    lines: list[str] = []
    verdict = analysis["verdict"]
    lines.append(f"Score {analysis['score']}/100: {verdict}")
    if analysis["fumbled_reasons"]:
        lines.append("  Fumbled because: " + "; ".join(analysis["fumbled_reasons"]) + ".")
    elif analysis.get("holding_back"):
        lines.append("  Not strong yet: " + "; ".join(analysis["holding_back"]) + ".")
    parts = analysis.get("score_parts") or []
    if parts:
        lines.append(
            "  Points: " + ", ".join(score_part_text(p) for p in parts)
        )

    star = analysis["star"]
    details = analysis.get("star_details") or {}
    if details.get("required", True):
        shown = []
        for part in PARTS:
            info = star[part]
            shown.append(
                f"{part.capitalize()} {info['share']:.0%}" if info["present"] else f"{part.capitalize()} missing"
            )
        lines.append("STAR: " + ", ".join(shown) + ("  (from your labels)" if details.get("labelled") else ""))
        for note in details.get("notes", []):
            if not note.startswith("no "):  # the line above says which parts are missing
                lines.append(f"  - {note}")

    keywords = analysis["keywords"]
    if keywords.get("has_rubric", bool(keywords["matched"] or keywords["missing"])):
        total = len(keywords["matched"]) + len(keywords["missing"])
        lines.append(
            f"Rubric: {len(keywords['matched'])} of {plural(total, 'point')} made "
            f"({keywords['coverage']:.0%} by weight)"
        )
        sources = keywords.get("sources") or {}
        for match in keywords["matched"]:
            same = match["found"].lower() == match["term"].lower()
            said = "" if same else f'you said "{match["found"]}"'
            lines.append(f"  + {match['term']}" + _aside(said, rubric_source(sources, match["term"])))
        for term in keywords["missing"]:
            required = " [required]" if term in keywords.get("missing_required", []) else ""
            lines.append(f"  - {term}{required}" + _aside(rubric_source(sources, term)))

    delivery = analysis["delivery"]
    low, high = delivery.get("target_words", [0, 0])
    line = f"Delivery: {delivery['words']} words (target {low}-{high}), about {clock(delivery['speaking_seconds'])} to say"
    if delivery.get("seconds") is not None:
        line += f"; took {clock(delivery['seconds'])}"
        if delivery.get("time_limit"):
            line += f" of {clock(delivery['time_limit'])}"
        if delivery.get("overtime"):
            line += f" ({clock(delivery['overtime'])} over)"
        if delivery.get("wpm") and delivery["wpm"] <= PLAUSIBLE_TYPING_WPM:
            line += f", typing {delivery['wpm']:.0f} words a minute"
    lines.append(line)
    details = [f"'I' {delivery['i_count']}, 'we' {delivery['we_count']}", f"numbers {delivery['numbers']}"]
    if delivery["fillers"]:
        details.append("fillers " + ", ".join(f"'{w}' {times(n)}" for w, n in delivery["fillers"].items()))
    if delivery["hedges"]:
        details.append("hedges " + ", ".join(f"'{w}' {times(n)}" for w, n in delivery["hedges"].items()))
    lines.append("  " + "; ".join(details))
    leaned_on = [(w, n) for w, n in delivery["top_words"] if n >= 3]
    if leaned_on:
        lines.append("  Words you lean on: " + ", ".join(f"{w} ({n})" for w, n in leaned_on))

    if analysis.get("truncated"):
        lines.append("Note: the answer is very long; only its first 200,000 characters were analysed.")
    if analysis["tips"]:
        lines.append("Tips:")
        for number, tip in enumerate(analysis["tips"], 1):
            lines.append(f"  {number}. {tip}")
    return "\n".join(lines)


def score_part_text(part: dict[str, Any]) -> str:
    """"rubric 20/25"; a part with nothing to earn (held back) shows only its points."""
    if not part["out_of"]:
        return f"{part['name']} {part['points']:g}"
    return f"{part['name']} {part['points']:g}/{part['out_of']:g}"


def rubric_source(sources: dict[str, str], term: str) -> str:
    """"from your Acme profile" for a point the bank did not set, else ""."""
    source = sources.get(term, "")
    return f"from {source}" if source else ""


def _aside(*notes: str) -> str:
    shown = "; ".join(note for note in notes if note)
    return f" ({shown})" if shown else ""
