# Where each reference to one object is, as sys.getrefcount counts them.
import sys


class Node:
    def show(self, label):
        # self is a local of this frame: one more reference.
        print(f"{label:<34}", sys.getrefcount(self))


def inspect(obj):
    # The caller's argument moved into this frame's variable obj.
    print(f"{'as the parameter of a function:':<34}", sys.getrefcount(obj))


n = Node()
print(f"{'bound to the name n:':<34}", sys.getrefcount(n))
inspect(n)
n.show("as self in a method:")
keep = [n, n]
print(f"{'also held twice by a list:':<34}", sys.getrefcount(n))
del keep
print(f"{'the list gone again:':<34}", sys.getrefcount(n))
print(f"{'a new object nobody names:':<34}", sys.getrefcount(Node()))
