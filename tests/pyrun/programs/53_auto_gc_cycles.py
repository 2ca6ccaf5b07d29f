# Automatic collection frees cycles without gc.collect(); a callback counts runs and objects.
import gc

class Node:
    pass

collected = [0, 0, 0]
runs = [0, 0, 0]

def watch(phase, info):
    if phase == "stop":
        runs[info["generation"]] += 1
        collected[info["generation"]] += info["collected"]

gc.enable()
gc.set_threshold(100, 5, 1000)
gc.callbacks.append(watch)
gc.collect()
runs = [0, 0, 0]
collected = [0, 0, 0]
for k in range(3000):
    a = Node()
    b = Node()
    a.peer, b.peer = b, a
del a, b
gc.callbacks.remove(watch)
gc.disable()
print("runs per generation:", runs)
print("generation 2 never ran:", runs[2] == 0 and collected[2] == 0)
alive = sum(1 for o in gc.get_objects() if type(o) is Node)
print("at most 101 Nodes left uncollected:", alive <= 101)
print("created 6000, collected + alive:", sum(collected) + alive)
print("final collect frees the rest:", gc.collect() == alive)
gc.set_threshold(700, 10, 10)
