"""A TypeVarTuple stands in Generic[...] only unpacked (*Ts or
Unpack[Ts]); a PEP 695 class's Generic base spells it so; a
TypeVarTuple's default *tuple[...] is spliced in as its elements."""

import typing
import unittest
from typing import Generic, Tuple, TypeVar, TypeVarTuple, Unpack

T = TypeVar('T')


class GenericParamsTest(unittest.TestCase):

    def test_bare_typevartuple_refused(self):
        Ts = TypeVarTuple('Ts')
        with self.assertRaisesRegex(TypeError, 'must all be type variables'):
            Generic[Ts]
        with self.assertRaises(TypeError):
            class C(Generic[Ts]):
                pass

    def test_unpacked_accepted(self):
        Ts = TypeVarTuple('Ts')
        class C(Generic[T, Unpack[Ts]]):
            pass
        self.assertEqual(C.__parameters__, (T, Ts))
        self.assertEqual(C[int, str, bytes].__args__, (int, str, bytes))

    def test_pep695_base_is_unpacked(self):
        class D[U, *Us]:
            pass
        U, Us = D.__type_params__
        self.assertEqual(D.__orig_bases__, (Generic[U, Unpack[Us]],))
        self.assertEqual(D.__parameters__, (U, Us))
        self.assertEqual(D[int].__args__, (int,))

    def test_type_alias_parameters(self):
        type Alias[*Vs] = tuple[*Vs]
        (Vs,) = Alias.__type_params__
        self.assertEqual(Alias.__parameters__, (Unpack[Vs],))


class DefaultTest(unittest.TestCase):

    def test_unpack_tuple_default(self):
        Ts = TypeVarTuple('Ts', default=Unpack[Tuple[str, int]])
        class A(Generic[T, Unpack[Ts]]):
            pass
        self.assertEqual(A[float].__args__, (float, str, int))
        self.assertEqual(A[float, range].__args__, (float, range))

    def test_pep696_star_default(self):
        class B[U, *Us = *tuple[str, int]]:
            pass
        self.assertEqual(B[float].__args__, (float, str, int))

    def test_variadic_default_stays(self):
        Ts = TypeVarTuple('Ts', default=Unpack[Tuple[int, ...]])
        class C(Generic[T, Unpack[Ts]]):
            pass
        self.assertEqual(C[str].__args__, (str, Unpack[Tuple[int, ...]]))


if __name__ == '__main__':
    unittest.main()
