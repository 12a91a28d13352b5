"""The README's set-up commands are the ones CI really runs."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shell_blocks(markdown: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", markdown, re.S)


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    ci_command = ci.strip().splitlines()[-1]
    assert "pytest" in ci_command
    test_blocks = [block for block in shell_blocks(readme) if "pytest" in block]
    assert test_blocks, "the README shows no test command"
    assert test_blocks[0].strip().endswith(ci_command)


def test_readme_install_command_starts_mockview() -> None:
    readme = (REPO / "README.md").read_text()
    first = shell_blocks(readme)[0].strip()
    assert "pip install ." in first and first.endswith("mockview")


def test_readme_example_bank_is_valid(tmp_path: Path) -> None:
    from mockview.banks.validate import load_bank_file

    readme = (REPO / "README.md").read_text()
    examples = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if re.search(r"^bank:", b, re.M)]
    assert examples
    for number, example in enumerate(examples):
        path = tmp_path / f"example-{number}.yaml"
        path.write_text(example)
        bank, problems = load_bank_file(path)
        assert problems == [] and bank is not None


def test_readme_debrief_profile_and_story_examples_are_valid(tmp_path: Path) -> None:
    from mockview.prep.debrief.file import read_debrief_file
    from mockview.prep.profiles import read_profile
    from mockview.prep.stories import read_stories

    readme = (REPO / "README.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    debrief = next(b for b in blocks if "went_wrong:" in b)
    profile = next(b for b in blocks if "products:" in b)
    stories = next(b for b in blocks if b.startswith("stories:"))

    (tmp_path / "debrief.yaml").write_text(debrief)
    read, problems = read_debrief_file(tmp_path / "debrief.yaml")
    assert problems == [] and read is not None and read.questions[0].fumbled
    (tmp_path / "profile.yaml").write_text(profile)
    read, problems = read_profile(tmp_path / "profile.yaml")
    assert problems == [] and read is not None and read.products
    (tmp_path / "stories.yaml").write_text(stories)
    read, problems = read_stories(tmp_path)
    assert problems == [] and read[0].competencies == ("failure", "learning")
