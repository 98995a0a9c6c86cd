"""The suite's own speed-ups test what the suite tested before them: the bytecode a worker writes ahead for
a test module is pytest's rewritten one, and the fuzz tests' text draws the characters `st.text()` draws."""
import marshal

import pytest
from conftest import rewrite_ahead, utf8_text
from hypothesis.strategies._internal.lazy import unwrap_strategies


def test_a_module_written_ahead_explains_its_failing_assert_as_pytest_does(request, tmp_path):
    source = tmp_path / "test_ahead.py"
    source.write_text("def test_lists():\n    assert [1, 2] == [1, 3]\n", encoding="utf-8")
    assert rewrite_ahead(request.config, [source]) == 1
    (pyc,) = (tmp_path / "__pycache__").glob("test_ahead.*pytest*.pyc")
    namespace: dict = {}
    exec(marshal.loads(pyc.read_bytes()[16:]), namespace)  # after the pyc's 16-byte header
    with pytest.raises(AssertionError, match="At index 1 diff: 2 != 3"):  # a plain assert has no message
        namespace["test_lists"]()
    assert rewrite_ahead(request.config, [source]) == 0  # written once: the next run finds it


def test_the_fuzz_tests_text_draws_every_character_utf8_can_write():
    """`st.text()`'s default alphabet is `characters(codec="utf-8")`: every character UTF-8 encodes, which
    is every code point but the surrogates, U+D800 to U+DFFF (asked of the codec here at their edges; asking
    Hypothesis would build the very table `utf8_text` saves)."""
    text = unwrap_strategies(utf8_text(5))  # (private: the code point intervals its characters come from)
    assert unwrap_strategies(text.element_strategy).intervals.intervals == ((0, 0xD7FF), (0xE000, 0x10FFFF))
    for code in (0, 0xD7FF, 0xE000, 0x10FFFF):
        chr(code).encode("utf-8")
    for code in (0xD800, 0xDFFF):
        with pytest.raises(UnicodeEncodeError):
            chr(code).encode("utf-8")
