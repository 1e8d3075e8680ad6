#!/usr/bin/env python3
"""check-report.py sarif FILE [SCHEMA] | seed-flow FILE | json FILE | codeclimate FILE

sarif: validate FILE against the official SARIF 2.1.0 schema.
seed-flow: the first result's code flow has the created, fork and use steps.
json / codeclimate: check the documented shape of forksafe's other formats."""
import json
import sys

mode, path = sys.argv[1], sys.argv[2]
data = json.load(open(path))

def fail(msg):
    sys.stderr.write("check-report: %s: %s\n" % (path, msg))
    sys.exit(1)

if mode == "sarif":
    import jsonschema
    schema = json.load(open(sys.argv[3]))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(data))
    for e in errors[:5]:
        sys.stderr.write("%s: %s\n" % ("/".join(map(str, e.absolute_path)), e.message))
    if errors:
        fail("%d schema violations" % len(errors))
    run = data["runs"][0]
    for r in run["results"]:
        if "forksafe/v1" not in r.get("partialFingerprints", {}):
            fail("result without partialFingerprints")
        if r["ruleIndex"] >= len(run["tool"]["driver"]["rules"]):
            fail("ruleIndex out of range")
    print("sarif ok: %d results" % len(run["results"]))
elif mode == "seed-flow":
    result = data["runs"][0]["results"][0]
    steps = result["codeFlows"][0]["threadFlows"][0]["locations"]
    texts = [s["location"]["message"]["text"] for s in steps]
    for word in ["connected here", "forks here", "used here in the child"]:
        if not any(word in t for t in texts):
            fail("no code-flow step saying '%s'" % word)
    primary = result["locations"][0]["physicalLocation"]["artifactLocation"]
    print("primary %s; steps:" % primary["uri"])
    for s in steps:
        loc = s["location"]["physicalLocation"]
        print("  %s:%d %s" % (loc["artifactLocation"]["uri"],
                              loc["region"]["startLine"], s["location"]["message"]["text"]))
elif mode == "json":
    if data.get("format") != "forksafe-report" or data.get("version") != 1:
        fail("not a forksafe-report version 1")
    for f in data["findings"]:
        for key in ["check", "level", "message", "location", "handle", "notes", "fingerprint"]:
            if key not in f:
                fail("finding without '%s'" % key)
    print("json ok: %d findings, %d not analysed, %d suppressed" % (
        len(data["findings"]), len(data["notAnalysed"]), data["suppressedByBaseline"]))
elif mode == "codeclimate":
    if not isinstance(data, list):
        fail("Code Quality reports are a JSON array")
    for issue in data:
        for key in ["description", "check_name", "fingerprint", "severity", "location"]:
            if key not in issue:
                fail("issue without '%s'" % key)
        if issue["location"]["path"].startswith("/"):
            fail("path is not relative to the source root")
    print("codeclimate ok: %d issues" % len(data))
