# The article's third experiment, as it wrote it.
import gc

print(f"Is Garbage Collection enabled? {gc.isenabled()}")
gc.collect()  # Force garbage collection
print(f"Garbage after collect: {gc.garbage}")
