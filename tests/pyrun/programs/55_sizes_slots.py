# sys.getsizeof of instances, containers, ints and strs; __slots__ instances and their refcounts.
import sys

class C:
    pass

class S2:
    __slots__ = ("a", "b")

class S0:
    __slots__ = ()

print("instance:", sys.getsizeof(C()))
print("slots 2, slots 0:", sys.getsizeof(S2()), sys.getsizeof(S0()))
print("object():", sys.getsizeof(object()))
print("empty list/tuple/dict:", sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof({}))
print("list of 3, tuple of 3:", sys.getsizeof([1, 2, 3]), sys.getsizeof((1, 2, 3)))
l = []
sizes = []
for k in range(10):
    sizes.append(sys.getsizeof(l))
    l.append(k)
print("list growth:", sizes)
d = {}
dsizes = []
for k in range(10):
    dsizes.append(sys.getsizeof(d))
    d[k] = k
print("dict growth:", dsizes)
print("ints:", [sys.getsizeof(n) for n in (0, 1, 2 ** 30 - 1, 2 ** 30, 2 ** 60, 2 ** 100, -5)])
print("strs:", [sys.getsizeof(s) for s in ("", "a", "hello", "x" * 100)])
print("float, True, None:", sys.getsizeof(1.5), sys.getsizeof(True), sys.getsizeof(None))
s = S2()
x = C()
s.a = x
s.b = x
print("refcount via two slots:", sys.getrefcount(x))
del s.a
print("after del s.a:", sys.getrefcount(x))
try:
    s.c = 1
except AttributeError:
    print("AttributeError: no slot c")
try:
    s.a
except AttributeError:
    print("AttributeError: empty slot a")
print("hasattr empty slot:", hasattr(s, "a"), "filled:", hasattr(s, "b"))
del s
print("after del s:", sys.getrefcount(x))
