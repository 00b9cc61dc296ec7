"""Topological sorting of graphs of hashable nodes (TopologicalSorter)."""

from types import GenericAlias

__all__ = ["TopologicalSorter", "CycleError"]

# A node's bookkeeping: predecessors not yet done, and the nodes that
# wait for it.  Special counts mark where the node is in get_ready/done.
_NODE_OUT = -1      # returned by get_ready(), not yet marked done
_NODE_DONE = -2     # marked done


class _NodeInfo:
    __slots__ = "node", "npredecessors", "successors"

    def __init__(self, node):
        self.node = node
        self.npredecessors = 0
        self.successors = []


class CycleError(ValueError):
    """Raised by TopologicalSorter.prepare() when the graph has a cycle.

    args[1] is one cycle as a list of nodes, each an immediate predecessor
    of the next, whose first and last items are the same node.
    """


class TopologicalSorter:
    """Orders the nodes of a graph of hashable nodes so that every node
    comes after its predecessors, all at once (static_order) or group by
    group as work completes (prepare, get_ready, done)."""

    def __init__(self, graph=None):
        self._node2info = {}
        self._ready_nodes = None
        self._npassedout = 0
        self._nfinished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _get_nodeinfo(self, node):
        info = self._node2info.get(node)
        if info is None:
            info = self._node2info[node] = _NodeInfo(node)
        return info

    def add(self, node, *predecessors):
        """Add node, and each predecessor as one of its dependencies.

        Calling it again for a node adds to its dependencies; predecessors
        not seen before become nodes without dependencies of their own.
        Raises ValueError after prepare().
        """
        if self._ready_nodes is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._get_nodeinfo(node)
        info.npredecessors += len(predecessors)
        for predecessor in predecessors:
            self._get_nodeinfo(predecessor).successors.append(node)

    def prepare(self):
        """Freeze the graph and look for a cycle (CycleError).

        Even after a CycleError, get_ready() hands out the nodes that do
        not depend on the cycle.  Raises ValueError once get_ready() has
        handed out nodes.
        """
        if self._npassedout > 0:
            raise ValueError("cannot prepare() after starting sort")
        if self._ready_nodes is None:
            self._ready_nodes = [info.node for info in self._node2info.values()
                                 if info.npredecessors == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        """A tuple of the nodes whose predecessors are all done and that
        have not been handed out yet (empty when nothing can progress).

        Raises ValueError before prepare().
        """
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready_nodes)
        node2info = self._node2info
        for node in result:
            node2info[node].npredecessors = _NODE_OUT
        self._ready_nodes.clear()
        self._npassedout += len(result)
        return result

    def is_active(self):
        """Whether more progress is possible: some node handed out is not
        done yet, or some ready node has not been handed out.

        Raises ValueError before prepare().
        """
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        return self._nfinished < self._npassedout or bool(self._ready_nodes)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark nodes handed out by get_ready() as processed, which may make
        their successors ready.

        Raises ValueError for a node never added, not handed out yet, or
        already done, and before prepare().
        """
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        node2info = self._node2info
        for node in nodes:
            info = node2info.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            state = info.npredecessors
            if state != _NODE_OUT:
                if state >= 0:
                    raise ValueError(f"node {node!r} was not passed out "
                                     "(still not ready)")
                if state == _NODE_DONE:
                    raise ValueError(f"node {node!r} was already marked done")
                raise AssertionError(f"node {node!r}: unknown status {state}")
            info.npredecessors = _NODE_DONE
            for successor in info.successors:
                successor_info = node2info[successor]
                successor_info.npredecessors -= 1
                if successor_info.npredecessors == 0:
                    self._ready_nodes.append(successor)
            self._nfinished += 1

    def _find_cycle(self):
        """A cycle as a list of nodes (first == last), or None.  An
        iterative depth-first search, so deep graphs do not recurse."""
        node2info = self._node2info
        stack = []
        itstack = []
        seen = set()
        node2stacki = {}
        for start in node2info:
            if start in seen:
                continue
            node = start
            while True:
                if node in seen:
                    # A node on the current path: a cycle.
                    if node in node2stacki:
                        return stack[node2stacki[node]:] + [node]
                else:
                    seen.add(node)
                    itstack.append(iter(node2info[node].successors).__next__)
                    node2stacki[node] = len(stack)
                    stack.append(node)
                # The next successor of the top node; pop exhausted ones.
                while stack:
                    try:
                        node = itstack[-1]()
                        break
                    except StopIteration:
                        del node2stacki[stack.pop()]
                        itstack.pop()
                else:
                    break
        return None

    def static_order(self):
        """Iterate over all the nodes in a topological order (which one,
        among the valid orders, depends on insertion order).  Calls
        prepare() itself, so it raises CycleError for a cyclic graph.
        """
        self.prepare()
        while self.is_active():
            node_group = self.get_ready()
            yield from node_group
            self.done(*node_group)

    __class_getitem__ = classmethod(GenericAlias)
