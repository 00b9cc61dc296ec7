"""Regression tests for bugs found by running CPython's test suite against
Weft (session 10, area lib6b: program structure and text tools): one class
per module."""

import abc
import ast
import copy
import enum
import inspect
import io
import logging
import logging.config
import logging.handlers
import os
import pickle
import pkgutil
import sys
import tempfile
import tokenize
import types
import typing
import unittest
import zipfile
from typing import (Callable, ClassVar, Final, Generic, List, Literal,
                    ParamSpec, Tuple, TypeVar, TypeVarTuple, Unpack)

T = TypeVar('T')
T1 = TypeVar('T1')
T2 = TypeVar('T2')
Ts = TypeVarTuple('Ts')


class Variadic(Generic[*Ts]):
    pass


class Pair(Generic[T, *Ts]):
    pass


class GenericAliasTest(unittest.TestCase):

    def test_starred_alias_pickles(self):
        starred = next(iter(tuple[int, str]))
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(proto=proto):
                back = pickle.loads(pickle.dumps(starred, proto))
                self.assertEqual(back, starred)
                self.assertEqual(repr(back), '*tuple[int, str]')

    def test_iterator_reduce(self):
        it = iter(list[int])
        func, args = it.__reduce__()
        self.assertIs(func, iter)
        self.assertEqual(args, (list[int],))
        next(it)
        self.assertEqual(it.__reduce__(), (iter, ((),)))

    def test_async_generator_is_subscriptable(self):
        alias = types.AsyncGeneratorType[int, None]
        self.assertIs(alias.__origin__, types.AsyncGeneratorType)
        self.assertEqual(alias.__args__, (int, None))

    def test_subclass_overriding_only_new_refuses_keywords(self):
        class Bad(types.GenericAlias):
            def __new__(cls, *args, **kwargs):
                return super().__new__(cls, *args, **kwargs)
        with self.assertRaises(TypeError):
            Bad(list, int, bad=int)

        class Good(types.GenericAlias):
            def __init__(self, *args, **kwargs):
                pass
        self.assertEqual(Good(list, int, extra=1), list[int])


class TypingSubstitutionTest(unittest.TestCase):

    def test_fixed_unpacked_tuple_is_spliced(self):
        self.assertEqual(Variadic[*Ts][*tuple[int]], Variadic[int])
        self.assertEqual(tuple[*Ts][*tuple[int, str]], tuple[int, str])
        self.assertEqual(tuple[*Ts][*Tuple[int, str]], tuple[int, str])
        self.assertEqual(tuple[*Ts][*tuple[*Ts]], tuple[*Ts])

    def test_arbitrary_length_unpacked_tuple_fills_typevars(self):
        self.assertEqual(tuple[T, *Ts][*tuple[int, ...]],
                         tuple[int, *tuple[int, ...]])
        self.assertEqual(Pair[T, *Ts][*tuple[int, ...], str],
                         Pair[int, *tuple[int, ...], str])
        self.assertEqual(tuple[T1, *Ts, T2][*tuple[int, ...]],
                         tuple[int, *tuple[int, ...], int])

    def test_unpacked_forms_cannot_replace_a_typevar(self):
        for arg in (*tuple[int, ...], *Tuple[str, ...], *Ts, Unpack[Ts]):
            with self.subTest(arg=arg):
                with self.assertRaises(TypeError):
                    dict[T1, T2][int, arg]
                with self.assertRaises(TypeError):
                    T.__typing_subst__(arg)

    def test_special_forms_cannot_replace_a_typevar(self):
        for arg in (typing.Generic, typing.Generic[T], typing.Protocol,
                    Final, Final[int], ClassVar, ClassVar[int]):
            with self.subTest(arg=arg):
                with self.assertRaises(TypeError):
                    T.__typing_subst__(arg)
                with self.assertRaises(TypeError):
                    list[T][arg]
                with self.assertRaises(TypeError):
                    List[T][arg]

    def test_string_argument_becomes_forward_ref(self):
        self.assertEqual(list[T]['int'], list[typing.ForwardRef('int')])
        self.assertEqual(List[T]['int'], List[typing.ForwardRef('int')])


