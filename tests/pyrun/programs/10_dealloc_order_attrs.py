# Deallocation order of instance attributes (insertion order), and of a class with __slots__.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print(self.n, end=" ")

class Box:
    pass

b = Box()
b.first = A(1)
b.second = A(2)
b.third = A(3)
del b
print("<- attributes")

b = Box()
b.x = A(1)
b.y = A(2)
b.z = A(3)
b.x = A(4)
del b
print("<- x rebound (1 freed at rebinding)")

b = Box()
b.p = A(1)
b.q = A(2)
b.r = A(3)
del b.q
del b
print("<- q deleted first")

class Slotted:
    __slots__ = ("a", "b", "c")

s = Slotted()
s.a = A(1)
s.b = A(2)
s.c = A(3)
del s
print("<- slots")

class Base:
    def __init__(self):
        self.base_attr = A("base")

class Derived(Base):
    def __init__(self):
        self.own = A("own")
        super().__init__()

d = Derived()
del d
print("<- derived: own set before super().__init__()")
