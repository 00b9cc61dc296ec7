from . import deep
from .deep import WHO as SUB_WHO
