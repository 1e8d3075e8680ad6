#!/usr/bin/env python3
"""validate-rules.py DIR: validate every rule file under DIR against
DIR/schema/forksafe-rules.schema.json (Debian's python3-jsonschema)."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
library = jsonschema.Draft202012Validator(
    json.loads((root / "schema" / "forksafe-rules.schema.json").read_text()))
framework = jsonschema.Draft202012Validator(
    json.loads((root / "schema" / "forksafe-framework.schema.json").read_text()))
bad = 0
files = sorted(p for p in root.rglob("*.json") if p.parent.name != "schema")
for path in files:
    doc = json.loads(path.read_text())
    validator = framework if isinstance(doc, dict) and "framework" in doc else library
    for err in validator.iter_errors(doc):
        where = "/".join(str(p) for p in err.absolute_path)
        print(f"{path}: {where}: {err.message}")
        bad += 1
print(f"validate-rules: {len(files)} files, {bad} problems")
sys.exit(1 if bad else 0)