class TypingClassAliasTest(unittest.TestCase):

    def test_setting_an_attribute_sets_it_on_the_class(self):
        class Box(Generic[T]):
            x = 'def'
        Box[int].x = 'changed'
        self.assertEqual(Box.x, 'changed')
        Box[Box[int]].z = 'new'
        self.assertEqual(Box.z, 'new')
        with self.assertRaises(AttributeError):
            Box[int].__origin__ = list

    def test_generic_leaves_new_to_later_bases(self):
        class A(Generic[T]):
            pass

        class B:
            def __new__(cls, arg):
                obj = super().__new__(cls)
                obj.arg = arg
                return obj

        class C(A, B):
            pass
        self.assertNotIn('__new__', Generic.__dict__)
        self.assertEqual(C('foo').arg, 'foo')
        self.assertIsInstance(A(), A)

    def test_generic_classes_get_object_new_checks(self):
        class A(Generic[T]):
            pass
        with self.assertRaisesRegex(TypeError, 'takes no arguments'):
            A(42)

        class WithInit(Generic[T]):
            def __init__(self, x):
                self.x = x
        self.assertEqual(WithInit(3).x, 3)

        class P(typing.Protocol):
            @abc.abstractmethod
            def meth(self):
                pass

        class Impl(P):
            pass
        with self.assertRaisesRegex(TypeError, 'abstract'):
            Impl()

        class Number(Generic[T], int):
            pass
        self.assertEqual(Number(5), 5)

    def test_protocol_subclass_calling_super_init(self):
        class P(typing.Protocol):
            x: int

        class Foo(P):
            def __init__(self):
                super().__init__()
                self.done = True
        self.assertTrue(Foo().done)

    def test_generic_before_protocol_steps_aside(self):
        class P(Generic[T], typing.Protocol):
            def meth(self, x: T) -> T: ...
        self.assertEqual(P.__mro__, (P, typing.Protocol, Generic, object))
        self.assertEqual(P.__parameters__, (T,))

    def test_union_subscription_checks_its_arguments(self):
        union = typing.Union['T', int]
        self.assertEqual(union.__args__, (typing.ForwardRef('T'), int))
        self.assertEqual(copy.copy(union), union)
        self.assertEqual(copy.deepcopy(union), union)
        self.assertEqual(typing.Union[int, None], int | None)
        with self.assertRaises(TypeError):
            typing.Union[int, Final]

    def test_subclass_of_generic_typeddict_stays_generic(self):
        KT = TypeVar('KT')

        class A(typing.TypedDict, Generic[T]):
            a: T

        class B(A[KT], total=False):
            b: KT

        class C(B):
            c: int
        self.assertEqual(B.__bases__, (Generic, dict))
        self.assertEqual(B.__parameters__, (KT,))
        self.assertEqual(B.__required_keys__, frozenset({'a'}))
        self.assertEqual(B.__optional_keys__, frozenset({'b'}))
        self.assertEqual(C.__bases__, (Generic, dict))
        self.assertEqual(C.__parameters__, ())

    def test_generic_and_protocol_aliases_take_no_second_subscript(self):
        S = TypeVar('S')
        for alias in (Generic[T], typing.Protocol[T]):
            with self.subTest(alias=alias):
                with self.assertRaisesRegex(TypeError, 'already-subscripted'):
                    alias[S]

        class Box(Generic[T]):
            pass
        self.assertEqual(Box[T][int], Box[int])

    def test_generic_namedtuple_subscription_is_checked(self):
        class Pair(typing.NamedTuple, Generic[T]):
            first: T
        alias = Pair[int]
        self.assertIs(alias.__origin__, Pair)
        self.assertEqual(alias(3), (3,))
        with self.assertRaisesRegex(TypeError, 'Too many arguments'):
            Pair[int, str]

    def test_typevartuple_inside_paramspec_list(self):
        P = ParamSpec('P')

        class Base(Generic[P]):
            pass
        self.assertEqual(Base[[*Ts, int]][str, bool], Base[[str, bool, int]])
        self.assertEqual(Base[[int, *Ts]][str, bool], Base[[int, str, bool]])

    def test_literal_repr_spells_types_like_other_aliases(self):
        self.assertEqual(repr(Literal[int]), 'typing.Literal[int]')
        self.assertEqual(repr(Literal[1, 'a', None]),
                         "typing.Literal[1, 'a', None]")


class TypingIterationTest(unittest.TestCase):

    def test_special_aliases_are_not_iterable(self):
        for alias in (List, Tuple, Callable, Callable[..., T],
                      Callable[[T], str], typing.Annotated[int, 'x'],
                      typing.Optional):
            with self.subTest(alias=alias):
                with self.assertRaisesRegex(TypeError, 'not iterable'):
                    iter(alias)
                self.assertNotIsInstance(alias, typing.Iterable)

    def test_plain_alias_still_unpacks(self):
        self.assertEqual(len([*List[int]]), 1)

    def test_cleanups_clear_the_caches(self):
        self.assertTrue(typing._cleanups)
        for clear in typing._cleanups:
            clear()

    def test_generic_alias_name(self):
        self.assertIs(typing.GenericAlias, types.GenericAlias)


