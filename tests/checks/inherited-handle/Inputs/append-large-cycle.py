"""Prints a C file followed by a cycle of FUNCTIONS functions that test
GLOBALS global flags between them: every member reads, through the others,
every flag, so per-function read sets would hold FUNCTIONS x GLOBALS
entries. Usage: append-large-cycle.py FILE [FUNCTIONS GLOBALS]"""
import sys

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 600
g = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
sys.stdout.write(open(path).read())
print("\n/* Generated: a large strongly connected component. */")
for k in range(g):
    print(f"int cycle_flag{k};")
for i in range(n):
    print(f"void cycle_fn{i}(int depth);")
for i in range(n):
    tests = " ".join(f"if (cycle_flag{(i * 2 + j) % g}) depth++;" for j in range(2))
    print(f"void cycle_fn{i}(int depth) {{ {tests} if (depth < 3) cycle_fn{(i + 1) % n}(depth + 1); }}")
