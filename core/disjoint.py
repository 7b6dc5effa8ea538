"""Disjoint sets (union-find) over integer ids, for components of links."""

from __future__ import annotations


class DisjointSets:
    """Union-find with path halving; an id is its own set until first joined."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        """The representative of x's set."""
        parent = self._parent
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b; False when they were one set already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self._parent[ra] = rb
        return True
