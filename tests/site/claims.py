"""The numbers the pages state in their prose, each with the test that asserts it.

A percentage, a duration or a speed-up in a page's prose is either written by the build
(``{{ guide.accuracy.last }}``, see nnlib/tools/site/numbers.py) or listed here, on its
page, with what asserts it: a test (``path::function``), or ``printed: <line>`` for a
number the page's own code prints just before (the line must be in an output block of
that page, which the page's tests compare with what the code prints).
``tests/site/test_claims.py`` scans every page and fails on any other.

Pages still to be gone through are in TO_DO, with the count of their unchecked numbers:
the scan skips them, and fails if one of them has become clean (take it off the list) or
states more unchecked numbers than listed.
"""

PART3 = "tests/snippets/test_part3.py"
BEYOND = "tests/snippets/test_beyond.py"
PASSES_98 = f"{BEYOND}::test_784_128_10_reaches_98_percent_within_15_epochs"
PASSES_98_3 = f"{BEYOND}::test_deeper_network_reaches_98_3_percent_within_20_epochs"
PASSES_90 = f"{PART3}::test_guide_network_passes_90_percent_by_epoch_2"
GUESSES = f"{PART3}::test_untrained_guide_network_guesses"

CLAIMS: dict[str, dict[str, str]] = {
    "index.md": {"90%": PASSES_90},
    "errata.md": {
        "90%": PASSES_90,
        "98%": PASSES_98,
    },
    # The ladder's accuracies and float32's speed-up are written from the build's run
    # (docs/figures/numbers.py); the full-data targets are asserted by the slow tests.
    "beyond/index.md": {"98%": PASSES_98},
    "beyond/training.md": {"98%": PASSES_98, "98.0%": PASSES_98, "98.3%": PASSES_98_3},
    # its times are measured by the build (docs/figures/beyond_vectorise.py); this is a quote
    # Times, rates and speed-ups are written from the committed records in benchmarks/
    # (docs/figures/beyond_bench.py), which tests/nnlib/tools/test_bench.py checks.
    "performance.md": {"100%": "tests/nnlib/tools/test_bench.py::test_the_counted_work_exceeds_what_nnlib_computes"},
    "beyond/why-vectorise.md": {"1000x": f"{BEYOND}::test_why_vectorise_quotes_the_original_guide"},
    "part1/numpy-matrices.md": {"95%": "printed: 95.4% of the weights lie within 0.2 of zero"},
    "part2/gradient-descent.md": {"20%": "tests/snippets/test_part2.py::test_gradient_descent_page_numbers"},
    "part3/step5-the-error.md": {"10%": GUESSES},
    "part3/step8-training-loop.md": {"10%": GUESSES, "90%": PASSES_90},
    "part5/exercises.md": {
        "10%": "tests/snippets/test_part5.py::test_find_the_bug_numbers",
        "90%": "tests/snippets/test_part5.py::test_exercise6_solution_passes_90_percent_in_the_second_epoch",
    },
    "part5/find-the-bug.md": {"10%": "tests/snippets/test_part5.py::test_find_the_bug_numbers"},
}

# Pages still to be gone through: none (the Beyond and Performance pages write their
# measured numbers from the build's runs and the committed benchmark records).
TO_DO: dict[str, int] = {}
