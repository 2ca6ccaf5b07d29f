# Unbounded recursion raises RecursionError, which can be caught; the program goes on.
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("caught:", type(e).__name__)
    print("is a RuntimeError:", isinstance(e, RuntimeError))

old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
print("limit set to:", sys.getrecursionlimit())

reached = 0
def count(n):
    global reached
    reached = n
    count(n + 1)

try:
    count(1)
except RecursionError:
    print("caught again, reached more than 100:", reached > 100, "and at most 200:", reached <= 200)
sys.setrecursionlimit(old)
print("limit restored:", sys.getrecursionlimit() == old)

def safe(n):
    if n == 0:
        return 0
    return 1 + safe(n - 1)

print("depth 150 works after restoring:", safe(150))
