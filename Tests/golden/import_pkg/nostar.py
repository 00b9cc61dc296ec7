visible = 'visible'
_private = 'private'
