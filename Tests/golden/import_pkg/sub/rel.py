from . import deep
from .deep import WHO
from .. import plain
from ..plain import VALUE
from .. import sub as me
import_result = __import__('deep', globals(), None, ['WHO'], 1)
top_result = __import__('', globals(), None, None, 2)
