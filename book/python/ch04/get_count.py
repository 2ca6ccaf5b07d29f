# How gc.get_count() moves: container allocations minus deallocations for generation 0,
# collections of the generation below for generations 1 and 2.
import gc

class C:
    pass

gc.disable()
gc.collect()
print("after gc.collect():       ", gc.get_count())
keep = []
for _ in range(5):
    keep.append(C())
print("a list and 5 instances:   ", gc.get_count())
keep.pop()
print("one instance freed:       ", gc.get_count())
gc.collect(0)
print("after gc.collect(0):      ", gc.get_count())
gc.collect(0)
print("after another collect(0): ", gc.get_count())
gc.collect(1)
print("after gc.collect(1):      ", gc.get_count())
gc.collect(2)
print("after gc.collect(2):      ", gc.get_count())
