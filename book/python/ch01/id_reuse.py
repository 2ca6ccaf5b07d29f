class C:
    pass

print("id(C()) == id(C()):", id(C()) == id(C()))
a, b = C(), C()
print("two live objects share an id:", id(a) == id(b))
