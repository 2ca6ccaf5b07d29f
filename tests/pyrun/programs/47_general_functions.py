# General Python: defaults evaluated once, keyword arguments, *args, nested functions, globals.
def append_to(x, target=[]):
    target.append(x)
    return target

print("shared default:", append_to(1), append_to(2))
print("fresh list given:", append_to(3, []))

def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ada"), greet("Bob", punct="?"), greet(greeting="Hi", name="Cy"))

def total(*args):
    return sum(args), len(args)

print("*args:", total(), total(1, 2, 3))

def make_multiplier(factor):
    def mul(x):
        return x * factor
    return mul

double = make_multiplier(2)
triple = make_multiplier(3)
print("closures:", double(5), triple(5), [make_multiplier(k)(10) for k in range(4)])
counter = 0

def bump(by=1):
    global counter
    counter += by
    return counter

bump()
bump(5)
print("global counter:", counter, "'counter' in globals():", "counter" in globals())

def outer():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def reset():
        nonlocal items
        items = []
    add("a")
    add("b")
    reset()
    return add("c"), items

print("nonlocal rebinding:", outer())
apply = lambda f, x: f(f(x))
print("lambda:", apply(double, 3), apply(lambda s: s + "!", "hey"))
print("callable:", callable(double), callable(3), callable(greet))
try:
    greet()
except TypeError:
    print("TypeError for a missing argument")
def fib_memo(n, memo={}):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    memo[n] = r
    return r
print("fib_memo(80):", fib_memo(80))
