# gc.freeze(): objects the collector will never examine again, until gc.unfreeze().
import gc

gc.disable()
gc.collect()
print("frozen at start:", gc.get_freeze_count())
l = []
l.append(l)
gc.freeze()
print("after freeze(): count", gc.get_count(), " frozen >= tracked:",
      gc.get_freeze_count() >= len(gc.get_objects()))
del l
print("collect() with the cycle frozen:", gc.collect())
gc.unfreeze()
print("after unfreeze(): frozen", gc.get_freeze_count())
print("collect():", gc.collect())
