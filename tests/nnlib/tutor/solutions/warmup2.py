"""Warm-up 2, a reference solution in the starter's shape."""


def broadcast_shape(left, right):
    """Line the shapes up from the right; sizes fit if equal or one is 1."""
    width = max(len(left), len(right))
    left = (1,) * (width - len(left)) + tuple(left)
    right = (1,) * (width - len(right)) + tuple(right)
    shape = []
    for a, b in zip(left, right):
        if a != b and 1 not in (a, b):
            return None
        shape.append(max(a, b))
    return tuple(shape)
