class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print(self.n, end=" ")

l = [A(1), A(2), A(3)]; del l; print("<- list")
d = {"a": A(1), "b": A(2), "c": A(3)}; del d; print("<- dict")
