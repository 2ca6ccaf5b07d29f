# A finalizer of the kind Python had before 3.4 (a C-level tp_del), in a cycle.
# _testcapi is CPython's test helper module; with_tp_del gives a class such a finalizer.
import gc
import io
import re
import sys
from _testcapi import with_tp_del

@with_tp_del
class Legacy:
    def __tp_del__(self):
        print("  __tp_del__ called")

gc.disable()
gc.collect()
before = gc.get_stats()[2]["uncollectable"]

x = Legacy()
x.me = x            # a cycle of one
y = Legacy()
y.items = [y]       # a cycle of two: y and a list
del x, y

gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
sys.stderr = io.StringIO()          # the debug lines go to sys.stderr; keep them
found = gc.collect()
debug, sys.stderr = sys.stderr.getvalue(), sys.__stderr__
gc.set_debug(0)

print("gc.collect() returned", found)
print("uncollectable in the statistics:", gc.get_stats()[2]["uncollectable"] - before)
print("DEBUG_UNCOLLECTABLE printed (addresses removed):")
for line in debug.splitlines():
    print("  " + re.sub(r" at 0x[0-9a-f]+| 0x[0-9a-f]+", "", line))
print("gc.garbage:", [type(o).__name__ for o in gc.garbage])

print("a second gc.collect() returns", gc.collect(), "- gc.garbage holds them now")
print("the program breaks the cycles itself, and empties gc.garbage:")
for o in gc.garbage:
    o.__dict__.clear()
del o
gc.garbage.clear()
print("gc.collect() returns", gc.collect())
