# Reference counts through attributes, class attributes and closure cells.
import sys

class C:
    pass

class Holder:
    def __init__(self, thing):
        self.thing = thing
        self.again = thing

x = C()
print("start:                 ", sys.getrefcount(x))
h = Holder(x)
print("held twice by Holder:  ", sys.getrefcount(x))
h.again = None
print("h.again = None:        ", sys.getrefcount(x))
del h.thing
print("del h.thing:           ", sys.getrefcount(x))
Holder.shared = x
print("class attribute:       ", sys.getrefcount(x))
del Holder.shared
print("class attribute gone:  ", sys.getrefcount(x))

def make():
    obj = C()
    def inner():
        return obj
    return inner, obj

fn, o = make()
print("captured in a cell:    ", sys.getrefcount(o))
del fn
print("closure deleted:       ", sys.getrefcount(o))

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

inc = counter()
inc()
inc()
print("nonlocal counter:      ", inc())
h2 = Holder(x)
h2.self = h2
print("holder refers to itself:", sys.getrefcount(h2))
del h2.self
print("self link removed:     ", sys.getrefcount(h2))
