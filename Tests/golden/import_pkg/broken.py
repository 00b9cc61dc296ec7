ATTEMPTS = 1
raise RuntimeError('broken on purpose')
