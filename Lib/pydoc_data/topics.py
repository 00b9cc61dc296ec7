"""The help texts pydoc shows for language topics and keywords.

topics maps a topic label (the names CPython's pydoc uses, such as
"if", "function" or "comparisons") to a short plain-text explanation
written for this implementation from the language reference.
"""

topics = {
    "assert": """\
The "assert" statement
**********************

   assert_stmt ::= "assert" expression ["," expression]

"assert test" raises AssertionError when "test" is false; with a second
expression, its value becomes the exception's argument.  The check is
skipped entirely when Python runs with -O (when __debug__ is False), so
an assert must never carry behaviour the program needs.
""",
    "assignment": """\
Assignment statements
*********************

   assignment_stmt ::= (target_list "=")+ (starred_expression | yield_expression)

The right-hand side is evaluated first, then bound to each target list
from left to right.  A target may be a name (bound in the current
scope), an attribute reference, a subscription or slicing (which call
__setattr__, __setitem__), or a parenthesised or bracketed list of
targets, which unpacks an iterable; one target in such a list may be
starred to collect the remaining items into a list.
""",
    "async": """\
Coroutines
**********

"async def" defines a coroutine function: calling it returns a
coroutine object, run by an event loop such as asyncio's.  Inside it,
"await" suspends until an awaitable completes, "async for" iterates an
asynchronous iterator (__aiter__, __anext__) and "async with" uses an
asynchronous context manager (__aenter__, __aexit__).
""",
    "atom-identifiers": """\
Identifiers (Names)
*******************

A name used as an expression evaluates to the object it is bound to in
the innermost enclosing scope that binds it (local, enclosing
functions, module globals, then builtins).  An unbound local name
raises UnboundLocalError, any other unbound name NameError.  Names of
the form __spam inside a class body are mangled to _ClassName__spam.
""",
    "atom-literals": """\
Literals
********

Python has literals for strings and bytes ("text", b"data", with
prefixes r, f, t, u in the allowed combinations) and for numbers
(integers, floating-point numbers and imaginary numbers).  Each literal
evaluates to an immutable object of the matching type; equal literals
may or may not evaluate to the same object.
""",
    "attribute-access": """\
Customizing attribute access
****************************

object.__getattr__(self, name) is called when normal lookup fails;
object.__getattribute__(self, name) is called for every lookup;
object.__setattr__(self, name, value) and object.__delattr__(self, name)
run for assignment and deletion; object.__dir__(self) serves dir().
Descriptors (__get__, __set__, __delete__) found on the class take part
in lookup: this is how properties, methods and __slots__ work.
""",
    "attribute-references": """\
Attribute references
********************

   attributeref ::= primary "." identifier

The primary is evaluated, then asked for the named attribute through
__getattribute__ (and __getattr__ when that fails).  A missing
attribute raises AttributeError.
""",
    "augassign": """\
Augmented assignment statements
*******************************

"x += 1" and its kin (-=, *=, @=, /=, //=, %=, **=, >>=, <<=, &=, ^=,
|=) evaluate the target once, apply the operation in place when the
object supports it (__iadd__ and friends) or else the plain operation,
and bind the result back to the target.
""",
    "await": """\
Await expression
****************

"await x" suspends the running coroutine until the awaitable x
(a coroutine, or an object with __await__) produces its result, which
becomes the value of the expression.  It is only valid inside an
"async def" function.
""",
    "binary": """\
Binary arithmetic operations
****************************

"*" multiplies (or repeats a sequence), "@" is matrix multiplication,
"/" is true division, "//" floor division, "%" the remainder (or
printf-style string formatting), "+" adds or concatenates and "-"
subtracts.  Each calls the left operand's __op__ method and, when that
returns NotImplemented, the right operand's reflected __rop__.
""",
    "booleans": """\
Boolean operations
******************

   or_test  ::= and_test | or_test "or" and_test
   and_test ::= not_test | and_test "and" not_test
   not_test ::= comparison | "not" not_test

"x or y" evaluates x and returns it if true, else evaluates and returns
y; "x and y" returns x if false, else y.  Both short-circuit.  "not x"
is True when x is false.  False, None, numeric zeros and empty
containers are false; other objects are true unless __bool__ or
__len__ say otherwise.
""",
    "break": """\
The "break" statement
*********************

"break" ends the innermost enclosing "for" or "while" loop at once,
skipping its "else" clause.  A "finally" clause on the way out still
runs.
""",
    "calls": """\
Calls
*****

   call ::= primary "(" [argument_list [","] | comprehension] ")"

The callable is evaluated, then the arguments: positional ones first
(with *iterable unpacking), then keywords (with **mapping unpacking).
Arguments bind to parameters by position, then by name; missing
parameters take their defaults, and leftovers go to *args and
**kwargs when the function has them.  Any object with __call__ can be
called.
""",
    "class": """\
Class definitions
*****************

   classdef ::= [decorators] "class" classname [type_params] [inheritance] ":" suite

The body runs in a new namespace; then the metaclass (type unless
another is given or inherited) builds the class from the name, the
bases and that namespace, and the decorators are applied.  The class
is then bound to its name.
""",
    "comparisons": """\
Comparisons
***********

   comparison ::= or_expr (comp_operator or_expr)*
   comp_operator ::= "<" | ">" | "==" | ">=" | "<=" | "!="
                     | "is" ["not"] | ["not"] "in"

Comparisons chain: "a < b < c" means "a < b and b < c" with b
evaluated once.  "==" and the orderings call rich comparison methods
(__eq__, __lt__, ...); "is" tests identity; "in" tests membership
through __contains__ (or iteration).
""",
    "compound": """\
Compound statements
*******************

Compound statements ("if", "while", "for", "try", "with", "match",
function and class definitions) contain groups of other statements.
Each clause is a header ending in a colon followed by a suite: either
statements on the same line or an indented block.
""",
    "context-managers": """\
With Statement Context Managers
*******************************

A context manager defines __enter__(self), whose result is bound by
"as", and __exit__(self, exc_type, exc_value, traceback), called when
the block is left.  If the block raised and __exit__ returns a true
value, the exception is suppressed.
""",
    "continue": """\
The "continue" statement
************************

"continue" skips the rest of the current iteration of the innermost
"for" or "while" loop and goes on with the next one.
""",
    "conditional": """\
Conditional expressions
***********************

"x if condition else y" evaluates the condition first, then only one
of x and y, and gives its value.
""",
    "del": """\
The "del" statement
*******************

"del target_list" deletes each target from left to right: a name is
unbound from its scope, while "del x.attr" and "del x[key]" call
__delattr__ and __delitem__.
""",
    "dict": """\
Dictionary displays
*******************

"{key: value, ...}" builds a dict in order; "**mapping" merges another
mapping in, and "{k: v for ...}" is a dict comprehension.  Keys must be
hashable; a repeated key keeps the last value.
""",
    "exceptions": """\
Exceptions
**********

An exception interrupts the normal flow: it is raised by "raise" or by
an error, and propagates out through the calls until a "try"
statement's matching "except" clause handles it.  Unhandled, it ends
the program with a traceback.  Exceptions are instances of
BaseException; programs normally derive from Exception.
""",
    "for": """\
The "for" statement
*******************

   for_stmt ::= "for" target_list "in" starred_expression_list ":" suite
                ["else" ":" suite]

The iterable is evaluated once and an iterator taken from it; each item
is assigned to the target list and the suite runs.  When the iterator
is exhausted, the "else" suite runs, unless the loop ended with
"break".
""",
    "formatstrings": """\
Format String Syntax
********************

str.format() and f-strings replace fields in braces: "{field!conv:spec}".
The field names an argument (by position, name, attribute or index),
the optional conversion is !r, !s or !a, and the format spec
[[fill]align][sign][z][#][0][width][grouping][.precision][type] is
passed to the value's __format__.  "{{" and "}}" stand for braces.
""",
    "function": """\
Function definitions
********************

   funcdef ::= [decorators] "def" funcname [type_params] "(" [parameter_list] ")"
               ["->" expression] ":" suite

A def statement creates a function object and binds it to the name,
after applying the decorators.  Default values are evaluated once, when
the def runs.  Parameters may be positional-only (before "/"),
keyword-only (after "*" or *args), and **kwargs collects extra
keywords.  Annotations are evaluated lazily.
""",
    "global": """\
The "global" statement
**********************

"global name, ..." makes the listed names refer to the module's global
namespace for the whole current code block, so that assigning to them
rebinds the module-level names.
""",
    "identifiers": """\
Identifiers and keywords
************************

Identifiers start with a letter or underscore, followed by letters,
digits and underscores (Unicode letters included, NFKC-normalized).
Keywords such as "if", "def" and "None" cannot be used as identifiers;
soft keywords ("match", "case", "type", "_") are keywords only in
their statements.
""",
    "if": """\
The "if" statement
******************

   if_stmt ::= "if" assignment_expression ":" suite
               ("elif" assignment_expression ":" suite)*
               ["else" ":" suite]

The conditions are evaluated one by one until one is true; its suite
runs and the rest are skipped.  If none is true, the "else" suite, if
present, runs.
""",
    "import": """\
The "import" statement
**********************

"import a.b.c" finds and loads the module (and its parent packages),
then binds "a" in the current namespace; "import a.b as m" binds the
submodule itself.  "from a import x, y" binds names taken from the
module (or submodules of a package); "from a import *" takes the
public names, or those listed in __all__.  Loaded modules are cached
in sys.modules.
""",
    "in": """\
Membership test operations
**************************

"x in s" is True when x is a member of s: for containers with
__contains__ that method decides; otherwise s is iterated looking for
an item equal to (or identical with) x.  "x not in s" is the negation.
""",
    "integers": """\
Integer literals
****************

Integers are written in decimal (123), hexadecimal (0x7b), octal
(0o173) or binary (0b1111011), with optional underscores between
digits (1_000_000).  They have unlimited precision.
""",
    "lambda": """\
Lambdas
*******

"lambda parameters: expression" creates an anonymous function whose
body is the single expression, returned when it is called.
""",
    "lists": """\
List displays
*************

"[a, b, *rest]" builds a new list from the expressions in order;
"[expr for ...]" is a list comprehension, run in its own scope.
""",
    "match": """\
The "match" statement
*********************

"match subject:" followed by "case pattern [if guard]:" blocks runs the
first case whose pattern matches the subject (and whose guard is
true).  Patterns may be literals, capture names, "_" (anything),
value patterns (dotted names), sequences, mappings, class patterns
such as Point(x=0), alternatives joined with "|", and "as" bindings.
""",
    "naming": """\
Naming and binding
******************

Names are bound by assignment, imports, def and class statements,
"for" targets, "as" clauses and parameters.  A name bound anywhere in a
function body is local to it, unless declared "global" or "nonlocal".
Lookups search the local scope, enclosing function scopes, the
module's globals and the builtins, in that order.
""",
    "nonlocal": """\
The "nonlocal" statement
************************

"nonlocal name, ..." makes the names refer to bindings in the nearest
enclosing function scope, so an inner function can rebind them.
""",
    "numbers": """\
Numeric literals
****************

There are integer, floating-point (3.14, 1e-9) and imaginary (2j)
literals; a complex number is written as a real plus an imaginary
literal.  A leading minus sign is an operator, not part of the literal.
""",
    "pass": """\
The "pass" statement
********************

"pass" does nothing.  It fills a place where a statement is required
but no code needs to run.
""",
    "power": """\
The power operator
******************

"x ** y" raises x to the power y; it binds more tightly than unary
operators on its left ("-2 ** 2" is -4) and less tightly on its right.
An int to a negative int power gives a float.
""",
    "raise": """\
The "raise" statement
*********************

"raise exc" raises an exception instance, or an instance made by
calling an exception class.  "raise exc from cause" sets __cause__ to
chain the exceptions explicitly (None hides the context).  A bare
"raise" re-raises the exception being handled.
""",
    "return": """\
The "return" statement
**********************

"return [expression]" leaves the current function, giving the value of
the expression (or None) to its caller.  In a generator it ends the
iteration, the value going to StopIteration.value.
""",
    "slicings": """\
Slicings
********

"a[start:stop:step]" selects a range of items; omitted parts take
defaults and negative indices count from the end.  The subscript is a
slice object passed to __getitem__ (or __setitem__, __delitem__).
""",
    "specialattrs": """\
Special Attributes
******************

Objects carry attributes the interpreter maintains: __dict__ (the
attribute namespace), __class__, and for classes __name__, __qualname__,
__module__, __bases__, __mro__ and __doc__.
""",
    "specialnames": """\
Special method names
********************

A class implements operators and protocols by defining methods with
double-underscore names: __init__ and __new__ (construction), __repr__
and __str__ (text), __eq__ and __lt__ (comparison), __hash__, __bool__,
__len__, __iter__, __getitem__, __call__, __enter__/__exit__, and one
method per arithmetic operator.  They are looked up on the type, not
the instance.
""",
    "strings": """\
String and Bytes literals
*************************

Strings are written in single or double quotes, or tripled quotes to
span lines.  Prefixes change them: "b" makes bytes, "r" leaves
backslashes alone, "f" makes a formatted string and "t" a template
string.  Adjacent literals are concatenated.
""",
    "truth": """\
Truth Value Testing
*******************

Any object can be tested for truth.  False, None, zero of any numeric
type and empty sequences and collections are false; other objects are
true unless their class defines __bool__ returning False or __len__
returning zero.
""",
    "try": """\
The "try" statement
*******************

"try:" runs its suite; an exception in it is matched against the
"except" clauses in order ("except E as name:"; "except*" for
exception groups).  "else" runs when no exception occurred, and
"finally" always runs last, even on return, break or an unhandled
exception.
""",
    "types": """\
The standard type hierarchy
***************************

Every value is an object with a type: None, NotImplemented, Ellipsis,
numbers (int, bool, float, complex), sequences (str, bytes, tuple,
list, bytearray), sets, mappings (dict), callables (functions,
methods, classes), modules, and the internal code, frame and
traceback objects.
""",
    "while": """\
The "while" statement
*********************

   while_stmt ::= "while" assignment_expression ":" suite
                  ["else" ":" suite]

The condition is tested before each run of the suite; when it is
false, the "else" suite (if any) runs and the loop ends.  A "break"
ends the loop without running "else".
""",
    "with": """\
The "with" statement
********************

"with expr as target:" calls the context manager's __enter__, binds
its result to the target, runs the suite, and calls __exit__ however
the suite ends; several managers may be listed, separated by commas.
""",
    "yield": """\
The "yield" statement
*********************

"yield value" in a function makes it a generator function: each yield
hands a value to the consumer and suspends until the next one is
asked for.  "yield from iterable" delegates to a subiterator.
""",
}
