# General Python: dict and set operations, ordering, membership, and updates.
d = {"b": 2, "a": 1}
d["c"] = 3
print("dict:", d, "len:", len(d))
print("keys:", list(d.keys()), "values:", list(d.values()))
print("items:", list(d.items()))
print("get:", d.get("a"), d.get("z"), d.get("z", 0))
print("setdefault:", d.setdefault("d", 4), d.setdefault("a", 100))
print("pop:", d.pop("b"), d.pop("nope", "default"))
d.update({"a": 10, "e": 5})
print("after update:", d)
d["b"] = 20
print("re-added b goes last:", list(d))
del d["a"]
print("after del:", d)
print("'c' in d:", "c" in d, " 3 in d:", 3 in d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print("counts:", counts)
print("most common:", sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
s = {3, 1, 2}
s.add(5)
s.discard(1)
s.discard(99)
print("int set sorted:", sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError on remove:", e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
words = {"delta", "alpha", "charlie", "bravo"}
print("string set, sorted:", sorted(words))
nested = {"x": {"y": [1, 2]}}
nested["x"]["y"].append(3)
print("nested:", nested)
print("dict from pairs:", dict([("k1", 1), ("k2", 2)]), dict(zip("ab", [1, 2])))
print("equal dicts:", {"a": 1, "b": 2} == {"b": 2, "a": 1})
d.clear()
print("cleared:", d, bool(d))
