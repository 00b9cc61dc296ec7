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
    """Subclass of ValueError raised by TopologicalSorter.prepare if cycles
    exist in the working graph.

    If multiple cycles exist, only one undefined choice among them will be
    reported and included in the exception.  The detected cycle can be
    accessed via the second element in the *args* attribute of the
    exception instance and consists in a list of nodes, such that each node
    is, in the graph, an immediate predecessor of the next node in the
    list.  In the reported list, the first and the last node will be the
    same, to make it clear that it is cyclic.
    """


class TopologicalSorter:
    """Provides functionality to topologically sort a graph of hashable nodes"""

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
        """Add a new node and its predecessors to the graph.

        Both the *node* and all elements in *predecessors* must be hashable.

        If called multiple times with the same node argument, the set of
        dependencies will be the union of all dependencies passed in.

        It is possible to add a node with no dependencies (*predecessors* is
        not provided) as well as provide a dependency twice. If a node that
        has not been provided before is included among *predecessors* it
        will be automatically added to the graph with no predecessors of
        its own.

        Raises ValueError if called after "prepare".
        """
        if self._ready_nodes is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._get_nodeinfo(node)
        info.npredecessors += len(predecessors)
        for predecessor in predecessors:
            self._get_nodeinfo(predecessor).successors.append(node)

    def prepare(self):
        """Mark the graph as finished and check for cycles in the graph.

        If any cycle is detected, "CycleError" will be raised, but
        "get_ready" can still be used to obtain as many nodes as possible
        until cycles block more progress. After a call to this function,
        the graph cannot be modified and therefore no more nodes can be
        added using "add".

        Raises ValueError if nodes have already been passed out of the
        sorter.
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
        """Return a tuple of all the nodes that are ready.

        Initially it returns all nodes with no predecessors; once those are
        marked as processed by calling "done", further calls will return all
        new nodes that have all their predecessors already processed. Once
        no more progress can be made, empty tuples are returned.

        Raises ValueError if called without calling "prepare" previously.
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
        """Return ``True`` if more progress can be made and ``False``
        otherwise.

        Progress can be made if cycles do not block the resolution and
        either there are still nodes ready that haven't yet been returned by
        "get_ready" or the number of nodes marked "done" is less than the
        number that have been returned by "get_ready".

        Raises ValueError if called without calling "prepare" previously.
        """
        if self._ready_nodes is None:
            raise ValueError("prepare() must be called first")
        return self._nfinished < self._npassedout or bool(self._ready_nodes)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Marks a set of nodes returned by "get_ready" as processed.

        This method unblocks any successor of each node in *nodes* for being
        returned in the future by a call to "get_ready".

        Raises ValueError if any node in *nodes* has already been marked as
        processed by a previous call to this method, if a node was not added
        to the graph by using "add" or if called without calling "prepare"
        previously or if node has not yet been returned by "get_ready".
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
        """Returns an iterable of nodes in a topological order.

        The particular order that is returned may depend on the specific
        order in which the items were inserted in the graph.

        Using this method does not require to call "prepare" or "done". If
        any cycle is detected, :exc:`CycleError` will be raised.
        """
        self.prepare()
        while self.is_active():
            node_group = self.get_ready()
            yield from node_group
            self.done(*node_group)

    __class_getitem__ = classmethod(GenericAlias)
