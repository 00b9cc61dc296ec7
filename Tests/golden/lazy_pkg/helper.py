print("lazy_pkg.helper init")
lazy from . import sibling


def get():
    return sibling.NAME
