# General Python: try/except/else/finally ordering, loops with else, break/continue, raise from None.
log = []

def step(tag, fail=False):
    try:
        log.append("try " + tag)
        if fail:
            raise ValueError(tag)
    except ValueError as e:
        log.append("except " + str(e))
        return "from except"
    else:
        log.append("else " + tag)
        return "from else"
    finally:
        log.append("finally " + tag)

print(step("a"), "|", step("b", True))
print(log)

def finally_wins():
    try:
        return "try"
    finally:
        print("  finally runs before the return completes")

print("finally_wins():", finally_wins())

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print("<- primes via for/else")

k = 0
while k < 5:
    k += 1
else:
    print("while/else ran, k =", k)

class NotFound(Exception):
    pass

def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise NotFound("no " + key) from None

try:
    lookup({}, "x")
except NotFound as e:
    print("NotFound:", e, "| a subclass of Exception:", isinstance(e, Exception))

def nested():
    try:
        try:
            raise TypeError("inner")
        except TypeError as e:
            raise RuntimeError("outer after " + str(e))
    except RuntimeError as e:
        return type(e).__name__ + ": " + str(e)

print("nested:", nested())
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
result = "big" if k > 3 else "small"
print("conditional expression:", result, "| and/or:", 0 or "default", 3 and 4, not [])
