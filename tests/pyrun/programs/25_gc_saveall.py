# gc.set_debug(gc.DEBUG_SAVEALL): collected objects go to gc.garbage instead of being freed.
import gc

class Node:
    pass

gc.disable()
gc.collect()
print("debug flags:", gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print("DEBUG_SAVEALL set:", gc.get_debug() == gc.DEBUG_SAVEALL)
a = Node()
b = Node()
a.peer = b
b.peer = a
a.data = [1, 2]
del a, b
l = []
l.append(l)
del l
print("collect:", gc.collect())
print("garbage:", sorted(type(o).__name__ for o in gc.garbage))
print("the Nodes still point at each other:", gc.garbage[0].peer.peer is gc.garbage[0])
print("second collect:", gc.collect())
print("garbage size:", len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print("after clear, collect:", gc.collect())
print("Nodes alive:", sum(1 for o in gc.get_objects() if type(o) is Node))
