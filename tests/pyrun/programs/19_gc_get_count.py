# gc.get_count(): instances move generation 0 by +1/-1; collections move generations 1 and 2.
# (Generation 0 is shown as differences measured with nothing printed in between: CPython's
# list/dict free lists and print's temporaries make its absolute value interpreter-specific.)
import gc

class C:
    pass

gc.disable()
gc.collect()
print("after collect:        ", gc.get_count())
keep = []
c0 = gc.get_count()[0]
for k in range(5):
    keep.append(C())
c1 = gc.get_count()[0]
keep.pop()
c2 = gc.get_count()[0]
keep.append(12345678901234567890)
keep.append("not" + " tracked")
keep.append(2.5)
c3 = gc.get_count()[0]
del keep[0:4]
c4 = gc.get_count()[0]
print("5 instances:          ", c1 - c0)
print("one instance freed:   ", c2 - c1)
print("an int, a str, a float:", c3 - c2)
print("4 instances freed:    ", c4 - c3)
print("generation 0 > 0:     ", gc.get_count()[0] > 0)
gc.collect(0)
print("after collect(0):     ", gc.get_count())
gc.collect(0)
print("again collect(0):     ", gc.get_count())
gc.collect(0)
print("third collect(0):     ", gc.get_count())
gc.collect(1)
print("after collect(1):     ", gc.get_count())
gc.collect(1)
print("again collect(1):     ", gc.get_count())
gc.collect(2)
print("after collect(2):     ", gc.get_count())