class EnumTest(unittest.TestCase):

    def test_order_ignores_aliases_and_multibit_flags(self):
        class Confused(enum.Flag):
            _order_ = 'ONE TWO FOUR DOS EIGHT'
            ONE = enum.auto()
            TWO = enum.auto()
            FOUR = enum.auto()
            DOS = 2
            EIGHT = enum.auto()
        self.assertEqual([m.name for m in Confused],
                         ['ONE', 'TWO', 'FOUR', 'EIGHT'])

        class Shades(enum.Enum):
            _order_ = 'A B BB'
            A = 1
            B = 2
            BB = 2
        self.assertIs(Shades.BB, Shades.B)

    def test_order_mismatch_still_raises(self):
        with self.assertRaisesRegex(TypeError, 'member order does not match'):
            class Bad(enum.Enum):
                _order_ = 'B A'
                A = 1
                B = 2

    def test_init_only_mixin_is_not_the_data_type(self):
        class Foo:
            def __init__(self, a):
                self.a = a

            def __repr__(self):
                return f'Foo(a={self.a!r})'

        class Entries(Foo, enum.Enum):
            ENTRY1 = 1
        self.assertIs(Entries._member_type_, object)
        self.assertEqual(Entries.ENTRY1.value, 1)
        self.assertEqual(repr(Entries.ENTRY1), 'Foo(a=1)')

    def test_signature(self):
        class Color(enum.Enum):
            RED = 1
        self.assertEqual(str(inspect.signature(Color)), '(*values)')
        self.assertEqual(
            str(inspect.signature(enum.Enum)),
            '(new_class_name, /, names, *, module=None, qualname=None, '
            'type=None, start=1, boundary=None)')


class InspectTextSignatureTest(unittest.TestCase):

    def signature_of(self, text):
        def func(*args, **kwargs):
            pass
        func.__text_signature__ = text
        return str(inspect.signature(func))

    def test_defaults_with_binary_operators(self):
        self.assertEqual(self.signature_of('(self, a=1+2, b=4-3, c=1 | 3 | 16)'),
                         '(self, a=3, b=1, c=19)')
        self.assertEqual(self.signature_of('(a=sys.maxsize - 1, b=1+2j)'),
                         f'(a={sys.maxsize - 1}, b=(1+2j))')

    def test_defaults_must_be_constants(self):
        for text in ('(self, x=sys, y=inspect)', '(x=does_not_exist)',
                     '(x=len)', '(x=|1)', '(x=f(1))'):
            with self.subTest(text=text):
                with self.assertRaises(ValueError):
                    self.signature_of(text)


class TokenizeTest(unittest.TestCase):

    def tokens(self, source):
        return list(tokenize.generate_tokens(io.StringIO(source).readline))

    def test_multiline_fstring_middle_ends_where_its_text_does(self):
        source = 'x = f"""\\\nabc {y}\nline2\nline3\n"""\n'
        middles = [t for t in self.tokens(source)
                   if t.type == tokenize.FSTRING_MIDDLE]
        self.assertEqual([(t.string, t.start, t.end) for t in middles],
                         [('\\\nabc ', (1, 8), (2, 4)),
                          ('\nline2\nline3\n', (2, 7), (5, 0))])
        self.assertEqual(tokenize.untokenize(self.tokens(source)), source)

    def test_untokenize_pairs_keeps_escaped_braces_literal(self):
        for source in ('f"{{{x}}}"\n', 'f"{ {1: 2}[1]}"\n',
                       'f"{ {1, 2} }"\n', 'f"a{{b"\n',
                       "x = '' f'' '' f''\n", "x = f'{1}' t'{2}' ''\n"):
            with self.subTest(source=source):
                pairs = [t[:2] for t in self.tokens(source)]
                text = tokenize.untokenize(pairs)
                self.assertEqual([t[:2] for t in self.tokens(text)], pairs)


class LoggingTest(unittest.TestCase):

    def test_config_dot_properties_survive_the_fmt_retry(self):
        class Custom(logging.Formatter):
            custom_property = '.'
        logger = logging.getLogger('lib6b.config')
        self.addCleanup(logger.handlers.clear)
        logging.config.dictConfig({
            'version': 1,
            'disable_existing_loggers': False,
            'formatters': {'custom': {
                '()': Custom, 'style': '{', 'format': '{message}',
                '.': {'custom_property': 'value'}}},
            'handlers': {'h': {'class': 'logging.NullHandler',
                               'formatter': 'custom'}},
            'loggers': {'lib6b.config': {'handlers': ['h']}},
        })
        handler = logger.handlers[0]
        self.assertEqual(handler.formatter.custom_property, 'value')
        self.assertEqual(handler.formatter._fmt, '{message}')

    def test_timed_rotation_with_namer_keeps_to_its_own_files(self):
        with tempfile.TemporaryDirectory() as wd:
            stamps = [f'2026-01-01_00-00-{s:02d}' for s in range(0, 50, 5)]
            handlers = []
            for prefix in ('d.e', 'd.e.f'):
                h = logging.handlers.TimedRotatingFileHandler(
                    os.path.join(wd, prefix + '.log'), when='s', interval=5,
                    backupCount=7, delay=True)
                h.namer = lambda name: name.replace('.log', '') + '.log'
                handlers.append(h)
                for stamp in stamps:
                    open(os.path.join(wd, f'{prefix}.{stamp}.log'), 'wb').close()
            for prefix, h in zip(('d.e', 'd.e.f'), handlers):
                doomed = [os.path.basename(p) for p in h.getFilesToDelete()]
                self.assertEqual(doomed, [f'{prefix}.{stamp}.log'
                                          for stamp in stamps[:3]])
                h.close()


