# weakref.finalize: a cleanup function tied to an object's death, called at most once.
import gc
import weakref

class Connection:
    pass

def close(name):
    print("  close", name)

gc.disable()
gc.collect()
c = Connection()
f = weakref.finalize(c, close, "c")
print("f.alive:", f.alive)
print("del c")
del c
print("f.alive:", f.alive, " calling f() again returns", f())

d = Connection()
d.me = d            # a cycle: the collector's weak reference callbacks run it
g = weakref.finalize(d, close, "d")
del d
print("gc.collect()")
print("  returned", gc.collect(), " g.alive:", g.alive)

e = Connection()
h = weakref.finalize(e, close, "e")
print("h() closes e now, while it lives")
h()
print("h.alive:", h.alive, " del e")
del e

class Leaky:
    def close(self):
        print("  close the Leaky")

leaky = Leaky()
k = weakref.finalize(leaky, leaky.close)    # a bound method: it holds leaky
del leaky
print("a finalizer that holds its own object: after del, k.alive:", k.alive,
      " atexit:", k.atexit)
print("end of the program")
