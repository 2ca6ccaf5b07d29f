# gc.get_referents / gc.get_referrers of the program's own objects, shown as type names.
import gc

class Node:
    def __init__(self, name):
        self.name = name

gc.disable()
gc.collect()
a = Node("a")
b = Node("b")
a.child = b
holder = [b, b]
box = {"b": b}
t = (b, 1)

def names(objs):
    return sorted(type(o).__name__ for o in objs)

print("referents of a:", names(gc.get_referents(a)))
print("referents of holder:", names(gc.get_referents(holder)))
print("referents of box:", names(gc.get_referents(box)))
print("referents of t:", names(gc.get_referents(t)))
print("referents of [1, 'x']:", names(gc.get_referents([1, "x"])))
mine = (a, holder, box, t)
print("referrers of b among mine:", names(o for o in gc.get_referrers(b) if any(o is m for m in mine)))
print("a is a referrer of b:", any(o is a for o in gc.get_referrers(b)))
holder.clear()
print("after clear, holder refers to b:", any(o is holder for o in gc.get_referrers(b)))
x = Node("x")
x.__dict__
print("referents once __dict__ exists:", names(gc.get_referents(x)))
print("referents of 5 (an atom):", gc.get_referents(5))
