# General Python: list/dict/set comprehensions, generator expressions, sorted with keys.
words = ["pear", "apple", "fig", "banana", "kiwi", "cherry", "date"]
lengths = [len(w) for w in words]
print("lengths:", lengths)
print("long words:", [w.upper() for w in words if len(w) > 4])
by_len = {w: len(w) for w in words}
print("by_len:", by_len)
print("distinct lengths:", sorted({len(w) for w in words}))
print("sum of lengths:", sum(len(w) for w in words))
print("any starts with 'k':", any(w.startswith("k") for w in words))
print("all lowercase:", all(w == w.lower() for w in words))
print("sorted by length then name:", sorted(words, key=lambda w: (len(w), w)))
print("sorted reverse:", sorted(words, reverse=True)[:3])
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print("pairs:", pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print("matrix:", matrix)
print("transpose:", [[row[c] for row in matrix] for c in range(3)])
print("diagonal:", [matrix[k][k] for k in range(3)])
print("flat:", [v for row in matrix for v in row if v % 2 == 0])
inverted = {v: k for k, v in by_len.items() if v != 4}
print("inverted:", inverted)
print("max by length:", max(words, key=len), " min:", min(words))
print("enumerate:", [(i, w[0]) for i, w in enumerate(words, 1)][:4])
print("zip:", list(zip(words[:3], lengths[:3], range(100))))
print("reversed:", list(reversed(lengths)))
print("nested sums:", sum(sum(row) for row in matrix))
print("list of lists of set sizes:", [len(set(w)) for w in words])
