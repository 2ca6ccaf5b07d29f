import sys

class C:
    pass

print("C() as a temporary:", sys.getrefcount(C()))
x = C()
print("after x = C():     ", sys.getrefcount(x))
y = x
print("after y = x:       ", sys.getrefcount(x))
del y
print("after del y:       ", sys.getrefcount(x))
