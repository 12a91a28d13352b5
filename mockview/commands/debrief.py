"""``mockview debrief``: write down how a real interview went, and read it back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mockview.commands.common import SubParsers, data_dir, open_history, plain_text, print_json, row_id, table
from mockview.errors import MockviewError
from mockview.prep.reflection import OUTCOMES
from mockview.text import plural


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    debrief = subparsers.add_parser(
        "debrief", help="write down how a real interview went", parents=[common],
        description="Debrief a real interview: what was asked, what you fumbled (those join the re-drill "
        "queue at once), what went right and wrong, why, and what to do next time. Without an action, "
        "opens the debrief form in the app.",
    )
    debrief.set_defaults(handler=run_debrief_form)
    actions = debrief.add_subparsers(dest="debrief_command", metavar="ACTION")
    add = actions.add_parser("add", help="add a debrief from a YAML file", parents=[common],
                             description="Add a debrief written as YAML (the format is in the README).")
    add.add_argument("--file", required=True, metavar="FILE", help="the debrief file")
    add.set_defaults(handler=run_debrief_add)
    listing = actions.add_parser("list", help="your debriefs, the latest first", parents=[common])
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_debrief_list)
    show = actions.add_parser("show", help="one debrief in full", parents=[common])
    show.add_argument("id", type=row_id, metavar="ID")
    show.set_defaults(handler=run_debrief_show)
    feedback = actions.add_parser("feedback", help="attach the interviewer's feedback", parents=[common],
                                  description="Attach feedback from the interviewer or recruiter to a debrief.")
    feedback.add_argument("id", type=row_id, metavar="ID")
    feedback.add_argument("--text", type=plain_text, required=True, help="what they said")
    feedback.add_argument("--focus", type=plain_text, metavar="AREAS", default="",
                          help="comma-separated areas it is about, e.g. 'specifics, system design'")
    feedback.set_defaults(handler=run_debrief_feedback)
    outcome = actions.add_parser("outcome", help="record how it ended (offer, rejected...)", parents=[common],
                                 description="Set a debrief's outcome once you hear back.")
    outcome.add_argument("id", type=row_id, metavar="ID")
    outcome.add_argument("outcome", choices=OUTCOMES)
    outcome.set_defaults(handler=run_debrief_outcome)
    followup = actions.add_parser(
        "followup", help="draft the request for feedback a week after the interview", parents=[common],
        description="Print a short request for feedback drafted from the debrief (the role, the date, one "
        "thing to ask about), to copy into an email: mockview debrief followup ID | pbcopy (or xclip, "
        "wl-copy, clip.exe). A debrief rejected or still pending reminds you a week after the interview; "
        "attaching feedback or --dismiss clears the reminder.",
    )
    followup.add_argument("id", type=int, metavar="ID")
    followup.add_argument("--dismiss", action="store_true", help="stop reminding you (you asked, or will not)")
    followup.add_argument("--json", action="store_true", help="print JSON")
    followup.set_defaults(handler=run_debrief_followup)
    delete = actions.add_parser("delete", help="delete a debrief (a mistake, a duplicate)", parents=[common],
                                description="Delete a debrief and its feedback. The questions it put in the "
                                "re-drill queue stay there; retire one with: mockview retry --retire ID")
    delete.add_argument("id", type=row_id, metavar="ID")
    delete.set_defaults(handler=run_debrief_delete)


def run_debrief_form(args: argparse.Namespace) -> int:
    from mockview.commands.app import run_app

    return run_app(args, start="debrief")


def run_debrief_add(args: argparse.Namespace) -> int:
    from mockview.prep.debrief.file import read_debrief_file
    from mockview.prep.debrief.model import where
    from mockview.prep.debrief.storage import save_debrief
    from mockview.store.redrill import describe_due

    debrief, problems = read_debrief_file(Path(args.file))
    for problem in sorted(problems, key=lambda p: (p.line, p.column)):
        print(problem, file=sys.stderr)
    if debrief is None:
        count = sum(1 for p in problems if p.severity == "error")
        raise MockviewError(f"{args.file}: {plural(count, 'problem')}; nothing was saved")
    from mockview.banks.library import load_library

    library = load_library(data_dir(args))
    with open_history(args) as history:
        debrief_id, changes = save_debrief(history, debrief, library)
        now = history.clock.now()
    print(f"saved debrief {debrief_id}: {debrief.company}, {debrief.date.isoformat()} ({debrief.outcome})")
    for change in changes:
        when = describe_due(change.due, now) if change.due else "now"
        print(f"  re-drill due {when}: {change.question_id} ({where(debrief)})")
    if changes:
        print("Practise them with: mockview retry")
    return 0


def run_debrief_list(args: argparse.Namespace) -> int:
    from mockview.clock import local_day
    from mockview.prep.debrief.text import debrief_summary
    from mockview.prep.followup import due_follow_ups, follow_up

    with open_history(args) as history:
        rows = history.debriefs()
        today = local_day(history.clock.now())
    if args.json:
        states = [follow_up(row, today) for row in rows]
        print_json([{**debrief_summary(row).to_json(), "follow_up": state.to_json() if state else None}
                    for row, state in zip(rows, states)])
        return 0
    if not rows:
        print("No debriefs yet. After an interview: mockview debrief")
        return 0
    print(table([[str(s.id), s.date, s.company, s.role, s.outcome, f"{s.fumbled}/{s.questions}", ", ".join(s.factors)]
                 for s in map(debrief_summary, rows)],
                ["ID", "DATE", "COMPANY", "ROLE", "OUTCOME", "FUMBLED", "FACTORS"]))
    due = due_follow_ups(rows, today)
    if due:
        print()
        print("A week on: time to ask for feedback")
        for each in due:
            print(f"  {each.debrief_id}  {each.headline()}: ask about {each.ask_about}")
            print(f"     draft it: mockview debrief followup {each.debrief_id}   "
                  f"(done, or not asking: --dismiss)")
    return 0


def run_debrief_followup(args: argparse.Namespace) -> int:
    from mockview.clock import local_day
    from mockview.prep.followup import ANSWERED, DISMISSED, WAITING, follow_up, request_message

    with open_history(args) as history:
        row = history.debrief(args.id)
        if row is None:
            raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
        today = local_day(history.clock.now())
        state = follow_up(row, today)
        if state is None:
            raise MockviewError(
                f"debrief {args.id} ({row.company}) ended with the outcome '{row.outcome}': a feedback request is "
                f"for a rejection or no answer yet (change it with: mockview debrief outcome {args.id} rejected)")
        if args.dismiss:
            history.dismiss_follow_up(args.id)
            if state.state == DISMISSED:
                print(f"the follow-up of debrief {args.id} ({row.company}) was already dismissed")
            else:
                print(f"dismissed the follow-up of debrief {args.id} ({row.company}): no more reminders")
            return 0
    request = request_message(row)
    if args.json:
        print_json({"id": row.id, **state.to_json(), "subject": request.subject, "body": request.body,
                    "message": request.text})
        return 0
    sys.stdout.write(request.text)
    note = {WAITING: f"the reminder is due on {state.due.isoformat()}, a week after the interview; "
                     "sending it earlier is fine too",
            ANSWERED: "this debrief already has feedback attached",
            DISMISSED: "you dismissed this reminder; the draft is here all the same"}.get(state.state)
    if note:
        print(f"mockview: {note}", file=sys.stderr)
    return 0


def run_debrief_show(args: argparse.Namespace) -> int:
    from mockview.prep.debrief.text import format_debrief

    with open_history(args) as history:
        row = history.debrief(args.id)
    if row is None:
        raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
    print(format_debrief(row))
    return 0


def run_debrief_feedback(args: argparse.Namespace) -> int:
    text = args.text.strip()
    if not text:
        raise MockviewError("--text is empty")
    from mockview.prep.debrief.model import parse_focus

    focus = parse_focus(args.focus)
    with open_history(args) as history:
        if history.debrief(args.id) is None:
            raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
        history.add_feedback(args.id, text, focus)
    print(f"feedback attached to debrief {args.id}")
    return 0


def run_debrief_outcome(args: argparse.Namespace) -> int:
    with open_history(args) as history:
        if history.debrief(args.id) is None:
            raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
        history.set_debrief_outcome(args.id, args.outcome)
    print(f"debrief {args.id}: outcome {args.outcome}")
    return 0


def run_debrief_delete(args: argparse.Namespace) -> int:
    from mockview.prep.debrief.storage import delete_debrief

    with open_history(args) as history:
        deleted = delete_debrief(history, args.id)
    if deleted is None:
        raise MockviewError(f"no debrief {args.id} (see: mockview debrief list)")
    print(f"deleted debrief {args.id} ({deleted.debrief.company}, {deleted.debrief.day})")
    if deleted.removed:
        print(f"  and its re-drill items no other interview or answer needed: {', '.join(deleted.removed)}")
    if deleted.kept:
        print(f"  kept in the re-drill queue (answered since, or fumbled elsewhere too): {', '.join(deleted.kept)}")
    return 0
