print("lazy_pkg.sub.leaf init")
VALUE = "leaf"
