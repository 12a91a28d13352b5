"""Job postings in the app: pasting one, its requirements gaps first, practising a gap, editing, deleting."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import DataTable, Input, Static, TextArea

from mockview.cli import main
from mockview.prep.job_questions import role_questions
from mockview.prep.jobs import list_jobs
from mockview.store import open_store
from mockview.store.forms import FormDraft
from mockview.tui.screens.confirm import ConfirmScreen
from mockview.tui.screens.home import HomeScreen
from mockview.tui.screens.job_form import JobFormScreen
from mockview.tui.screens.job import JobScreen
from mockview.tui.screens.jobs import JobsScreen
from mockview.tui.screens.question import QuestionScreen
from tests.conftest import FakeClock
from tests.test_job_coverage import STORIES, save
from tests.tui.helpers import SIZE, make_app, paste, settle

JOBS = Path(__file__).resolve().parent.parent / "data" / "jobs"
BACKEND = "tidewater-payments-senior-backend-engineer"
ANSWER = ("At my last job our deploys failed one time in five. I had to fix them before the launch. I moved "
          "our services to Docker images on AWS and I rewrote the Kubernetes manifests myself. Failed deploys "
          "fell to one in a hundred and we launched on time.")


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def cut(name: str, width: int = 36) -> str:
    """A name as a table cell of ``width`` shows it."""
    return name if len(name) <= width else name[: width - 1] + "…"


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#requirement-table", DataTable)
    return [[str(value) for value in table.get_row_at(index)] for index in range(table.row_count)]


async def paste_posting(pilot, text: str) -> None:
    """Paste into the posting area as a terminal's paste arrives: one Paste event to the app, which hands it
    to the focused widget (not keystrokes)."""
    pilot.app.screen.query_one("#posting", TextArea).focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def add_job(name: str) -> None:
    assert main(["job", "add", str(JOBS / name)]) == 0


async def open_job(pilot) -> None:
    """Home, j, Enter: the first saved posting's screen."""
    await settle(pilot)
    await pilot.press("j")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, JobScreen)


async def test_a_pasted_posting_is_saved_as_typed_and_shown_gaps_first(mockview_home: Path, capsys) -> None:
    posting = (JOBS / "data-analyst-nice.md").read_text(encoding="utf-8")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, JobsScreen)
        assert app.screen.query_one("#no-jobs").display
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, JobFormScreen)
        await paste_posting(pilot, posting)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, JobScreen)
        (job,), _ = list_jobs(mockview_home)
        assert job.text == posting and job.source == "the pasted posting"
        assert text_of(app, "#job-title") == job.title
        shown = rows(app)
        musts = [r for r in job.must if r.kind == "requirement"] + [r for r in job.must if r.kind == "duty"]
        assert [row[1] for row in shown] == [cut(r.name) for r in musts] + [cut(r.name) for r in job.nice]
        assert {row[0] for row in shown} == {"✗ gap"}  # no stories, no answers: everything is a gap
        assert [row[2] for row in shown] == ["must"] * len(job.must) + ["nice"] * len(job.nice)
        assert "SQL" in [row[1] for row in shown] and len(job.nice) >= 1
        detail = text_of(app, "#requirement-detail")
        assert detail.startswith(f"{musts[0].name}: must-have, line {musts[0].line}")
        assert "No story shows" in detail and "Enter: practise" in detail
        assert not FormDraft(mockview_home, "job-new").path.exists()
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, JobsScreen)
        table = app.screen.query_one("#job-table", DataTable)
        assert [str(c) for c in table.get_row_at(0)][2:5] == [str(len(job.must)), str(len(job.nice)),
                                                              str(len(job.must))]


