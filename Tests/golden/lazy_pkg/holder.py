print("lazy_pkg.holder init")
lazy import lazy_pkg.sub.leaf as leafmod
