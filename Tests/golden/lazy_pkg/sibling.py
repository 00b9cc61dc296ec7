print("lazy_pkg.sibling init")
NAME = "sib"
