# Exceptions hold references: a stored exception keeps its traceback's frames and locals alive.
import gc
import sys

class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name)

class AppError(Exception):
    pass

gc.disable()
gc.collect()

def fail(tag):
    local = Res("local of " + tag)
    raise AppError(tag)

stored = None
try:
    fail("one")
except AppError as e:
    stored = e
print("stored:", stored, "type:", type(stored).__name__)
print("args:", stored.args)
print("dropping the stored exception")
stored = None
print("no cycle at module level; collect:", gc.collect())

def catch_and_keep():
    try:
        fail("two")
    except AppError as err:
        kept = err
    return "returned"

print("catch_and_keep() ->", catch_and_keep())
print("the frame cycle is garbage now; collect")
n = gc.collect()
print("collected something:", n > 0)

def catch_and_drop():
    try:
        fail("three")
    except AppError:
        pass
    return "dropped"

print("catch_and_drop() ->", catch_and_drop())
print("collect:", gc.collect())

class Carrier(Exception):
    pass

payload = Res("payload")
try:
    raise Carrier(payload)
except Carrier as e:
    print("refcount of payload while caught:", sys.getrefcount(payload))
print("after except:", sys.getrefcount(payload))
del payload
print("end")
