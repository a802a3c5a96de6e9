"""Warm-up 1, a reference solution in the starter's shape."""


def flatten(images):
    """One image per row."""
    return images.reshape(len(images), -1)


def product_shape(left, right):
    """(m, n) @ (n, p) -> (m, p), or None."""
    return (left[0], right[1]) if left[1] == right[0] else None
