# A caught exception kept in a local variable: exception -> traceback -> frame -> the
# frame's local variables -> exception, a cycle.
import gc

gc.disable()
gc.collect()

def keeps_it():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    frame = err.__traceback__.tb_frame
    print("  err.__traceback__.tb_frame runs", frame.f_code.co_name + "()")
    del frame

def lets_it_go():
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        print(e)
    except NameError as missing:
        print("  after the except block, reading e raises", type(missing).__name__)

print("keeps_it()")
keeps_it()
gc.set_debug(gc.DEBUG_SAVEALL)      # keep what the collector finds, to look at it
print("gc.collect() returned", gc.collect(), "-", sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
gc.collect()                        # free them, now without keeping them
print("lets_it_go()")
lets_it_go()
print("gc.collect() returned", gc.collect())
