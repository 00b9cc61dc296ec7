WHERE = 'portion1'
