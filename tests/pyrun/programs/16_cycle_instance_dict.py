# What gc.collect() counts for instances: the instance, plus its __dict__ only if one was made.
import gc

class C:
    pass

class S:
    __slots__ = ("other",)

gc.disable()
gc.collect()
x = C()
x.me = x
del x
print("instance with inline attributes:", gc.collect())
x = C()
x.me = x
x.__dict__
del x
print("instance whose __dict__ was read:", gc.collect())
x = C()
y = C()
x.y = y
y.x = x
del x, y
print("two instances:", gc.collect())
x = C()
x.me = x
x.data = [1, 2]
x.more = {"k": [3]}
del x
print("instance, a list, a dict holding a list:", gc.collect())
s1 = S()
s2 = S()
s1.other = s2
s2.other = s1
del s1, s2
print("two slotted instances:", gc.collect())
x = C()
x.a = 1
x.b = 2
x.me = x
x.__dict__["c"] = 3
print("attributes via __dict__:", sorted(k for k in x.__dict__ if k != "me"))
del x
print("after writing to __dict__:", gc.collect())
