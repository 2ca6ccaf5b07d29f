# A WeakValueDictionary: a cache whose entries go when their values die.
import gc
import weakref

class Image:
    def __init__(self, name):
        self.name = name

gc.disable()
gc.collect()
cache = weakref.WeakValueDictionary()
logo = Image("logo")
cache["logo"] = logo
print("keys:", list(cache))
del logo            # the last strong reference: freed by reference counting
print("after del logo, keys:", list(cache))

icon = Image("icon")
icon.me = icon      # a cycle: reference counting cannot free it
cache["icon"] = icon
del icon
print("after del icon, keys:", list(cache))
print("gc.collect() returned", gc.collect())
print("keys:", list(cache))

badge = Image("badge")
badge.me = badge
kept = weakref.ref(badge, lambda ref: None)     # a global keeps this weak reference
del badge
print("the same cycle, its weak reference kept: gc.collect() returned", gc.collect())
