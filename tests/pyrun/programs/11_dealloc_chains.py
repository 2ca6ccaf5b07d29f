# A chain of objects with __del__: each __del__ runs before the next object is freed.
class Link:
    def __init__(self, name, nxt=None):
        self.name = name
        self.nxt = nxt

    def __del__(self):
        nxt = self.nxt.name if self.nxt is not None else "-"
        print("  __del__", self.name, "next:", nxt)

head = Link("a", Link("b", Link("c", Link("d"))))
print("del head")
del head

print("nested containers:")
outer = [Link("o1"), [Link("i1"), Link("i2")], Link("o2"), (Link("t1"), Link("t2"))]
del outer

print("dict of lists:")
d = {"x": [Link("x0"), Link("x1")], "y": [Link("y0")]}
del d

print("object holding a list of objects:")
class Bag:
    def __init__(self):
        self.items = [Link("bag0"), Link("bag1")]
        self.tag = Link("tag")

    def __del__(self):
        print("  __del__ Bag with", len(self.items), "items")

bag = Bag()
del bag
print("done")
