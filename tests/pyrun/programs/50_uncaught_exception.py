# An uncaught exception raised two calls deep: traceback on stderr, exit status 1.
import sys

def parse(text):
    value = int(text)
    return value

def check(items):
    total = 0
    for item in items:
        total += parse(item)
    if total > 10:
        raise ValueError("total too large: " + str(total))
    return total

print("check ok:", check(["1", "2"]))
print("about to fail", file=sys.stderr)
check(["5", "6"])
print("never printed")
