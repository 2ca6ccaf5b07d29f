# A weak reference that is itself part of the garbage: its callback is never called.
import gc
import weakref

class C:
    pass

def inside_callback(ref):
    print("  callback of a.watch, the weak reference inside the garbage")

def outside_callback(ref):
    print("  callback of outside, the weak reference held by a global")

gc.disable()
gc.collect()
a = C()
b = C()
a.peer, b.peer = b, a
a.watch = weakref.ref(b, inside_callback)
outside = weakref.ref(b, outside_callback)
del a, b
print("gc.collect()")
print("  returned", gc.collect())
print("outside() is", outside())
