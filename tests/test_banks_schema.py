"""The shipped JSON Schema agrees with the validator on every fixture that
says what the schema should do with it (``# schema: accept|reject``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from mockview.banks.loading import load_bank_file
from mockview.commands.banks import schema_text
from mockview.paths import shipped_banks_dir

BANKS = Path(__file__).parent / "data" / "banks"


def schema_verdict(path: Path) -> str | None:
    match = re.search(rb"^# schema: (accept|reject)\b", path.read_bytes(), re.M)
    return match.group(1).decode() if match else None


FIXTURES = [
    path
    for path in sorted(BANKS.glob("*/*.yaml"))
    if schema_verdict(path) is not None
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_enough_fixtures_have_a_schema_verdict() -> None:
    verdicts = [schema_verdict(path) for path in FIXTURES]
    assert verdicts.count("accept") >= 2
    assert verdicts.count("reject") >= 15


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_schema_and_validator_agree(path: Path, validator) -> None:
    data = yaml.safe_load(path.read_text())
    schema_accepts = validator.is_valid(data)
    bank, _ = load_bank_file(path)
    validator_accepts = bank is not None
    assert schema_accepts == validator_accepts
    assert schema_accepts == (schema_verdict(path) == "accept")


def test_shipped_banks_pass_the_schema(validator) -> None:
    files = sorted(shipped_banks_dir().glob("*.yaml"))
    assert len(files) >= 3
    for file in files:
        errors = list(validator.iter_errors(yaml.safe_load(file.read_text())))
        assert errors == [], f"{file.name}: {errors[0].message}"
