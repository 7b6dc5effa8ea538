"""JSON Schema of the analysis contract, generated from the pydantic models.

`perspecta schema` prints it; schema/perspecta.analysis-1.schema.json is the committed copy
(tests/test_reports.py fails when the models change and the file was not regenerated with
`perspecta schema --output schema/perspecta.analysis-1.schema.json`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from core.models import ANALYSIS_SCHEMA, Analysis

SCHEMA_ID = "urn:perspecta:schema:analysis-1"
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "perspecta.analysis-1.schema.json"


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Analysis.to_json()` output."""
    schema = Analysis.model_json_schema(by_alias=True, mode="serialization")
    # The contract names its version in the `schema` field: pin it so validators check it.
    schema["properties"]["schema"]["const"] = ANALYSIS_SCHEMA
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_json() -> bytes:
    """The schema as pretty-printed JSON with sorted keys and a final newline (stable diffs)."""
    return orjson.dumps(analysis_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
