# __del__ runs exactly when the last reference goes: del, rebinding, overwriting.
class Noisy:
    def __init__(self, name):
        self.name = name
        print("create", name)

    def __del__(self):
        print("destroy", self.name)

a = Noisy("a")
b = a
print("del a (b still refers)")
del a
print("del b")
del b
print("rebinding c")
c = Noisy("c1")
c = Noisy("c2")
print("c is now", c.name)
print("c = None")
c = None
print("temporaries:")
Noisy("t1")
print("after t1 statement")
n = Noisy("t2").name
print("got name", n)
print("overwriting a list element")
l = [Noisy("e0"), Noisy("e1")]
l[0] = Noisy("e2")
print("now", [x.name for x in l])
print("del l")
del l
print("end of program")
