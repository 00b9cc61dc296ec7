NAME = 'leaf'
