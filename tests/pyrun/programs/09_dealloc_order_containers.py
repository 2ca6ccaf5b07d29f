# Deallocation order of container items: lists and tuples last-to-first, dicts in insertion order.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print(self.n, end=" ")

l = [A(1), A(2), A(3), A(4)]
del l
print("<- list")
t = (A(1), A(2), A(3))
del t
print("<- tuple")
d = {"a": A(1), "b": A(2), "c": A(3)}
del d
print("<- dict values")
d = {}
d["z"] = A(1)
d["y"] = A(2)
d["x"] = A(3)
d["z"] = A(4)
del d
print("<- dict, key z overwritten (1 freed first)")
k = {A(1): "one", A(2): "two"}
del k
print("<- dict keys")
l = [A(1), A(2), A(3)]
l.reverse()
del l
print("<- reversed list")
l = [A(3), A(1), A(2)]
l.sort(key=lambda a: a.n)
l = None
print("<- sorted list")
l = [A(i) for i in range(5)]
l[1:4] = [A(10)]
print("<- slice replaced")
l.clear()
print("<- clear()")
