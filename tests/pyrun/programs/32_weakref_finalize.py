# weakref.finalize: called once at death (refcount or gc path), with args; alive, detach, atexit.
import gc
import weakref

class Conn:
    def __init__(self, name):
        self.name = name

def close(name, mode="normal"):
    print("  close", name, mode)
    return "closed " + name

gc.disable()
gc.collect()
c = Conn("c")
f = weakref.finalize(c, close, "c")
print("alive:", f.alive, "atexit:", f.atexit)
print("del c")
del c
print("alive:", f.alive, "second call returns:", f())

d = Conn("d")
d.me = d
g = weakref.finalize(d, close, "d", mode="cycle")
del d
print("gc.collect()")
print("  returned", gc.collect(), "alive:", g.alive)

e = Conn("e")
h = weakref.finalize(e, close, "e")
print("calling h() early returns:", h())
print("alive:", h.alive)
del e
print("e deleted, nothing more")

x = Conn("x")
k = weakref.finalize(x, close, "x")
print("detach gives back the object name:", k.detach()[0].name)
print("alive after detach:", k.alive, "detach again:", k.detach())
del x
print("x deleted, no close")

y = Conn("y")
m1 = weakref.finalize(y, close, "y", "first")
m2 = weakref.finalize(y, close, "y", "second")
m2.atexit = False
print("m2.atexit:", m2.atexit)
print("del y (two finalizers)")
del y
print("end")
