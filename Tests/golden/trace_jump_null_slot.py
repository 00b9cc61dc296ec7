# A debugger's jump (frame.f_lineno = N) from the middle of a call, where
# the stack holds a callable and its self-or-NULL slot, to a line whose
# code expects two objects there must be refused, not run with NULL as an
# operand.  Jumps between lines with matching stacks still work.
import sys


def middle_of_call(output):
    a = 1
    list.append(
        output, 3
    )
    output.append(5)
    (
        (  # 7
            a
            +
            10
        )
        +
        13
    )
    output.append(15)


def simple(output):
    output.append(1)
    output.append(2)
    output.append(3)


def run(function, jump_from, jump_to):
    first = function.__code__.co_firstlineno
    done = []

    def tracer(frame, event, arg):
        if (frame.f_code is function.__code__ and event == "line"
                and frame.f_lineno == first + jump_from and not done):
            done.append(True)
            try:
                frame.f_lineno = first + jump_to
            except ValueError as error:
                print("ValueError:", "stack" in str(error))
        return tracer

    output = []
    sys.settrace(tracer)
    try:
        function(output)
    finally:
        sys.settrace(None)
    print(function.__name__, output)


run(middle_of_call, 3, 7)
run(simple, 1, 3)
run(simple, 2, 1)
