# inspect.getdoc (inherited from bases for classes, methods, properties),
# cleandoc and getcomments.
import inspect


class A:
    '''Doc A.'''

    def m(self):
        '''  m doc
          more

        '''

    @property
    def p(self):
        """Property doc."""


# Comment for B
#   indented part
class B(A):
    def m(self):
        pass

    @property
    def p(self):
        return 1


print(inspect.getdoc(B))
print(repr(inspect.getdoc(B.m)), repr(inspect.getdoc(B().m)))
print(repr(inspect.getdoc(B.p)), inspect.getdoc(42) == inspect.getdoc(int))
print(repr(inspect.cleandoc('\n\n   First\n     second\n   third\n\n')))
print(repr(inspect.cleandoc('x\n\ty\n\t\tz')))
print(repr(inspect.getcomments(B)), inspect.getcomments(A))
print(inspect.indentsize('\t  x'), inspect.indentsize('    y'))
