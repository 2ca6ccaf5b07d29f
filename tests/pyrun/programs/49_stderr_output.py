# Output to sys.stderr with print(file=...), sep and end, interleaved with stdout.
import sys

print("stdout line 1")
print("stderr line 1", file=sys.stderr)
print("a", "b", "c", sep="-", file=sys.stderr)
print("no newline", end="", file=sys.stderr)
print(" ... continued", file=sys.stderr)
print("stdout", "with", "sep", sep=", ")
print("end marker", end="!\n")
for k in range(3):
    print("err", k, file=sys.stderr, end=";")
print(file=sys.stderr)
print(1, 2.5, None, True, [1, "a"], (1,), {"k": "v"}, file=sys.stderr)
print()
print("", file=sys.stderr)
print("stdout last")
