WHERE = 'portion2'
