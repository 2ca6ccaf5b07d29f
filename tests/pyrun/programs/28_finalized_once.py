# A partial resurrection: one object of a cycle is saved, the rest stays garbage until later.
import gc

keep = None

class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        global keep
        print("  __del__", self.name)
        if self.name == "saver":
            keep = self.other

class Plain:
    pass

gc.disable()
gc.collect()
s = Obj("saver")
o = Obj("other")
p = Plain()
s.other = o
o.back = s
o.plain = p
p.link = s
del s, o, p
print("collect:", gc.collect())
print("keep is", keep.name, "finalized:", gc.is_finalized(keep))
print("keep.back finalized:", gc.is_finalized(keep.back))
print("Plain alive:", sum(1 for x in gc.get_objects() if type(x) is Plain))
keep = None
print("collect again (no __del__ this time):", gc.collect())
print("Obj alive:", sum(1 for x in gc.get_objects() if type(x) is Obj))
