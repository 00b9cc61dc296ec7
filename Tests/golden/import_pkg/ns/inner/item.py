from .. import mod
NAME = 'ns.inner.item'
