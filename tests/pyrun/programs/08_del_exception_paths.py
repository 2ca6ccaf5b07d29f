# Objects freed while an exception propagates, and the name bound by except ... as e.
import sys

class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  destroy", self.name)

class Boom(Exception):
    pass

def fails():
    x = N("fails.x")
    raise Boom("failed")

def middle():
    y = N("middle.y")
    fails()

print("call middle()")
try:
    middle()
except Boom as e:
    print("caught", e, "- locals still alive via the traceback")
print("after except block")
print("'e' in globals():", "e" in globals())

def carry():
    z = N("carried")
    raise Boom(z)

try:
    carry()
except Boom as e:
    saved = e
print("saved exception arg:", saved.args[0].name)
print("refcount of saved exception:", sys.getrefcount(saved))
saved = None
print("saved = None done")

try:
    try:
        w = N("in try")
        raise ValueError("inner")
    finally:
        print("  finally runs")
        del w
except ValueError as err:
    print("outer caught", err)
print("end")
