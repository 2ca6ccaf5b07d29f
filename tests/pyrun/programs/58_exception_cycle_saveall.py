# A caught exception kept in a local: exception -> traceback -> frame -> locals -> exception.
import gc

gc.disable()
gc.collect()

def keeps_it():
    try:
        1 // 0
    except ZeroDivisionError as e:
        err = e
    return "kept"

def lets_it_go():
    try:
        1 // 0
    except ZeroDivisionError as e:
        pass
    try:
        print(e)
    except NameError:
        print("  after the except block, e is unbound (NameError)")
    return "dropped"

print("keeps_it() ->", keeps_it())
gc.set_debug(gc.DEBUG_SAVEALL)
n = gc.collect()
print("gc.collect() ->", n, sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
gc.collect()
print("lets_it_go() ->", lets_it_go())
print("gc.collect() ->", gc.collect())

def breaks_it():
    try:
        1 // 0
    except ZeroDivisionError as e:
        err = e
    err = None
    return "broken by hand"

print("breaks_it() ->", breaks_it())
print("gc.collect() ->", gc.collect())
