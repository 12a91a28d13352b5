"""The table of places: home's bindings and buttons, the open action, the palette, and how the app ends."""

from __future__ import annotations

import argparse
from pathlib import Path

from textual.widgets import Button, HelpPanel
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from mockview.tui.app import LOADING, MockviewApp
from mockview.tui.launch import ExitReport
from mockview.tui.places import PLACES
from mockview.tui.screens.banks import BanksScreen
from mockview.tui.screens.history import HistoryScreen
from mockview.tui.screens.home import HomeScreen
from mockview.tui.screens.setup import SetupScreen
from mockview.tui.widgets.footer import Footer
from tests.tui.helpers import SIZE, make_app, settle


def test_every_place_has_its_own_key_and_binding_id() -> None:
    keys = [place.key for place in PLACES]
    assert len(set(keys)) == len(keys)
    bindings = [place.binding for place in PLACES]
    assert all(b.id == f"home-{p.id}" and b.tooltip and b.action == f"app.open('{p.id}')"
               for b, p in zip(bindings, PLACES))
    home_ids = {b.id for b in HomeScreen.BINDINGS if not isinstance(b, tuple)}
    assert {b.id for b in bindings} <= home_ids


async def test_every_place_opens_from_its_key_and_its_button(mockview_home: Path, monkeypatch) -> None:
    restyled = []  # footer keys whose look changed after they were made: what mockview's Footer saves
    told = FooterKey._watch_compact

    def watch_compact(key: FooterKey, compact: bool) -> None:
        before = key.has_class("-compact")
        told(key, compact)
        if key.has_class("-compact") != before:
            restyled.append(key.key)

    monkeypatch.setattr(FooterKey, "_watch_compact", watch_compact)
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        for place in PLACES:
            button = home.query_one(f"#go-{place.id}", Button)
            assert str(button.label) == f"{place.label} ({place.key})"  # the label is the binding's
            assert button.action == place.binding.action  # and so is what it does
            await pilot.press(place.key)
            await settle(pilot)
            if place.id == "retry":
                assert app.screen is home  # nothing due: a notice, not a screen
                continue
            assert app.screen is not home, place.id
            expected = {"practice": SetupScreen, "history": HistoryScreen, "banks": BanksScreen}.get(place.id)
            assert expected is None or isinstance(app.screen, expected), place.id
            if place.id == "history":
                app.action_show_help_panel()
                await pilot.pause()
                assert app.screen.query(HelpPanel)
                await pilot.press("escape")
                await pilot.pause()
                assert not app.screen.query(HelpPanel)
                assert isinstance(app.screen, HistoryScreen)  # the panel closed; the screen stayed
            footers = app.screen.query(TextualFooter)
            assert all(type(footer) is Footer for footer in footers), place.id
            assert not footers or footers.first().query(FooterKey), place.id  # its keys are shown
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is home, place.id
        await pilot.click("#go-history")
        await settle(pilot)
        assert type(app.screen).__name__ == "HistoryScreen"
    assert restyled == []


async def test_places_that_need_the_banks_wait_for_them(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        loaded, app.banks.library = app.banks.library, None
        for place in PLACES:
            if place.needs_banks:
                app.action_open(place.id)
                await pilot.pause()
                assert isinstance(app.screen, HomeScreen), place.id
        assert [n.message for n in app._notifications].count(LOADING) == sum(p.needs_banks for p in PLACES)
        app.banks.library = loaded


async def test_the_palette_offers_every_place_and_home(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
    assert titles[: len(PLACES) + 1] == [place.title for place in PLACES] + ["Home"]
    assert {"Practice", "Re-drill (retry)", "History", "Banks", "Home"} <= set(titles)
    assert {"Debrief an interview", "Debriefs (debrief list)", "Patterns", "Company profiles (company)",
            "Stories"} <= set(titles)
    lowered = [title.lower() for title in titles]
    for name in ("practice", "interview", "retry", "history", "banks", "debrief", "patterns", "company",
                 "stories", "prep", "stats", "export"):
        assert any(name in title for title in lowered), name


async def test_quitting_returns_an_exit_report(mockview_home: Path) -> None:
    app = make_app(mockview_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == ExitReport(0, None)


def test_the_command_line_prints_the_reported_error(monkeypatch, capsys, tmp_path: Path) -> None:
    from mockview.commands.app import run_app

    monkeypatch.setattr(MockviewApp, "run", lambda self: ExitReport(1, "no banks here"))
    assert run_app(argparse.Namespace(data_dir=str(tmp_path))) == 1
    assert capsys.readouterr().err == "mockview: no banks here\n"

    monkeypatch.setattr(MockviewApp, "run", lambda self: ExitReport(128 + 15))
    assert run_app(argparse.Namespace(data_dir=str(tmp_path))) == 143
    assert capsys.readouterr().err == ""
