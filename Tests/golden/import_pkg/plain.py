VALUE = 42
_hidden = 1
