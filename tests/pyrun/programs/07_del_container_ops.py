# __del__ timing for container operations: del l[i], pop, remove, slices, clear, dict ops.
class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  destroy", self.name)

l = [N("l" + str(i)) for i in range(6)]
print("del l[0]")
del l[0]
print("l.pop() discarded")
l.pop()
print("l.remove(l[1])")
l.remove(l[1])
print("del l[0:2]")
del l[0:2]
print("left:", [x.name for x in l])
print("l.clear()")
l.clear()
d = {"a": N("da"), "b": N("db"), "c": N("dc")}
print("d.pop('b')")
d.pop("b")
print("d['a'] = None")
d["a"] = None
print("del d['c']")
del d["c"]
print("d.update(...)")
d.update({"a": N("new a")})
d.update({"a": 1})
s = [N("s0"), N("s1"), N("s2"), N("s3")]
print("s[1:3] = []")
s[1:3] = []
print("s = s[:1]")
s = s[:1]
del s
print("end")
