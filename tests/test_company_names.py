"""A company is found by the name people say: "globex" for "Globex Corporation"."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockview.cli import main
from mockview.errors import MockviewError
from mockview.prep.profiles import find_profile


@pytest.fixture
def profiles(capsys) -> None:
    for name in ("Globex Corporation", "Initech", "Acme Labs", "Acme Robotics"):
        assert main(["company", "new", name]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("said", ["globex", "Globex", "globex corp", "GLOBEX CORPORATION"])
def test_company_show_finds_the_profile_by_its_short_name(profiles, capsys, said: str) -> None:
    assert main(["company", "show", said]) == 0
    assert capsys.readouterr().out.startswith("Globex Corporation\n")


def test_an_unknown_company_says_which_names_exist(profiles, capsys) -> None:
    assert main(["company", "show", "glob"]) == 1
    err = capsys.readouterr().err
    assert err == ("mockview: no profile for 'glob' (profiles: Acme Labs, Acme Robotics, Globex Corporation, Initech); "
                   "start one with: mockview company new NAME\n")


def test_a_name_two_profiles_share_is_refused_naming_both(profiles, mockview_home: Path) -> None:
    with pytest.raises(MockviewError, match="'acme' could be 'Acme Labs' or 'Acme Robotics'; give more of the name"):
        find_profile(mockview_home, "acme")
    found = find_profile(mockview_home, "acme labs")
    assert found is not None and found.company == "Acme Labs"
