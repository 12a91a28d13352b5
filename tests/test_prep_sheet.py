"""The one-page prep sheet: `mockview prep --company NAME [-o FILE]`."""

from __future__ import annotations

from pathlib import Path

DEBRIEF = """\
company: Acme Corp
date: 2026-10-20
factors: [nervous]
questions:
  - text: Tell me about a time you failed.
    fumbled: true
strategy: Lead with the result.
feedback: Needed more specifics.
next_time: [Two failure stories with numbers]
"""
PROFILE = """\
company: Acme Corp
role: Backend engineer
mission: Anvils that never fail
products: [Anvil Pro]
questions_to_ask: [What does success look like in six months?]
"""
STORIES = """\
stories:
  - title: The failed search launch
    competencies: [failure]
    action: I rewrote the tests.
"""


def test_the_sheet_gathers_profile_stories_queue_patterns_and_notes(run_cli, mockview_home: Path, tmp_path: Path) -> None:
    debrief = tmp_path / "debrief.yaml"
    debrief.write_text(DEBRIEF)
    assert run_cli("debrief", "add", "--file", str(debrief)).returncode == 0
    (mockview_home / "profiles").mkdir(parents=True)
    (mockview_home / "profiles" / "acme-corp.yaml").write_text(PROFILE)
    (mockview_home / "stories.yaml").write_text(STORIES)

    result = run_cli("prep", "--company", "acme corp")
    assert result.returncode == 0, result.stderr
    sheet = result.stdout
    assert sheet.startswith("# Prep sheet: Acme Corp, Backend engineer\n")
    assert "**Mission:** Anvils that never fail" in sheet
    assert "- **Products:** Anvil Pro" in sheet
    assert "- What does success look like in six months?" in sheet
    assert "**Still to research:** the values it publishes;" in sheet
    assert ('- "Tell me about a time you failed." (you fumbled it at Acme Corp, 2026-10-20): '
            "tell *The failed search launch*") in sheet
    assert '- "What do you know about Acme Corp?": your research above' in sheet  # the name filled in
    section = sheet.split("## Likely questions and the stories to tell")[1].split("## ")[0]
    likely = [line for line in section.splitlines() if line.startswith("- **")]
    assert likely[0].startswith("- **failure**, e.g. ")  # fumbled for real: first
    # The story is one line of action: it is recommended, and marked as weak (which parts it lacks
    # and its score are the analysis's to say).
    assert ": tell *The failed search launch* (weak: no Situation, Task" in likely[0]
    assert likely[0].endswith("; strengthen it first)")
    assert all(line.endswith("no story yet: write one before the interview") for line in likely[1:])
    assert "- Tell me about a time you failed. (due now; from your interview at Acme Corp)" in sheet
    assert "One interview is not enough to tell a fluke from a pattern; next time, watch for these: nervous" in sheet
    assert "- Two failure stories with numbers (Acme Corp, 2026-10-20)" in sheet
    assert "- Lead with the result. (Acme Corp, 2026-10-20)" in sheet
    assert '- Interviewer at Acme Corp: "Needed more specifics."' in sheet
    for heading in ("## The company", "## Likely questions and the stories to tell", "## Still due for re-drill",
                    "## Patterns to watch", "## From your last interviews"):
        assert heading in sheet

    out = tmp_path / "sheet.md"
    written = run_cli("prep", "--company", "Acme Corp", "-o", str(out))
    assert written.returncode == 0 and f"wrote {out}" in written.stderr
    assert out.read_text(encoding="utf-8") == sheet


def test_a_company_without_a_profile_still_gets_a_sheet(run_cli) -> None:
    result = run_cli("prep", "--company", "Globex", "--role", "Analyst")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Prep sheet: Globex, Analyst")
    assert 'No profile yet. Start one with: `mockview company new Globex`' in result.stdout
    assert '- "What do you know about Globex?": no research yet: start the profile first' in result.stdout
    assert "your research above" not in result.stdout
    assert "- nothing due" in result.stdout and "- no debriefs yet" in result.stdout


def test_writing_into_a_folder_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("prep", "--company", "Globex", "-o", str(tmp_path))
    assert result.returncode == 1 and "is a folder; give a file name" in result.stderr
