# Reference counts seen inside functions: arguments, locals, return values, defaults.
import sys

class C:
    pass

def count(o):
    return sys.getrefcount(o)

def count_with_local(o):
    other = o
    return sys.getrefcount(o)

def nested(o):
    return count(o)

def identity(o):
    return o

x = C()
print("module x:             ", sys.getrefcount(x))
print("inside count(x):      ", count(x))
print("with an extra local:  ", count_with_local(x))
print("two calls deep:       ", nested(x))
print("after the calls:      ", sys.getrefcount(x))
y = identity(x)
print("y = identity(x):      ", sys.getrefcount(x))
del y
print("del y:                ", sys.getrefcount(x))
print("identity(x) temporary:", sys.getrefcount(identity(x)))

def keeper(o, store=[]):
    store.append(o)
    return store

keeper(x)
keeper(x)
print("stored twice in a default list:", sys.getrefcount(x))
keeper(x).clear()
print("default list cleared:  ", sys.getrefcount(x))
f = lambda: sys.getrefcount(x)
print("inside a lambda (global x):", f())
