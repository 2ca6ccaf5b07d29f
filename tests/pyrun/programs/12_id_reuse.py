# id() reuse: a freed object's memory is reused at once for an object of the same size.
class C:
    pass

class D:
    def __init__(self):
        self.x = 1

print("id(C()) == id(C()):", id(C()) == id(C()))
a = C()
b = C()
print("two live objects share an id:", id(a) == id(b))
i = id(a)
del a
c = C()
print("new C after del reuses the id:", id(c) == i)
print("id(D()) == id(D()):", id(D()) == id(D()))
print("id([]) == id([]):", id([]) == id([]))
print("same object, same id:", id(b) == id(b))
x = [1, 2]
y = x
print("alias has the same id:", id(x) == id(y))
print("copy has another id:", id(x) == id(x[:]))
ids = set()
for k in range(10):
    ids.add(id(C()))
print("10 temporaries in a loop used", len(ids), "address(es)")
keep = [C() for k in range(10)]
print("10 kept objects have", len(set(id(o) for o in keep)), "ids")
print("small ints: int('7') is int('7'):", int("7") is int("7"))
