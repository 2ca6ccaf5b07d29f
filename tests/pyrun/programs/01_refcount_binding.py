# Reference counts of an instance as names are bound, rebound and deleted.
import sys

class C:
    pass

print("temporary C():", sys.getrefcount(C()))
x = C()
print("x = C():      ", sys.getrefcount(x))
y = x
print("y = x:        ", sys.getrefcount(x))
z = y
print("z = y:        ", sys.getrefcount(x))
y = None
print("y = None:     ", sys.getrefcount(x))
del z
print("del z:        ", sys.getrefcount(x))
a = b = x
print("a = b = x:    ", sys.getrefcount(x))
a, b = 1, 2
print("a, b = 1, 2:  ", sys.getrefcount(x))
l = []
print("empty list:   ", sys.getrefcount(l))
t = (l, l, l)
print("tuple of 3 l: ", sys.getrefcount(l))
del t
print("del t:        ", sys.getrefcount(l))
