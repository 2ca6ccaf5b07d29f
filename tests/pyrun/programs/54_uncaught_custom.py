# An uncaught user-defined exception after finally blocks and __del__ run: exit status 1.
class ConfigError(Exception):
    pass

class Guard:
    def __del__(self):
        print("guard released")

def load(name):
    g = Guard()
    try:
        if not name.endswith(".cfg"):
            raise ConfigError("bad file name: " + name)
    finally:
        print("finally in load")
    return name

def main():
    print("loaded", load("a.cfg"))
    load("b.txt")

main()
