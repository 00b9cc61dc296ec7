__all__ = ['leaf', 'TOP']
TOP = 'top'
