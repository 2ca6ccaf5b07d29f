# Exercise 7.1: what does each line print?
import sys


class Box:
    pass


def outer(b):
    def inner():
        return b

    print("1:", sys.getrefcount(b))
    return inner


b = Box()
print("2:", sys.getrefcount(b))
f = outer(b)
print("3:", sys.getrefcount(b))
pair = (b, [b])
print("4:", sys.getrefcount(b))
del f
print("5:", sys.getrefcount(b))


def default(x=b):
    return sys.getrefcount(x)


print("6:", default())
