RUNS = 0
INIT_NAME = __name__