class AstTest(unittest.TestCase):

    def compile_match_value(self, value):
        tree = ast.Module(body=[ast.Match(
            subject=ast.Name('x', ast.Load()),
            cases=[ast.match_case(pattern=ast.MatchValue(ast.Constant(value)),
                                  body=[ast.Pass()])])], type_ignores=[])
        compile(ast.fix_missing_locations(tree), '<lib6b>', 'exec')

    def test_match_value_constants(self):
        for value in (1, 1.5, 2j, 'a', b'b'):
            self.compile_match_value(value)
        for value in (..., (1, 2, 3), None, True, frozenset()):
            with self.subTest(value=value):
                with self.assertRaisesRegex(ValueError, 'unexpected constant'):
                    self.compile_match_value(value)

    def test_required_field_set_to_none(self):
        cases = [
            (ast.alias, 'name', 'import spam as SPAM'),
            (ast.arg, 'arg', 'def spam(SPAM): spam'),
            (ast.comprehension, 'target', '[spam for SPAM in spam]'),
            (ast.comprehension, 'iter', '[spam for spam in SPAM]'),
            (ast.keyword, 'value', 'spam(**SPAM)'),
            (ast.match_case, 'pattern', 'match spam:\n case SPAM: spam'),
            (ast.withitem, 'context_expr', 'with SPAM: spam'),
        ]
        for node, attr, source in cases:
            with self.subTest(node=node.__name__, attr=attr):
                tree = ast.parse(source)
                for child in ast.walk(tree):
                    if isinstance(child, node):
                        setattr(child, attr, None)
                with self.assertRaisesRegex(
                        ValueError,
                        f"^field '{attr}' is required for {node.__name__}$"):
                    compile(tree, '<lib6b>', 'exec')

    def test_none_in_a_list_of_nodes(self):
        cases = [
            (ast.Expr(ast.Set([None])), 'expression'),
            (ast.Delete([None]), 'expression'),
            (ast.If(ast.Constant(1), [None], []), 'statement'),
        ]
        for stmt, what in cases:
            with self.subTest(what=what):
                tree = ast.fix_missing_locations(
                    ast.Module(body=[stmt], type_ignores=[]))
                with self.assertRaisesRegex(
                        ValueError, f'None disallowed in {what} list'):
                    compile(tree, '<lib6b>', 'exec')

    def test_huge_int_literal_suggests_hexadecimal(self):
        old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(4000)
        try:
            ast.literal_eval('3' * 4000)
            with self.assertRaisesRegex(SyntaxError, 'Exceeds the limit .* '
                                        'Consider hexadecimal '):
                ast.literal_eval('3' * 4001)
        finally:
            sys.set_int_max_str_digits(old)


class PkgutilTest(unittest.TestCase):

    def test_iter_and_walk_zip_archive(self):
        with tempfile.TemporaryDirectory() as tmp:
            archive = os.path.join(tmp, 'pkgs.zip')
            with zipfile.ZipFile(archive, 'w') as z:
                z.writestr('lib6b_zpkg/__init__.py', '')
                z.writestr('lib6b_zpkg/mod.py', '')
                z.writestr('lib6b_zpkg/sub/__init__.py', '')
                z.writestr('lib6b_zmod.py', '')
                z.writestr('data.txt', 'not a module')
            sys.path.insert(0, archive)
            try:
                top = [(m.name, m.ispkg) for m in pkgutil.iter_modules([archive])]
                self.assertEqual(top, [('lib6b_zmod', False),
                                       ('lib6b_zpkg', True)])
                walked = [m.name for m in pkgutil.walk_packages([archive])]
                self.assertEqual(walked, ['lib6b_zmod', 'lib6b_zpkg',
                                          'lib6b_zpkg.mod', 'lib6b_zpkg.sub'])
            finally:
                sys.path.remove(archive)
                sys.path_importer_cache.pop(archive, None)
                for name in [n for n in sys.modules if n.startswith('lib6b_z')]:
                    del sys.modules[name]

    def test_resolve_name_rejects_non_strings(self):
        for bad in (None, 1, 2.0, True):
            with self.subTest(bad=bad):
                with self.assertRaises(TypeError):
                    pkgutil.resolve_name(bad)


if __name__ == '__main__':
    unittest.main()
