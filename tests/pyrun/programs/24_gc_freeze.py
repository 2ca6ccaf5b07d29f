# gc.freeze(): moves everything tracked into a permanent generation the collector ignores.
import gc

class Node:
    pass

gc.disable()
gc.collect()
print("frozen at start:", gc.get_freeze_count())
a = Node()
a.me = a
before = gc.get_freeze_count()
gc.freeze()
print("freeze count grew:", gc.get_freeze_count() > before)
print("count after freeze:", gc.get_count())
print("gen 0/1/2 hold a Node:", [any(type(o) is Node for o in gc.get_objects(g)) for g in range(3)])
del a
print("collect with the cycle frozen:", gc.collect())
b = Node()
b.me = b
del b
print("a new cycle is collected:", gc.collect())
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
print("collect now:", gc.collect())
print("Nodes alive:", sum(1 for o in gc.get_objects() if type(o) is Node))
