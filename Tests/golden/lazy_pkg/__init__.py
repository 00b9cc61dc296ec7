print("lazy_pkg init")
