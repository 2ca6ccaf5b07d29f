# Survivors move one generation up per collection that examines them.
import gc

gc.disable()
gc.collect()

def where(o):
    return [g for g in range(3) if any(o is e for e in gc.get_objects(generation=g))]

l = []
l.append(l)
m = [l]
print("new:              ", where(l), where(m))
gc.collect(0)
print("after collect(0): ", where(l), where(m))
n = []
print("fresh n:          ", where(n))
gc.collect(0)
print("after collect(0): ", where(l), where(m), where(n))
gc.collect(1)
print("after collect(1): ", where(l), where(m), where(n))
gc.collect(1)
print("after collect(1): ", where(l), where(m), where(n))
gc.collect(2)
print("after collect(2): ", where(l), where(m), where(n))
o = []
gc.collect(1)
print("collect(1) on new:", where(o))
