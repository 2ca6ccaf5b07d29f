# Reference counts as an object is stored in and removed from lists, dicts, tuples and sets.
import sys

class C:
    pass

x = C()
print("start:               ", sys.getrefcount(x))
l = [x, x]
print("in a list twice:     ", sys.getrefcount(x))
l.append(x)
print("appended:            ", sys.getrefcount(x))
l.pop()
print("popped (discarded):  ", sys.getrefcount(x))
d = {"k": x}
print("dict value:          ", sys.getrefcount(x))
d["j"] = x
print("second dict value:   ", sys.getrefcount(x))
d[x] = 1
print("as a dict key:       ", sys.getrefcount(x))
del d["k"]
print("del d['k']:          ", sys.getrefcount(x))
d.clear()
print("d.clear():           ", sys.getrefcount(x))
s = {x}
s.add(x)
print("in a set (added twice):", sys.getrefcount(x))
s.discard(x)
print("discarded:           ", sys.getrefcount(x))
t = (x, [x], {"a": x})
print("tuple, nested:       ", sys.getrefcount(x))
del t
print("del t:               ", sys.getrefcount(x))
l2 = l[:]
print("slice copy of l:     ", sys.getrefcount(x))
l.clear()
l2.clear()
print("both cleared:        ", sys.getrefcount(x))
m = [[x] * 3 for _ in range(2)]
print("comprehension 2x3:   ", sys.getrefcount(x))
del m
print("end:                 ", sys.getrefcount(x))
