"""complete.test.py SRCROOT LIST: checks the registry's listing (forksafe
--list-checks --verbose) against the doc pages and test folders."""
import os
import sys

root, listing = sys.argv[1], open(sys.argv[2]).read().splitlines()
checks, docs, summaries = [], {}, {}
for line in listing:
    if line.startswith("    ") and not line.startswith("        "):
        checks.append(line.strip())
    elif line.startswith("        ") and checks[-1] not in summaries:
        summaries[checks[-1]] = line.strip()
    elif line.strip().startswith("doc: "):
        docs[checks[-1]] = line.strip()[len("doc: "):]
problems = []
for c in checks:
    doc = docs.get(c)
    if doc != "checker/docs/checks/%s.md" % c:
        problems.append("%s: doc path %r is not checker/docs/checks/%s.md" % (c, doc, c))
    elif not os.path.isfile(os.path.join(root, doc)):
        problems.append("%s: no doc page %s" % (c, doc))
    else:
        # The page's first paragraph is the registry's summary (markdown's
        # backquotes aside): one text, not two that drift apart.
        paragraphs = open(os.path.join(root, doc)).read().split("\n\n")
        first = " ".join(paragraphs[1].split()).replace("`", "")
        if first != summaries.get(c):
            problems.append("%s: the doc page's first paragraph %r is not the "
                            "registry's summary %r" % (c, first, summaries.get(c)))
    tests = os.path.join(root, "tests", "checks", c[len("forksafe-"):])
    if not os.path.isdir(tests) or not any(
            f.endswith((".c", ".cpp", ".test")) for f in os.listdir(tests)):
        problems.append("%s: no tests in tests/checks/%s/" % (c, c[len("forksafe-"):]))
for page in os.listdir(os.path.join(root, "checker", "docs", "checks")):
    if page.endswith(".md") and page[:-3] not in checks:
        problems.append("doc page %s belongs to no registered check" % page)
for folder in os.listdir(os.path.join(root, "tests", "checks")):
    if folder != "known-false-positives" and "forksafe-" + folder not in checks:
        problems.append("tests/checks/%s/ belongs to no registered check" % folder)
for p in problems:
    print("complete.test: " + p)
sys.exit(1 if problems or not checks else 0)
