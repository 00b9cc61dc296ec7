NAME = 'ns.mod'
PKG = __package__
