import sys

x = 10
print("after x = 10: ", sys.getrefcount(x))
y = 10
print("after y = 10: ", sys.getrefcount(x))
print("x is y:       ", x is y)
del x
print("after del x:  ", sys.getrefcount(y))
