"""The tutor's tests: reference solutions live in solutions/ as learners' files, which
the tests hand to the checker; pytest must not import them itself."""

collect_ignore_glob = ["solutions/*"]
