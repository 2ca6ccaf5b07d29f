import gc

class Node:
    def __init__(self):
        self.next = None

gc.disable()
gc.collect()
for i in range(1, 10_001):
    a, b = Node(), Node()
    a.next, b.next = b, a
    del a, b
    if i % 2_500 == 0:
        print(f"after {i:>6} pairs: {len(gc.get_objects()):>6} objects tracked by gc")
print("gc.collect() ->", gc.collect())
print(f"afterwards:        {len(gc.get_objects()):>6} objects tracked by gc")
