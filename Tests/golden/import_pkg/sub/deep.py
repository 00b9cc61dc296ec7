WHO = 'deep'
