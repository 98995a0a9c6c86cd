from game.scenes.stack import BaseScene, Pop, Push, Replace, SceneStack


class Recorder(BaseScene):
    def __init__(self, name, log, opaque=True, transition=None):
        self.name, self.log, self.opaque, self.transition = name, log, opaque, transition
        self.updates = 0

    def enter(self):
        self.log.append(("enter", self.name))

    def exit(self):
        self.log.append(("exit", self.name))

    def update(self, dt):
        self.updates += 1
        t, self.transition = self.transition, None
        return t

    def draw(self, surface):
        surface.append(self.name)


def test_push_pop_replace_call_hooks_exactly_once():
    log = []
    stack = SceneStack()
    a = Recorder("a", log)
    stack.push(a)
    b = Recorder("b", log)
    a.transition = Push(b)
    stack.update(1 / 60)
    c = Recorder("c", log)
    b.transition = Replace(c)
    stack.update(1 / 60)
    c.transition = Pop()
    stack.update(1 / 60)
    assert stack.top is a
    assert log == [("enter", "a"), ("enter", "b"), ("exit", "b"), ("enter", "c"), ("exit", "c")]


def test_only_top_scene_updates_under_an_overlay():
    log = []
    stack = SceneStack()
    below, overlay = Recorder("below", log), Recorder("overlay", log, opaque=False)
    stack.push(below)
    stack.push(overlay)
    stack.update(1 / 60)
    assert (below.updates, overlay.updates) == (0, 1)


def test_draw_walks_down_to_first_opaque_scene_then_draws_upward():
    log = []
    stack = SceneStack()
    for name, opaque in (("hidden", True), ("base", True), ("dialogue", False), ("pause", False)):
        stack.push(Recorder(name, log, opaque=opaque))
    drawn = []
    stack.draw(drawn)
    assert drawn == ["base", "dialogue", "pause"]


def test_stack_of_overlays_only_draws_everything():
    stack = SceneStack()
    stack.push(Recorder("x", [], opaque=False))
    stack.push(Recorder("y", [], opaque=False))
    drawn = []
    stack.draw(drawn)
    assert drawn == ["x", "y"]


def test_popping_last_scene_empties_stack():
    log = []
    stack = SceneStack()
    stack.push(Recorder("only", log, transition=Pop()))
    stack.update(1 / 60)
    assert len(stack) == 0 and stack.top is None
    assert log[-1] == ("exit", "only")
