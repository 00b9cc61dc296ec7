print("lazy_pkg.sub init")
