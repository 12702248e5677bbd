"""How the gate's items report a failure: a GateFailure already says where and why, so pytest shows its
message alone, without a traceback of the gate's own code."""


class GateFailure(Exception):
    """A failure whose message already says where and why; shown without a pytest traceback."""


class ShowsGateFailure:
    """Mixin for the gate's pytest items (listed before the pytest base class)."""

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, GateFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)
