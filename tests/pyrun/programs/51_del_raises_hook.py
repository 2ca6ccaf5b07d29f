# An exception raised by __del__ goes to sys.unraisablehook; the program carries on.
import sys

def hook(u):
    print("unraisable:", type(u.exc_value).__name__, "-", u.exc_value, "- in", u.object.__qualname__)

sys.unraisablehook = hook

class Bad:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name)
        raise ValueError("cannot close " + self.name)

class Worse(Bad):
    def __del__(self):
        print("  __del__ (Worse)", self.name)
        1 / 0

print("del b")
b = Bad("b")
del b
print("the program goes on")
w = Worse("w")
w = None
print("a list of two Bads cleared:")
l = [Bad("x"), Bad("y")]
l.clear()

def scope():
    tmp = Bad("local")
    return "returned"

print("scope() ->", scope())
print("end")
