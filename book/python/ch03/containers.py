import gc, sys

gc.disable()
gc.collect()

l = []
l.append(l)
print("a list containing itself: getrefcount =", sys.getrefcount(l))
del l
print("gc.collect() ->", gc.collect())

l = []
t = (l,)
l.append(t)
del l, t
print("a list and a tuple holding each other: gc.collect() ->", gc.collect())

class C:
    pass

x = C()
x.self = x
x.items = [1, 2, 3]
del x
print("an instance holding itself and a list: gc.collect() ->", gc.collect())
