# General Python: integer arithmetic (big ints, // % ** with negatives), floats, bools.
print("basic:", 7 + 3, 7 - 10, 7 * 6, 7 / 2, 8 / 4)
print("floor div:", 7 // 2, -7 // 2, 7 // -2, -7 // -2)
print("modulo:", 7 % 3, -7 % 3, 7 % -3, -7 % -3)
print("divmod:", divmod(17, 5), divmod(-17, 5))
print("power:", 2 ** 10, 2 ** 100, (-3) ** 3, 2 ** -1, 10 ** 0)
print("big:", 123456789 * 987654321, 2 ** 64 - 1, -(2 ** 63))
print("big floor div:", (10 ** 30) // 7, (10 ** 30) % 7, -(10 ** 20) // 3)
print("abs/min/max:", abs(-5), abs(3.5), min(3, -1, 2), max([4, 9, 1]))
print("float ops:", 0.1 + 0.2, 1.5 * 4, 7.0 // 2, 7.5 % 2, -7.5 // 2)
print("int/float conv:", int(3.9), int(-3.9), float(7), int("12") * 2)
print("round:", round(3.14159, 2), round(2.5), round(3.5), round(-0.5), round(1234, -2))
print("bools:", True + True, True * 10, False == 0, bool(0), bool([]), bool("x"))
print("comparisons mixed:", 1 == 1.0, 2 < 2.5, -1 < 0 < 1)
print("augmented:", end=" ")
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
print("zero division:", end=" ")
for expr in ("int", "float", "mod"):
    try:
        if expr == "int":
            1 // 0
        elif expr == "float":
            1.0 / 0
        else:
            5 % 0
    except ZeroDivisionError as e:
        print(expr + ":", e, end="; ")
print()
print("hash of ints:", hash(42), hash(-1), hash(0))
n = 0
total = 0
while n < 100:
    n += 1
    if n % 3 == 0:
        continue
    if n > 50:
        break
    total += n
print("while with continue/break:", n, total)
print("sum of squares:", sum(k * k for k in range(1, 101)))
f = 1
for k in range(2, 26):
    f *= k
print("factorial 25:", f, "digits:", len(str(f)))
print("negative numbers:", -3 * -3, -(-4), 5 - -2, -2 ** 2, (-2) ** 2)
