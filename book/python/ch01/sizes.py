import sys

class C:
    pass

for obj in ([], (), {}, C(), 1):
    print(f"{type(obj).__name__:<5} {sys.getsizeof(obj)}")
