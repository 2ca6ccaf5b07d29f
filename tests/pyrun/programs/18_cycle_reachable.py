# A cycle that is still reachable from a live object is not garbage; cut the link, and it is.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

gc.disable()
gc.collect()
root = Node("root")
a = Node("a")
b = Node("b")
a.peer, b.peer = b, a
root.peer = a
del a, b
print("cycle hanging off root:", gc.collect())
print("root.peer.peer.name:", root.peer.peer.name)
holder = [root.peer.peer]
root.peer = None
print("root cut, list still holds b:", gc.collect())
holder.pop()
print("list emptied:", gc.collect())

garbage_holder = Node("g")
garbage_holder.peer = garbage_holder
garbage_holder.child = Node("child-of-garbage")
live = garbage_holder.child
del garbage_holder
print("garbage cycle pointing at a live object:", gc.collect())
print("live object survives:", live.name)

keep = {"k": []}
keep["k"].append(keep["k"])
print("self-list inside a global dict:", gc.collect())
del keep["k"]
print("removed from the dict:", gc.collect())
