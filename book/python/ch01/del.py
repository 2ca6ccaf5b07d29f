class MyClass:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)

obj1 = MyClass("obj")
obj2 = obj1
print("del obj1")
del obj1
print("del obj2")
del obj2
print("after")
