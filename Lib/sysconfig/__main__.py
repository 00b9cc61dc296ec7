"""python -m sysconfig: print the configuration."""
from sysconfig import _main

if __name__ == '__main__':
    _main()
