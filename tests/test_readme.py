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
    examples = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "questions:" in b]
    assert examples
    for number, example in enumerate(examples):
        path = tmp_path / f"example-{number}.yaml"
        path.write_text(example)
        bank, problems = load_bank_file(path)
        assert problems == [] and bank is not None
