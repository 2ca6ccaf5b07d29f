# General Python: f-strings with width, alignment, precision, repr and thousands separators.
rows = [("apples", 3, 1.5), ("kiwis", 12, 0.25), ("melons", 1, 3.999)]
print(f"{'name':<8}|{'qty':>5}|{'price':>8}")
for name, qty, price in rows:
    print(f"{name:<8}|{qty:>5}|{price:>8.2f}")
total = sum(q * p for _, q, p in rows)
print(f"total: {total:.3f}")
print(f"centered: [{'mid':^9}]")
print(f"repr: {'text'!r} {[1, 'a']!r}")
print(f"thousands: {1234567:,} {-9876543210:,}")
print(f"float: {3.14159:.0f} {2.5:.1f} {0.1 + 0.2:.17f}")
print(f"plain float: {0.1 + 0.2} {1e16} {1.0} {-0.0} {1/3}")
x = 255
print(f"nested expr: {x * 2 + 1} {'yes' if x > 100 else 'no'}")
print(f"braces: {{literal}} {x}")
print("format method:", "{} and {}".format("a", "b"), "{0}{1}{0}".format("x", "y"))
print(f"str of None/bool: {None} {True} {False!r}")
print(f"rounding: {round(2.675, 2)} {round(0.5)} {round(1.5)} {round(-2.5)}")
print(f"big float: {1e300 * 10}, {12345.678e3}")
print("str/repr float:", str(1.1), repr(2.2), str(100.0), str(1e-7))
