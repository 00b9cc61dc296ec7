__all__ = ['public', '_chosen']
public = 'public'
_chosen = 'chosen'
other = 'other'
