# Recursive functions (depth about 50): results and that their locals are freed on return.
import sys

class Frame:
    alive = 0

    def __init__(self):
        Frame.alive += 1

    def __del__(self):
        Frame.alive -= 1

def depth(n):
    marker = Frame()
    if n == 0:
        return Frame.alive
    return depth(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print("markers alive at the bottom of depth(50):", depth(50))
print("markers alive afterwards:", Frame.alive)
print("fib(20):", fib(20))
print("flatten:", flatten([1, [2, [3, [4, [5]]]], 6, [[7]]]))
print("ackermann(2, 3):", ackermann(2, 3))
nested = []
cur = nested
for k in range(50):
    nxt = [k]
    cur.append(nxt)
    cur = nxt
print("flatten of 50 levels:", sum(flatten(nested)))
print("recursion limit is an int:", isinstance(sys.getrecursionlimit(), int))
