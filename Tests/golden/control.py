for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=" ")
else:
    print("no break")
print()
for i in range(3):
    pass
else:
    print("loop else", i)
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while else")
x = 7
print("big" if x > 5 else "small")
if x < 0:
    print("neg")
elif x == 0:
    print("zero")
else:
    print("pos")
def classify(v):
    match v:
        case 0:
            return "zero"
        case [a, b]:
            return f"pair {a} {b}"
        case {"k": val}:
            return f"dict {val}"
        case int() if v > 100:
            return "big int"
        case str() as s:
            return "str " + s
        case _:
            return "other"
for v in [0, [1, 2], {"k": 3}, 500, "hi", 3.5]:
    print(classify(v))
print((y := 10) + 1, y)
