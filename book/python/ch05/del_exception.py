# An exception raised by __del__ has nowhere to go: CPython reports it and carries on.
import gc
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep

def report(unraisable):
    # CPython's own report, with what changes from run to run (an address, this
    # file's directory) taken out.
    sys.stderr = io.StringIO()
    sys.__unraisablehook__(unraisable)
    text, sys.stderr = sys.stderr.getvalue(), sys.__stderr__
    text = re.sub(r" at 0x[0-9a-f]+", " at 0x…", text)
    print(text.replace(HERE, ""), end="")

sys.unraisablehook = report

class Bad:
    def __del__(self):
        raise ValueError("boom")

print("del b")
b = Bad()
del b
print("the program goes on")

gc.disable()
gc.collect()
b = Bad()
b.me = b
del b
print("gc.collect() with a Bad in a cycle")
print("  returned", gc.collect())
