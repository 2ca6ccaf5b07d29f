# The "Cycles" chapter's loop of two-node cycles, this time with
# automatic collection on, as every Python program starts.
# Nobody calls gc.collect().
import gc

class Node:
    pass

collections = [0, 0, 0]
found = 0
most_alive = 0

def watch(phase, info):
    global found, most_alive
    if phase == "start":
        alive = sum(1 for o in gc.get_objects(0) if type(o) is Node)
        most_alive = max(most_alive, alive)
    else:
        collections[info["generation"]] += 1
        found += info["collected"]

gc.callbacks.append(watch)
for i in range(20000):
    a, b = Node(), Node()
    a.next, b.next = b, a
    del a, b
gc.callbacks.remove(watch)

print("pairs created:        20000")
print("collections (gen 0, 1, 2):", collections)
print("objects they found:  ", found)
print("most Nodes alive at once:", most_alive)
print("Nodes alive at the end:  ", sum(1 for o in gc.get_objects() if type(o) is Node))
