"""``mockview company``: research profiles of the companies you interview with."""

from __future__ import annotations

import argparse
import shlex

from mockview.commands.common import SubParsers, data_dir, plain_text, print_json, table, warn
from mockview.errors import MockviewError


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    company = subparsers.add_parser("company", help="company research profiles", parents=[common],
                                    description="Profiles of the companies you interview with, in <data dir>/profiles/.")
    company_actions = company.add_subparsers(dest="company_command", metavar="ACTION", required=True)
    new = company_actions.add_parser("new", help="start a profile", parents=[common])
    new.add_argument("name", type=plain_text, metavar="NAME")
    new.add_argument("--role", type=plain_text, default="", help="the role you are applying for")
    new.set_defaults(handler=run_company_new)
    clist = company_actions.add_parser("list", help="your profiles and what is still to research", parents=[common])
    clist.add_argument("--json", action="store_true", help="print JSON")
    clist.set_defaults(handler=run_company_list)
    cshow = company_actions.add_parser("show", help="one profile, with its research checklist", parents=[common])
    cshow.add_argument("name", metavar="NAME")
    cshow.set_defaults(handler=run_company_show)


def run_company_new(args: argparse.Namespace) -> int:
    from mockview.prep.profiles import new_profile

    path = new_profile(data_dir(args), args.name, args.role)
    print(f"wrote {path}")
    print(f"fill it in, then see what is still missing with: mockview company show {shlex.quote(args.name)}")
    return 0


def run_company_list(args: argparse.Namespace) -> int:
    from mockview.prep.profiles import list_profiles

    profiles, problems = list_profiles(data_dir(args))
    for problem in problems:
        warn(str(problem))
    if args.json:
        print_json([profile.to_json() for profile in profiles])
    elif profiles:
        print(table([[p.company, p.role, str(len(p.facts())), ", ".join(p.missing()) or "nothing"] for p in profiles],
                    ["COMPANY", "ROLE", "FACTS", "STILL TO RESEARCH"]))
    elif problems:
        # Like `banks list`, unreadable files are warned about and the rest listed.
        print("No readable company profiles: fix the file named above.")
    else:
        print("No company profiles yet. Start one with: mockview company new NAME")
    return 0


def run_company_show(args: argparse.Namespace) -> int:
    from mockview.prep.profiles import find_profile, format_profile, list_profiles

    profile = find_profile(data_dir(args), args.name)
    if profile is None:
        known = ", ".join(p.company for p in list_profiles(data_dir(args))[0]) or "none yet"
        raise MockviewError(f"no profile for {args.name!r} (profiles: {known}); start one with: mockview company new NAME")
    print(format_profile(profile))
    return 0
