# Locals are released when a function returns; returned objects survive.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  destroy", self.name)

def work():
    a = Noisy("local a")
    b = Noisy("local b")
    print("  work() about to return")
    return 42

def make():
    kept = Noisy("returned")
    temp = Noisy("temp")
    print("  make() about to return")
    return kept

def early(flag):
    x = Noisy("early x")
    if flag:
        print("  returning early")
        return "early"
    y = Noisy("early y")
    return "late"

print("call work()")
print("work() ->", work())
print("call make()")
r = make()
print("make() ->", r.name)
print("call early(True)")
print("->", early(True))
print("call early(False)")
print("->", early(False))
print("drop r")
r = 0
print("loop variable rebinding:")
for i in range(3):
    item = Noisy("item" + str(i))
print("after loop, item is", item.name)
del item
print("done")
