# A survivor moves one generation up per collection that examines it.
import gc

gc.disable()
gc.collect()
l = []
l.append(l)

def where(o):
    return [g for g in range(3) if any(o is e for e in gc.get_objects(generation=g))]

print("new:              ", where(l))
gc.collect(0)
print("after collect(0): ", where(l))
gc.collect(0)
print("after collect(0): ", where(l))
gc.collect(1)
print("after collect(1): ", where(l))
gc.collect(2)
print("after collect(2): ", where(l))
