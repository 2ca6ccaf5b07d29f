# int("...") builds each value at run time, so the compiler cannot share one constant.
print("256 is 256:", int("256") is int("256"), "  257 is 257:", int("257") is int("257"))
print("-5 is -5:", int("-5") is int("-5"), "  -6 is -6:", int("-6") is int("-6"))
