"""A widget built a part at a time, each part in its own pass of the event loop, so that
building it never keeps the window from answering for long (bench/responsiveness.py: 50 ms)."""

from __future__ import annotations

from collections.abc import Iterator

_DONE = object()


class Staged:
    """Mixed into a widget whose building is a generator (`_build`), yielding between parts."""

    _steps: Iterator[None] | None = None
    _failed = False  # a part raised: never whole

    def start_building(self, steps: Iterator[None], staged: bool) -> None:
        """staged: only begun, build_step() builds the rest; else built whole now. A staged
        widget is not to be used before it is whole."""
        self._steps = steps
        if not staged:
            self.finish_building()

    def build_step(self) -> bool:
        """One more part built; False once the widget is whole."""
        if self._failed:
            raise RuntimeError("a part of this widget failed to build")
        if self._steps is None:
            return False
        try:
            part = next(self._steps, _DONE)
        except BaseException:
            self._steps, self._failed = None, True
            raise
        if part is _DONE:
            self._steps = None
            return False
        return True

    def whole(self) -> bool:
        return self._steps is None and not self._failed

    def finish_building(self) -> None:
        while self.build_step():
            pass
