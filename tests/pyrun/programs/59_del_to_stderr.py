# __del__ methods writing to stderr while the main program writes to stdout.
import gc
import sys

class Logged:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name, file=sys.stderr)

gc.disable()
gc.collect()
a = Logged("a")
b = Logged("b")
print("del a")
del a
items = [Logged("i0"), Logged("i1")]
print("items = []")
items = []
c = Logged("c")
c.me = c
del c
print("collect:", gc.collect())
b = None
print("end", file=sys.stderr)
print("end")