async def test_a_paste_with_nothing_recognisable_is_one_line_and_saves_nothing(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert text_of(app, "#form-error") == "Paste the posting first: the part that says what the job asks for."
        await paste_posting(pilot, (JOBS / "not-a-posting.txt").read_text(encoding="utf-8"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, JobFormScreen)
        assert text_of(app, "#form-error") == (
            "the pasted posting: found no requirements, skills or values in it; is it the job posting? (paste the "
            "part under headings such as 'Requirements' or 'About you')")
        area = app.screen.query_one("#posting", TextArea)
        area.load_text("x" * (1024 * 1024 + 1))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert text_of(app, "#form-error") == "the pasted posting is over 1 MiB; a posting is a few pages of text"
    assert list_jobs(mockview_home) == ([], [])


async def test_the_same_posting_twice_is_refused(mockview_home: Path, capsys) -> None:
    add_job("retail-assistant.txt")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await paste_posting(pilot, (JOBS / "retail-assistant.txt").read_text(encoding="utf-8"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "this posting is already saved as 'larkspur-home-garden-sales-assistant'" in text_of(app, "#form-error")
    assert len(list_jobs(mockview_home)[0]) == 1


async def test_an_unsaved_posting_is_kept_as_a_draft(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await paste_posting(pilot, "Requirements\n- Python\n")
        app.screen.query_one("#job-company", Input).focus()
        await paste(pilot, "Acme")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, JobsScreen)
        assert FormDraft(mockview_home, "job-new").load() == {"company": "Acme", "role": "",
                                                              "text": "Requirements\n- Python\n"}
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#posting", TextArea).text == "Requirements\n- Python\n"
        assert app.screen.query_one("#job-company", Input).value == "Acme"
        await paste_posting(pilot, "- SQL\n")
        await pilot.press("ctrl+q")  # quitting keeps it too
        await pilot.pause()
    assert "SQL" in FormDraft(mockview_home, "job-new").load()["text"]
    assert list_jobs(mockview_home) == ([], [])


async def test_stories_mark_requirements_covered_and_enter_on_a_gap_practises_it(mockview_home: Path,
                                                                                 capsys) -> None:
    add_job("backend-engineer.txt")
    save(mockview_home, "stories.yaml", STORIES)
    clock = FakeClock()
    app = make_app(mockview_home, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_job(pilot)
        shown = {row[1]: row for row in rows(app)}
        marks = [row[0] for row in rows(app)]
        assert marks[:6] == ["✗ gap"] * 6 and marks[6:9] == ["✓ covered"] * 3 and marks[9] == "✗ gap"
        assert shown["PostgreSQL"][3] == 'story "The ledger migration"'
        assert shown["Docker, Kubernetes and AWS"][3] == 'partly: story "The flaky deploys"'
        assert shown["Kafka"][2:] == ["nice", "nothing yet"]
        assert "9 must-haves, 1 nice-to-have; 6 must-haves no story of yours shows yet" in text_of(app, "#job-summary")

        table = app.screen.query_one("#requirement-table", DataTable)
        table.move_cursor(row=[row[1] for row in rows(app)].index("Docker, Kubernetes and AWS"))
        await pilot.pause()
        detail = text_of(app, "#requirement-detail")
        assert detail.startswith("Docker, Kubernetes and AWS: must-have, line 16 under \"Requirements\"")
        assert 'No story shows Docker or AWS yet (Kubernetes: story "The flaky deploys")' in detail
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert text_of(app, "#question-text") == ("This role involves Docker, Kubernetes and AWS. Tell me about a "
                                                  "time you used Docker, Kubernetes and AWS to solve a real "
                                                  "problem, and what came of it.")
        await paste(pilot, ANSWER)
        clock.advance(90)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")  # the one question is done: to the summary
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

        await open_job(pilot)  # the answer now shows what no story does yet
        shown = {row[1]: row for row in rows(app)}
        assert shown["Docker, Kubernetes and AWS"][0] == "~ answers only"
        assert shown["Docker, Kubernetes and AWS"][3].startswith('your answer to "This role involves')
    history = open_store(mockview_home)
    (attempt,) = history.attempts()
    history.close()
    assert attempt.question_id == f"job-{BACKEND}/docker-kubernetes-and-aws" and attempt.answer == ANSWER
    assert attempt.question["keywords"][0][0] == "Docker"  # the rubric is the requirement's skills


async def test_a_requirement_beyond_the_bank_still_gets_a_question_and_a_licence_does_not(mockview_home: Path,
                                                                                          capsys) -> None:
    add_job("staff-nurse.txt")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_job(pilot)
        names = [row[1] for row in rows(app)]
        table = app.screen.query_one("#requirement-table", DataTable)
        table.move_cursor(row=names.index("NMC registration"))
        await pilot.pause()
        assert "No story can show this (a degree, a licence, availability): make sure your CV does." in \
            text_of(app, "#requirement-detail")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, JobScreen)
        assert list(app._notifications)[-1].message == \
            "NMC registration is shown on your CV, not in a story: nothing to practise."

        (job,), _ = list_jobs(mockview_home)
        written = [q.requirement.name for q in role_questions(job) if q.requirement is not None]
        supervise = "support and supervise student nurses and healthcare assistants"
        assert supervise not in written  # the bank holds the first eight must-haves only
        table.move_cursor(row=names.index(cut(supervise)))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert text_of(app, "#question-text") == (
            "One of the duties of this role is to support and supervise student nurses and healthcare assistants. "
            "Tell me about a time you did something like it, and what came of it.")


async def test_practise_the_role_asks_its_questions(mockview_home: Path, capsys) -> None:
    add_job("backend-engineer.txt")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await open_job(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert text_of(app, "#question-meta").startswith(
            f"Question 1 of 5  ·  job-{BACKEND}/building-backend-services-in-production")


async def test_editing_a_posting_keeps_its_id_and_finds_its_requirements_again(mockview_home: Path,
                                                                               capsys) -> None:
    add_job("backend-engineer.txt")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await open_job(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, JobFormScreen)
        area = app.screen.query_one("#posting", TextArea)
        assert area.text == (JOBS / "backend-engineer.txt").read_text(encoding="utf-8")
        area.move_cursor((16, 0))  # the start of line 17, under "Requirements"
        await paste_posting(pilot, "- Experience with Terraform\n")
        company = app.screen.query_one("#job-company", Input)
        company.value = "Tidewater Ltd"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, JobScreen)
        assert text_of(app, "#job-title") == "Senior Backend Engineer at Tidewater Ltd"
        assert "Terraform" in [row[1] for row in rows(app)]
    (job,), _ = list_jobs(mockview_home)
    assert job.id == BACKEND and job.company == "Tidewater Ltd"
    assert job.text.splitlines()[16] == "- Experience with Terraform"
    assert ("Terraform", True, 17) in [(r.name, r.must, r.line) for r in job.requirements]
    assert job.source == "the pasted posting"
    assert not FormDraft(mockview_home, f"job-{BACKEND}").path.exists()


async def test_deleting_a_posting_asks_first(mockview_home: Path, capsys) -> None:
    add_job("backend-engineer.txt")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(list_jobs(mockview_home)[0]) == 1
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, JobsScreen) and app.screen.query_one("#no-jobs").display
    assert list_jobs(mockview_home) == ([], [])


async def test_the_job_screen_opens_its_prep_sheet(mockview_home: Path, capsys) -> None:
    add_job("backend-engineer.txt")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await open_job(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "## The job: Senior Backend Engineer at Tidewater Payments" in app.screen.text




async def test_a_worker_result_for_a_closed_screen_is_dropped(mockview_home: Path) -> None:
    """A thread worker can finish after its screen is gone; its result must not reach the removed widgets.

    Found by a 20-run flake check: the Jobs screen's late result queried a removed table, the worker
    failed, and a failed worker ends the app. Every screen hands its results over with deliver()."""
    import asyncio

    from mockview.tui.screens.jobs import JobsScreen
    from mockview.tui.workers import deliver

    add_job("backend-engineer.txt")
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JobsScreen)
        shown: list[str] = []
        await asyncio.to_thread(deliver, screen, shown.append, "open")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        await asyncio.to_thread(deliver, screen, screen.show, [], [])  # would query the removed table
        await asyncio.to_thread(deliver, screen, shown.append, "closed")
        await settle(pilot)
        assert shown == ["open"]
        assert isinstance(app.screen, HomeScreen) and app.is_running
