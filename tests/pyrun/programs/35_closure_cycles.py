# Closures and cells in cycles: a function that refers to itself through its cell.
import gc

class Res:
    def __del__(self):
        print("  __del__ Res")

gc.disable()
gc.collect()

def make_recursive():
    res = Res()
    def fact(n):
        keep = res
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

f = make_recursive()
print("fact(10):", f(10))
del f
print("function -> cell -> function cycle; collect:", gc.collect())

def make_pair():
    state = {"count": 0}
    def inc():
        state["count"] += 1
        return state["count"]
    state["inc"] = inc
    return inc

g = make_pair()
g()
print("inc() again:", g())
del g
print("dict <-> closure cycle; collect:", gc.collect())

def no_cycle():
    res = Res()
    def get():
        return res
    return get

h = no_cycle()
print("closure without a cycle, del:")
del h
print("collect:", gc.collect())

def counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return step

s1 = counter()
s2 = counter()
s1()
s1()
print("independent cells:", s1(), s2())
adders = [lambda x, k=k: x + k for k in range(3)]
print("defaults capture each k:", [a(10) for a in adders])
late = [lambda x: x + k for k in range(3)]
print("late binding sees last k:", [a(10) for a in late])
