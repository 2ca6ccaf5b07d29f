# A __del__ that stores self where the program can reach it: resurrection, step by step.
import gc

saved = None

class Phoenix:
    calls = 0

    def __del__(self):
        global saved
        Phoenix.calls += 1
        print("  __del__ runs; is_finalized(self) already:", gc.is_finalized(self))
        saved = self

gc.disable()
gc.collect()
p = Phoenix()
p.me = p                # a cycle of one
print("is_finalized before:", gc.is_finalized(p))
del p
print("gc.collect()")
print("  returned", gc.collect(), "- nothing was freed")
print("alive again:", saved is not None, " is_finalized:", gc.is_finalized(saved),
      " __del__ calls:", Phoenix.calls)
print("saved = None: garbage again")
saved = None
print("gc.collect()")
print("  returned", gc.collect(), " __del__ calls:", Phoenix.calls)

print("the same on the reference counting path, without a cycle:")
q = Phoenix()
del q
print("  alive again:", saved is not None, " is_finalized:", gc.is_finalized(saved),
      " __del__ calls:", Phoenix.calls)
saved = None
print("saved = None: freed at once, __del__ calls:", Phoenix.calls)
