"""The suite's own speed-up: the bytecode a worker writes ahead for a test module is pytest's rewritten one."""
import marshal

from conftest import rewrite_ahead


def test_a_module_written_ahead_explains_its_failing_assert_as_pytest_does(request, tmp_path):
    source = tmp_path / "test_ahead.py"
    source.write_text("def test_lists():\n    assert [1, 2] == [1, 3]\n", encoding="utf-8")
    assert rewrite_ahead(request.config, [source]) == 1
    (pyc,) = (tmp_path / "__pycache__").glob("test_ahead.*pytest*.pyc")
    namespace: dict = {}
    exec(marshal.loads(pyc.read_bytes()[16:]), namespace)  # after the pyc's 16-byte header
    try:
        namespace["test_lists"]()
    except AssertionError as failure:
        assert "At index 1 diff: 2 != 3" in str(failure)  # rewritten: a plain assert has no message
    else:
        raise AssertionError("the assert did not fail")
    assert rewrite_ahead(request.config, [source]) == 0  # written once: the next run finds it
