# General Python: class vs instance attributes, inheritance, overriding, super(), __repr__/__str__/__eq__.
class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return self.name + " makes a sound"

    def describe(self):
        return self.name + " is a " + self.kind + ": " + self.speak()

    def __repr__(self):
        return type(self).__name__ + "(" + repr(self.name) + ")"

class Dog(Animal):
    kind = "dog"

    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        return self.name + " barks"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"

    def __str__(self):
        return "puppy " + self.name

a = Animal("generic")
d = Dog("rex", ["sit"])
p = Puppy("bit", [])
for x in (a, d, p):
    print(x.describe())
print("reprs:", [a, d, p])
print("str(p):", str(p), "| repr(p):", repr(p), "| f-string:", f"{p}")
print("count:", Animal.count, "kind via instance:", p.kind)
p.kind = "own"
print("instance attribute shadows:", p.kind, "| class still:", Puppy.kind)
del p.kind
print("after del:", p.kind)
print("isinstance:", isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal))
print("type names:", type(p).__name__, type(d).__name__)
print("hasattr/getattr:", hasattr(d, "tricks"), hasattr(a, "tricks"), getattr(a, "tricks", "none"))
setattr(a, "legs", 4)
print("setattr:", a.legs)
print("dir, own names:", [n for n in dir(d) if not n.startswith("__")])

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return self.x * 1000 + self.y

print("eq:", Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1), Point(1, 2) in [Point(1, 2)])
print("set of points:", len({Point(1, 2), Point(1, 2), Point(0, 0)}))
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
