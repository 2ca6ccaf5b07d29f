# WeakValueDictionary: entries disappear when their values die.
import gc
import weakref

class Image:
    def __init__(self, name):
        self.name = name

gc.disable()
gc.collect()
cache = weakref.WeakValueDictionary()
logo = Image("logo")
icon = Image("icon")
cache["logo"] = logo
cache["icon"] = icon
print("keys:", sorted(cache.keys()), "len:", len(cache))
print("cache['logo'].name:", cache["logo"].name)
print("'icon' in cache:", "icon" in cache)
del logo
print("after del logo:", sorted(cache.keys()))
print("get('logo'):", cache.get("logo"), " get('logo', 'gone'):", cache.get("logo", "gone"))
try:
    cache["logo"]
except KeyError as e:
    print("KeyError:", e)
icon.me = icon
del icon
print("cycle not yet collected:", sorted(cache.keys()))
print("collect:", gc.collect())
print("after collect:", sorted(cache.keys()), "len:", len(cache))
keep = [Image("k" + str(k)) for k in range(5)]
for im in keep:
    cache[im.name] = im
del im
print("five stored:", len(cache))
del keep[1:4]
print("three dropped:", sorted(cache.keys()))
cache["k0"] = Image("temporary")
print("overwritten by a temporary:", sorted(cache.keys()))
del cache["k4"]
print("deleted k4:", sorted(cache.keys()), "keep:", [im.name for im in keep])
